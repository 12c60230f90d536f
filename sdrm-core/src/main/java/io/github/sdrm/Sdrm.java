package io.github.sdrm;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.eval.FoldInSplit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The SDRM generator's configuration: an immutable set of hyperparameters that trains into a {@link
 * FittedSdrm}.
 *
 * <pre>{@code
 * InteractionMatrix augmented = Sdrm.builder()
 *     .timesteps(83).latentSize(830).vaeHiddenSize(930).denoiserLayers(2)
 *     .diffusionEpochs(265).diffusionBatchSize(550).diffusionLearningRate(2.1e-5)
 *     .vaeBatchSize(780).vaeLearningRate(6e-4).noiseVarianceDiminisher(1.0)
 *     .seed(7)
 *     .build()
 *     .augment(train);
 * }</pre>
 *
 * <p>Defaults are the authors' tuning start point (the MultiVAE paper's shape): diffusion epochs
 * 200, diffusion batch 500, diffusion learning rate 1e−5, T = 100, ν = 1, L = 4, VAE batch 500, H =
 * 600, d = 200, VAE learning rate 1e−3. The authors' tuned values for each dataset and recommender
 * are collected in sdrm-examples' {@code Presets}. The method follows D. Lilienthal, P. Mello, M.
 * Eirinaki, S. Tiomkin, "Multi-Resolution Diffusion for Privacy-Sensitive Recommender Systems",
 * IEEE Access 12 (2024) 58275–58287.
 */
public final class Sdrm {
  /**
   * The default {@link Builder#vaeMinEpochs}: with the reference's noisy validation, patience 20
   * alone ended 2 of 5 ML-100K runs on a plateau at epochs 86 and 67 (best 64 and 45) and gave
   * REPLACE below ORIGINAL; the reference's own runs stop at 285–324.
   */
  public static final int DEFAULT_VAE_MIN_EPOCHS = 100;

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 12345L;

  private final int diffusionEpochs;
  private final int diffusionBatchSize;
  private final double diffusionLearningRate;
  private final int timesteps;
  private final double noiseVarianceDiminisher;
  private final int denoiserLayers;
  private final int vaeBatchSize;
  private final int vaeHiddenSize;
  private final int latentSize;
  private final double vaeLearningRate;
  private final int vaeMaxEpochs;
  private final int vaePatience;
  private final int vaeMinEpochs;
  private final boolean vaeEarlyStopping;
  private final VaeValidation vaeValidation;
  private final double validationFraction;
  private final long seed;
  private final Resolution resolution;
  private final Binarizer binarizer;
  private final int generationBatchSize;
  private final int threads;
  private final int elementwiseThreads;
  private final TrainingListener listener;

  private Sdrm(Builder b) {
    diffusionEpochs = b.diffusionEpochs;
    diffusionBatchSize = b.diffusionBatchSize;
    diffusionLearningRate = b.diffusionLearningRate;
    timesteps = b.timesteps;
    noiseVarianceDiminisher = b.noiseVarianceDiminisher;
    denoiserLayers = b.denoiserLayers;
    vaeBatchSize = b.vaeBatchSize;
    vaeHiddenSize = b.vaeHiddenSize;
    latentSize = b.latentSize;
    vaeLearningRate = b.vaeLearningRate;
    vaeMaxEpochs = b.vaeMaxEpochs;
    vaePatience = b.vaePatience;
    vaeMinEpochs = b.vaeMinEpochs;
    vaeEarlyStopping = b.vaeEarlyStopping;
    vaeValidation = b.vaeValidation;
    validationFraction = b.validationFraction;
    seed = b.seed;
    resolution = b.resolution;
    binarizer = b.binarizer;
    generationBatchSize = b.generationBatchSize;
    threads = b.threads;
    elementwiseThreads = b.elementwiseThreads;
    listener = b.listener;
  }

  /**
   * The library's version as built (the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}); {@code
   * "unknown"} when the build's version resource is missing. Saved models record it.
   */
  public static String version() {
    return SdrmVersion.get();
  }

