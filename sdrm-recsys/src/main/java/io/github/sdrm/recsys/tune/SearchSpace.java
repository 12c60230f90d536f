package io.github.sdrm.recsys.tune;

import io.github.sdrm.Sdrm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ObjDoubleConsumer;

/**
 * An ordered set of {@link Parameter}s. For SDRM the names are those of {@link Sdrm.Builder}'s
 * hyperparameters ({@link #SDRM_PARAMETERS}); {@link #paper()} is the space the authors searched.
 */
public final class SearchSpace {
  /** The SDRM hyperparameters a search can set, by name, and how each is applied. */
  public static final Map<String, ObjDoubleConsumer<Sdrm.Builder>> SDRM_PARAMETERS;

  static {
    Map<String, ObjDoubleConsumer<Sdrm.Builder>> m = new LinkedHashMap<>();
    m.put("diffusionEpochs", (b, v) -> b.diffusionEpochs((int) v));
    m.put("diffusionLearningRate", Sdrm.Builder::diffusionLearningRate);
    m.put("diffusionBatchSize", (b, v) -> b.diffusionBatchSize((int) v));
    m.put("denoiserLayers", (b, v) -> b.denoiserLayers((int) v));
    m.put("timesteps", (b, v) -> b.timesteps((int) v));
    m.put("noiseVarianceDiminisher", Sdrm.Builder::noiseVarianceDiminisher);
    m.put("latentSize", (b, v) -> b.latentSize((int) v));
    m.put("vaeHiddenSize", (b, v) -> b.vaeHiddenSize((int) v));
    m.put("vaeLearningRate", Sdrm.Builder::vaeLearningRate);
    m.put("vaeBatchSize", (b, v) -> b.vaeBatchSize((int) v));
    SDRM_PARAMETERS = java.util.Collections.unmodifiableMap(m);
  }

  private final List<Parameter> parameters;
  private final Map<String, Parameter> byName = new LinkedHashMap<>();