  /** A builder with every hyperparameter at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised with this configuration, for copy-and-change. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.diffusionEpochs = diffusionEpochs;
    b.diffusionBatchSize = diffusionBatchSize;
    b.diffusionLearningRate = diffusionLearningRate;
    b.timesteps = timesteps;
    b.noiseVarianceDiminisher = noiseVarianceDiminisher;
    b.denoiserLayers = denoiserLayers;
    b.vaeBatchSize = vaeBatchSize;
    b.vaeHiddenSize = vaeHiddenSize;
    b.latentSize = latentSize;
    b.vaeLearningRate = vaeLearningRate;
    b.vaeMaxEpochs = vaeMaxEpochs;
    b.vaePatience = vaePatience;
    b.vaeMinEpochs = vaeMinEpochs;
    b.vaeEarlyStopping = vaeEarlyStopping;
    b.vaeValidation = vaeValidation;
    b.validationFraction = validationFraction;
    b.seed = seed;
    b.resolution = resolution;
    b.binarizer = binarizer;
    b.generationBatchSize = generationBatchSize;
    b.threads = threads;
    b.elementwiseThreads = elementwiseThreads;
    b.listener = listener;
    return b;
  }

  /**
   * Trains on {@code train}. A seeded {@link #validationFraction()} of its users is held out for
   * the VAE's early stopping: their fold-in rows (80 % of each row) join the training rows, their
   * held-out entries are never trained on (how they are scored: {@link #vaeValidation()}).
   *
   * @throws IllegalArgumentException if {@code train} has no rows or no stored entries
   * @throws TrainingDivergedException if a loss becomes NaN or infinite
   */
  public FittedSdrm fit(InteractionMatrix train) {
    return SdrmTrainer.fit(this, train, null, null);
  }

  /**
   * Trains on {@code train}, using {@code validation}'s users for the VAE's early stopping: a
   * seeded fold-in split of each validation row, the fold-in rows joining the training rows and the
   * held-out entries never trained on (the reference's protocol; how they are scored: {@link
   * #vaeValidation()}).
   *
   * @throws IllegalArgumentException if a matrix is empty or their column counts differ
   */
  public FittedSdrm fit(InteractionMatrix train, InteractionMatrix validation) {
    Objects.requireNonNull(validation, "validation");
    return SdrmTrainer.fit(this, train, validation, null);
  }

  /**
   * Trains on {@code train} with an existing fold-in split of validation users: their fold-in rows
   * join the training rows and their held-out entries are never trained on. Use this when the same
   * split is used to evaluate the synthetic data afterwards, so that no held-out entry reaches the
   * generator's training data. (With {@link VaeValidation#REFERENCE}, as in the paper's code, the
   * validation users' whole rows, these held-out entries among them, are the targets of the
   * per-epoch validation, so they influence which VAE epoch is kept; with {@link
   * VaeValidation#LEAK_FREE} they do not.)
   *
   * @throws IllegalArgumentException if {@code train} is empty or the item counts differ
   */
  public FittedSdrm fit(InteractionMatrix train, FoldInSplit validation) {
    Objects.requireNonNull(validation, "validation");
    return SdrmTrainer.fit(this, train, null, validation);
  }

  /**
   * Fits on {@code matrix} and returns its rows followed by as many synthetic users, generated at
   * {@link #resolution()} and binarised with {@link #binarizer()}.
   */
  public InteractionMatrix augment(InteractionMatrix matrix) {
    return fit(matrix).augment(matrix);
  }

  /**
   * Fits on {@code matrix} and returns as many synthetic users as it has rows, and nothing else.
   */
  public InteractionMatrix replace(InteractionMatrix matrix) {
    return fit(matrix).replace(matrix);
  }

  /** Diffusion (stage 2) training epochs E. */
  public int diffusionEpochs() {
    return diffusionEpochs;
  }

  /** Diffusion mini-batch size ("SDRM batch"). */
  public int diffusionBatchSize() {
    return diffusionBatchSize;
  }

  /** Diffusion learning rate ("SDRM lr"), decayed linearly per epoch. */
  public double diffusionLearningRate() {
    return diffusionLearningRate;
  }

  /** Diffusion timesteps T. */
  public int timesteps() {
    return timesteps;
  }

  /** The noise variance diminisher ν: training and sampling noise is N(0, ν²I). */
  public double noiseVarianceDiminisher() {
    return noiseVarianceDiminisher;
  }

  /** Hidden blocks L of the denoiser (they share one Linear and one PReLU). */
  public int denoiserLayers() {
    return denoiserLayers;
  }

  /** VAE mini-batch size. */
  public int vaeBatchSize() {
    return vaeBatchSize;
  }

  /** VAE hidden width H. */
  public int vaeHiddenSize() {
    return vaeHiddenSize;
  }

  /** Latent width d (VAE latent and denoiser width). */
  public int latentSize() {
    return latentSize;
  }

  /** VAE learning rate. */
  public double vaeLearningRate() {
    return vaeLearningRate;
  }

  /** The most VAE epochs (early stopping usually ends sooner). */
  public int vaeMaxEpochs() {
    return vaeMaxEpochs;
  }

  /** The VAE stops after more than this many epochs without a new best validation recall. */
  public int vaePatience() {
    return vaePatience;
  }

  /**
   * Early stopping never ends VAE training before this many epochs (the best weights are still
   * restored).
   */
  public int vaeMinEpochs() {
    return vaeMinEpochs;
  }

  /**
   * Whether the VAE stops early and restores its best weights (the default, as the reference); when
   * false it trains exactly {@link #vaeMaxEpochs()} epochs and keeps the last weights.
   */
  public boolean vaeEarlyStopping() {
    return vaeEarlyStopping;
  }

  /** How early stopping validates the VAE; see {@link VaeValidation}. */
  public VaeValidation vaeValidation() {
    return vaeValidation;
  }

  /** Fraction of users held out for validation by {@link #fit(InteractionMatrix)}. */
  public double validationFraction() {
    return validationFraction;
  }

  /** The seed of every random choice in training and of default generation. */
  public long seed() {
    return seed;
  }

  /** Resolution used by {@link #augment} and {@link #replace}. */
  public Resolution resolution() {
    return resolution;
  }

  /** How generated logits become interactions. */
  public Binarizer binarizer() {
    return binarizer;
  }

  /** Users generated per batch; memory of generation grows with this, not with the user count. */
  public int generationBatchSize() {
    return generationBatchSize;
  }

  /** BLAS threads for training and generation; 0 keeps ND4J's setting. Process-wide. */
  public int threads() {
    return threads;
  }

  /** ND4J element-wise (OpenMP) threads; 0 keeps ND4J's setting. Process-wide. */
  public int elementwiseThreads() {
    return elementwiseThreads;
  }

  /** The progress listener. */
  public TrainingListener listener() {
    return listener;
  }