  /**
   * A space of these parameters, in this order.
   *
   * @throws IllegalArgumentException if a name repeats or there is no parameter
   */
  public SearchSpace(List<Parameter> parameters) {
    Objects.requireNonNull(parameters, "parameters");
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("a search space needs at least one parameter");
    }
    for (Parameter p : parameters) {
      if (byName.put(p.name(), p) != null) {
        throw new IllegalArgumentException("parameter " + p.name() + " is defined twice");
      }
    }
    this.parameters = List.copyOf(parameters);
  }

  /**
   * The authors' search space (their Optuna steps): diffusion epochs 5–501 step 5, diffusion lr
   * 1e-6–1e-4 step 1e-6, denoiser layers 0–5, T 3–200 step 5, ν in {1, 0.9, …, 0.1, 0.01}, d
   * 20–1000 step 10, H 50–1000 step 50 (the authors drew H from [d, 1000]; {@link #apply} raises an
   * H below d to d), VAE lr 1e-4–1e-2 step 1e-4, VAE batch and diffusion batch 30–1000 step 10.
   */
  public static SearchSpace paper() {
    return new SearchSpace(
        List.of(
            Parameter.integer("diffusionEpochs", 5, 501, 5, false),
            Parameter.real("diffusionLearningRate", 1e-6, 1e-4, 1e-6, false),
            Parameter.integer("denoiserLayers", 0, 5, 1, false),
            Parameter.integer("timesteps", 3, 200, 5, false),
            Parameter.categorical(
                "noiseVarianceDiminisher",
                List.of(
                    "1.0", "0.9", "0.8", "0.7", "0.6", "0.5", "0.4", "0.3", "0.2", "0.1", "0.01")),
            Parameter.integer("latentSize", 20, 1000, 10, false),
            Parameter.integer("vaeHiddenSize", 50, 1000, 50, false),
            Parameter.real("vaeLearningRate", 1e-4, 1e-2, 1e-4, false),
            Parameter.integer("vaeBatchSize", 30, 1000, 10, false),
            Parameter.integer("diffusionBatchSize", 30, 1000, 10, false)));
  }

  /**
   * Reads a space from a JSON file: one object whose keys are SDRM hyperparameter names and whose
   * values are {@code {"type": "int"|"float"|"categorical", "low": …, "high": …, "step": …, "log":
   * true|false, "choices": […]}}.
   *
   * @throws IllegalArgumentException naming the file and the parameter for an unknown name, a bad
   *     range or malformed JSON
   */
  public static SearchSpace read(Path file) throws IOException {
    String text = Files.readString(file);
    Object json;
    try {
      json = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage());
    }
    if (!(json instanceof Map<?, ?> top)) {
      throw new IllegalArgumentException(file + ": expected a JSON object of parameters");
    }
    List<Parameter> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : top.entrySet()) {
      String name = (String) e.getKey();
      if (!SDRM_PARAMETERS.containsKey(name)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: unknown parameter '%s'; expected one of %s",
                file,
                name,
                String.join(", ", SDRM_PARAMETERS.keySet())));
      }
      if (!(e.getValue() instanceof Map<?, ?> spec)) {
        throw new IllegalArgumentException(file + ": parameter " + name + " must be an object");
      }
      try {
        out.add(parameter(name, spec));
      } catch (IllegalArgumentException | ClassCastException x) {
        throw new IllegalArgumentException(file + ": " + x.getMessage());
      }
    }
    try {
      return new SearchSpace(out);
    } catch (IllegalArgumentException x) {
      throw new IllegalArgumentException(file + ": " + x.getMessage());
    }
  }

  private static Parameter parameter(String name, Map<?, ?> spec) {
    Object type = spec.get("type");
    boolean log = Boolean.TRUE.equals(spec.get("log"));
    if ("categorical".equals(type)) {
      Object choices = spec.get("choices");
      if (!(choices instanceof List<?> list)) {
        throw new IllegalArgumentException(name + ": a categorical parameter needs \"choices\"");
      }
      List<String> c = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof Number d)) {
          throw new IllegalArgumentException(name + ": choices must be numbers, found " + o);
        }
        c.add(Double.toString(d.doubleValue()));
      }
      return Parameter.categorical(name, c);
    }
    if (!(spec.get("low") instanceof Number lowN) || !(spec.get("high") instanceof Number highN)) {
      throw new IllegalArgumentException(name + ": needs numeric \"low\" and \"high\"");
    }
    double low = lowN.doubleValue();
    double high = highN.doubleValue();
    double step = spec.get("step") instanceof Number s ? s.doubleValue() : 0;
    if ("int".equals(type)) {
      if (low != Math.rint(low) || high != Math.rint(high) || step != Math.rint(step)) {
        throw new IllegalArgumentException(name + ": int bounds and step must be integers");
      }
      return Parameter.integer(
          name, (int) (double) low, (int) (double) high, step == 0 ? 1 : (int) step, log);
    }
    if ("float".equals(type)) {
      return Parameter.real(name, low, high, step, log);
    }
    throw new IllegalArgumentException(
        name + ": \"type\" must be int, float or categorical, found " + type);
  }

  /** The parameters, in order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The parameter called {@code name}, or null. */
  public Parameter get(String name) {
    return byName.get(name);
  }

  /**
   * Sets the sampled values on a builder (an H below d is raised to d, as the authors' space keeps
   * H ≥ d).
   */
  public void apply(Map<String, Double> values, Sdrm.Builder builder) {
    for (Parameter p : parameters) {
      Double v = values.get(p.name());
      if (v == null) {
        continue;
      }
      double x =
          p.kind() == Parameter.Kind.CATEGORICAL
              ? Double.parseDouble(p.choices().get((int) (double) v))
              : v;
      SDRM_PARAMETERS.get(p.name()).accept(builder, x);
    }
    Double d = values.get("latentSize");
    Double h = values.get("vaeHiddenSize");
    if (d != null && h != null && h < d) {
      builder.vaeHiddenSize((int) (double) d);
    }
  }

  @Override
  public String toString() {
    return parameters.toString();
  }
}