  /** Every hyperparameter as text, for provenance and model files (the listener excluded). */
  Map<String, String> toProperties() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("diffusionEpochs", Integer.toString(diffusionEpochs));
    m.put("diffusionBatchSize", Integer.toString(diffusionBatchSize));
    m.put("diffusionLearningRate", Double.toString(diffusionLearningRate));
    m.put("timesteps", Integer.toString(timesteps));
    m.put("noiseVarianceDiminisher", Double.toString(noiseVarianceDiminisher));
    m.put("denoiserLayers", Integer.toString(denoiserLayers));
    m.put("vaeBatchSize", Integer.toString(vaeBatchSize));
    m.put("vaeHiddenSize", Integer.toString(vaeHiddenSize));
    m.put("latentSize", Integer.toString(latentSize));
    m.put("vaeLearningRate", Double.toString(vaeLearningRate));
    m.put("vaeMaxEpochs", Integer.toString(vaeMaxEpochs));
    m.put("vaePatience", Integer.toString(vaePatience));
    m.put("vaeMinEpochs", Integer.toString(vaeMinEpochs));
    m.put("vaeEarlyStopping", Boolean.toString(vaeEarlyStopping));
    m.put("vaeValidation", vaeValidation.name());
    m.put("validationFraction", Double.toString(validationFraction));
    m.put("seed", Long.toString(seed));
    m.put("resolution", resolution.name());
    m.put("binarizer", binarizer.toString());
    m.put("generationBatchSize", Integer.toString(generationBatchSize));
    m.put("threads", Integer.toString(threads));
    m.put("elementwiseThreads", Integer.toString(elementwiseThreads));
    return m;
  }

  /** The inverse of {@link #toProperties()}; every key must be present and valid. */
  static Sdrm fromProperties(Map<String, String> p) {
    Builder b = builder();
    b.diffusionEpochs(Integer.parseInt(need(p, "diffusionEpochs")));
    b.diffusionBatchSize(Integer.parseInt(need(p, "diffusionBatchSize")));
    b.diffusionLearningRate(Double.parseDouble(need(p, "diffusionLearningRate")));
    b.timesteps(Integer.parseInt(need(p, "timesteps")));
    b.noiseVarianceDiminisher(Double.parseDouble(need(p, "noiseVarianceDiminisher")));
    b.denoiserLayers(Integer.parseInt(need(p, "denoiserLayers")));
    b.vaeBatchSize(Integer.parseInt(need(p, "vaeBatchSize")));
    b.vaeHiddenSize(Integer.parseInt(need(p, "vaeHiddenSize")));
    b.latentSize(Integer.parseInt(need(p, "latentSize")));
    b.vaeLearningRate(Double.parseDouble(need(p, "vaeLearningRate")));
    b.vaeMaxEpochs(Integer.parseInt(need(p, "vaeMaxEpochs")));
    b.vaePatience(Integer.parseInt(need(p, "vaePatience")));
    // added later; models saved before it were trained without a minimum
    b.vaeMinEpochs(Integer.parseInt(p.getOrDefault("vaeMinEpochs", "0")));
    // added after the first files of format 1 were written; absent means the default
    b.vaeEarlyStopping(Boolean.parseBoolean(p.getOrDefault("vaeEarlyStopping", "true")));
    // added later still; files written before it were trained leak-free
    b.vaeValidation(VaeValidation.valueOf(p.getOrDefault("vaeValidation", "LEAK_FREE")));
    b.validationFraction(Double.parseDouble(need(p, "validationFraction")));
    b.seed(Long.parseLong(need(p, "seed")));
    b.resolution(Resolution.valueOf(need(p, "resolution")));
    b.binarizer(Binarizer.parse(need(p, "binarizer")));
    b.generationBatchSize(Integer.parseInt(need(p, "generationBatchSize")));
    b.threads(Integer.parseInt(need(p, "threads")));
    b.elementwiseThreads(Integer.parseInt(need(p, "elementwiseThreads")));
    return b.build();
  }

  private static String need(Map<String, String> p, String key) {
    String v = p.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing configuration key " + key);
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sdrm
        && ((Sdrm) o).toProperties().equals(toProperties())
        && ((Sdrm) o).listener == listener;
  }

  @Override
  public int hashCode() {
    return toProperties().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Sdrm{");
    String sep = "";
    for (Map.Entry<String, String> e : toProperties().entrySet()) {
      sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = ", ";
    }
    return sb.append('}').toString();
  }

  /**
   * Builds an {@link Sdrm}. Every setter rejects an invalid value at once with an {@link
   * IllegalArgumentException} that names the hyperparameter, the rule and the value found. {@link
   * #build()} may be called repeatedly and leaves the builder unchanged.
   */
  public static final class Builder {
    private int diffusionEpochs = 200;
    private int diffusionBatchSize = 500;
    private double diffusionLearningRate = 1e-5;
    private int timesteps = 100;
    private double noiseVarianceDiminisher = 1.0;
    private int denoiserLayers = 4;
    private int vaeBatchSize = 500;
    private int vaeHiddenSize = 600;
    private int latentSize = 200;
    private double vaeLearningRate = 1e-3;
    private int vaeMaxEpochs = 500;
    private int vaePatience = 20;
    private int vaeMinEpochs = DEFAULT_VAE_MIN_EPOCHS;
    private boolean vaeEarlyStopping = true;
    private VaeValidation vaeValidation = VaeValidation.REFERENCE;
    private double validationFraction = 0.1;
    private long seed = DEFAULT_SEED;
    private Resolution resolution = Resolution.FULL;
    private Binarizer binarizer = Binarizer.equalSparsity();
    private int generationBatchSize = 1000;
    private int threads = 0;
    private int elementwiseThreads = 0;
    private TrainingListener listener = TrainingListener.NONE;

    private Builder() {}

    /** Diffusion training epochs E, at least 1 (default 200). */
    public Builder diffusionEpochs(int epochs) {
      diffusionEpochs = atLeast("diffusionEpochs", epochs, 1);
      return this;
    }

    /** Diffusion mini-batch size, at least 1 (default 500). */
    public Builder diffusionBatchSize(int size) {
      diffusionBatchSize = atLeast("diffusionBatchSize", size, 1);
      return this;
    }

    /** Diffusion learning rate, positive and finite (default 1e-5). */
    public Builder diffusionLearningRate(double lr) {
      diffusionLearningRate = positive("diffusionLearningRate", lr);
      return this;
    }

    /** Diffusion timesteps T, at least 2 (default 100). */
    public Builder timesteps(int t) {
      timesteps = atLeast("timesteps", t, 2);
      return this;
    }

    /** Noise variance diminisher ν, positive and finite (default 1). */
    public Builder noiseVarianceDiminisher(double nu) {
      noiseVarianceDiminisher = positive("noiseVarianceDiminisher", nu);
      return this;
    }

    /** Shared hidden blocks L of the denoiser, at least 0 (default 4). */
    public Builder denoiserLayers(int layers) {
      denoiserLayers = atLeast("denoiserLayers", layers, 0);
      return this;
    }

    /** VAE mini-batch size, at least 1 (default 500). */
    public Builder vaeBatchSize(int size) {
      vaeBatchSize = atLeast("vaeBatchSize", size, 1);
      return this;
    }

    /** VAE hidden width H, at least 1 (default 600). */
    public Builder vaeHiddenSize(int size) {
      vaeHiddenSize = atLeast("vaeHiddenSize", size, 1);
      return this;
    }

    /** Latent width d, at least 1 (default 200). */
    public Builder latentSize(int size) {
      latentSize = atLeast("latentSize", size, 1);
      return this;
    }

    /** VAE learning rate, positive and finite (default 1e-3). */
    public Builder vaeLearningRate(double lr) {
      vaeLearningRate = positive("vaeLearningRate", lr);
      return this;
    }

    /** The most VAE epochs, at least 1 (default 500). */
    public Builder vaeMaxEpochs(int epochs) {
      vaeMaxEpochs = atLeast("vaeMaxEpochs", epochs, 1);
      return this;
    }

    /** Early-stopping patience of the VAE in epochs, at least 0 (default 20). */
    public Builder vaePatience(int epochs) {
      vaePatience = atLeast("vaePatience", epochs, 0);
      return this;
    }

    /**
     * The fewest VAE epochs early stopping may end on, at least 0 (default {@value
     * Sdrm#DEFAULT_VAE_MIN_EPOCHS}; 0 = patience alone, as the reference). Above {@link
     * #vaeMaxEpochs} the maximum wins.
     */
    public Builder vaeMinEpochs(int epochs) {
      vaeMinEpochs = atLeast("vaeMinEpochs", epochs, 0);
      return this;
    }

    /**
     * Whether the VAE stops early on its validation Recall@10 and restores the best weights
     * (default true, the reference's procedure). With false it trains exactly {@code vaeMaxEpochs}
     * epochs and keeps the last weights; the validation metric is still reported.
     */
    public Builder vaeEarlyStopping(boolean enabled) {
      vaeEarlyStopping = enabled;
      return this;
    }

    /**
     * How the VAE's early stopping validates (default {@link VaeValidation#REFERENCE}, which
     * reproduces the paper's figures; {@link VaeValidation#LEAK_FREE} never scores entries it
     * trained on and stops much sooner).
     */
    public Builder vaeValidation(VaeValidation mode) {
      vaeValidation = Objects.requireNonNull(mode, "vaeValidation");
      return this;
    }

    /** Fraction of users held out for validation by {@code fit(train)}, in (0, 1) (default 0.1). */
    public Builder validationFraction(double fraction) {
      if (!(fraction > 0.0 && fraction < 1.0)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "validationFraction must be in (0, 1), found %s", fraction));
      }
      validationFraction = fraction;
      return this;
    }

    /** The seed (default {@link Sdrm#DEFAULT_SEED}). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Resolution of {@code augment} and {@code replace} (default {@link Resolution#FULL}). */
    public Builder resolution(Resolution resolution) {
      this.resolution = Objects.requireNonNull(resolution, "resolution");
      return this;
    }

    /** Binarisation of generated users (default {@link Binarizer#equalSparsity()}). */
    public Builder binarizer(Binarizer binarizer) {
      this.binarizer = Objects.requireNonNull(binarizer, "binarizer");
      return this;
    }

    /** Users generated per batch, at least 1 (default 1000). */
    public Builder generationBatchSize(int size) {
      generationBatchSize = atLeast("generationBatchSize", size, 1);
      return this;
    }

    /**
     * BLAS threads used while training and generating; 0 keeps ND4J's own setting (default 0). The
     * setting is process-wide. Results are bit-identical for a fixed seed and thread counts.
     */
    public Builder threads(int threads) {
      this.threads = atLeast("threads", threads, 0);
      return this;
    }

    /**
     * ND4J's element-wise (OpenMP) threads; 0 keeps ND4J's own setting (default 0). On a 2-core
     * machine 1 was faster than 2 (BLAS still uses both cores): StepBenchmark measured a VAE step
     * of 225 ms instead of 308 ms and a diffusion step of 283 ms instead of 371 ms. Process-wide.
     */
    public Builder elementwiseThreads(int threads) {
      this.elementwiseThreads = atLeast("elementwiseThreads", threads, 0);
      return this;
    }

    /** Progress listener (default: none). */
    public Builder listener(TrainingListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Builds the configuration. */
    public Sdrm build() {
      return new Sdrm(this);
    }

    private static int atLeast(String name, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "%s must be at least %d, found %d", name, min, value));
      }
      return value;
    }

    private static double positive(String name, double value) {
      if (!(value > 0.0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "%s must be positive and finite, found %s", name, value));
      }
      return value;
    }
  }
}
