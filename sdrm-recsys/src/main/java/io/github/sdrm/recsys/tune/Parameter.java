package io.github.sdrm.recsys.tune;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One dimension of a search space: an integer or float range (optionally on a log scale, or with a
 * step) or a list of categorical choices. Values travel as doubles: a categorical value is the
 * index of its choice.
 */
public final class Parameter {
  /** What kind of values a parameter takes. */
  public enum Kind {
    /** Integers in [low, high] on a grid of {@code step} from {@code low}. */
    INT,
    /** Reals in [low, high], on a grid of {@code step} from {@code low} when step &gt; 0. */
    FLOAT,
    /** One of a list of choices. */
    CATEGORICAL
  }

  private final String name;
  private final Kind kind;
  private final double low;
  private final double high;
  private final double step;
  private final boolean log;
  private final List<String> choices;

  private Parameter(
      String name,
      Kind kind,
      double low,
      double high,
      double step,
      boolean log,
      List<String> choices) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = kind;
    this.low = low;
    this.high = high;
    this.step = step;
    this.log = log;
    this.choices = choices;
  }

  /**
   * An integer parameter.
   *
   * @param step the grid from {@code low}, at least 1
   * @param log sample on a log scale (needs {@code low >= 1} and step 1)
   * @throws IllegalArgumentException for an empty range, a bad step or an impossible log scale
   */
  public static Parameter integer(String name, int low, int high, int step, boolean log) {
    check(name, low, high);
    if (step < 1) {
      throw new IllegalArgumentException(name + ": step must be at least 1, found " + step);
    }
    if (log && (low < 1 || step != 1)) {
      throw new IllegalArgumentException(
          name
              + ": a log-scale integer needs low >= 1 and step 1, found low "
              + low
              + " and step "
              + step);
    }
    return new Parameter(name, Kind.INT, low, high, step, log, null);
  }

  /**
   * A float parameter.
   *
   * @param step the grid from {@code low}, or 0 for a continuous range
   * @param log sample on a log scale (needs {@code low > 0} and no step)
   */
  public static Parameter real(String name, double low, double high, double step, boolean log) {
    check(name, low, high);
    if (!(step >= 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException(name + ": step must be 0 or positive, found " + step);
    }
    if (log && (low <= 0 || step > 0)) {
      throw new IllegalArgumentException(
          name
              + ": a log-scale float needs low > 0 and no step, found low "
              + low
              + " and step "
              + step);
    }
    return new Parameter(name, Kind.FLOAT, low, high, step, log, null);
  }

  /** A categorical parameter; its choices are written as given (numbers or words). */
  public static Parameter categorical(String name, List<String> choices) {
    Objects.requireNonNull(choices, "choices");
    if (choices.isEmpty()) {
      throw new IllegalArgumentException(name + ": at least one choice is required, found none");
    }
    if (choices.stream().distinct().count() != choices.size()) {
      throw new IllegalArgumentException(name + ": choices must be distinct, found " + choices);
    }
    return new Parameter(
        name, Kind.CATEGORICAL, 0, choices.size() - 1, 1, false, List.copyOf(choices));
  }

  private static void check(String name, double low, double high) {
    Objects.requireNonNull(name, "name");
    if (!Double.isFinite(low) || !Double.isFinite(high) || !(low <= high)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: the range must be finite and not empty, found [%s, %s]",
              name,
              low,
              high));
    }
  }

  /** The parameter's name. */
  public String name() {
    return name;
  }

  /** The kind of values. */
  public Kind kind() {
    return kind;
  }

  /** The lowest value (for a categorical parameter: 0, the first index). */
  public double low() {
    return low;
  }

  /** The highest value (for a categorical parameter: the last index). */
  public double high() {
    return high;
  }

  /** The grid step, 0 for a continuous float. */
  public double step() {
    return step;
  }

  /** Whether values are sampled on a log scale. */
  public boolean log() {
    return log;
  }

  /** The choices of a categorical parameter, else null. */
  public List<String> choices() {
    return choices;
  }

  /** Whether {@code v} is a value this parameter can take (on its grid, within range). */
  public boolean contains(double v) {
    if (!(v >= low && v <= high)) {
      return false;
    }
    if (kind == Kind.CATEGORICAL || kind == Kind.INT) {
      return v == Math.rint(v) && (step <= 1 || Math.abs((v - low) % step) < 1e-9);
    }
    if (step > 0) {
      double k = (v - low) / step;
      return Math.abs(k - Math.rint(k)) < 1e-6;
    }
    return true;
  }

  /**
   * The nearest value of this parameter to {@code x}: clamped into range, then snapped to the grid
   * (integers and categorical indices rounded).
   */
  public double snap(double x) {
    double v = Math.max(low, Math.min(high, x));
    if (kind == Kind.CATEGORICAL) {
      return Math.rint(v);
    }
    if (step > 0) {
      double k = Math.rint((v - low) / step);
      v = low + k * step;
      if (v > high + 1e-12) {
        v -= step;
      }
      if (kind == Kind.FLOAT) {
        // keep the grid's decimal digits (1e-6 steps must not print as 9.999999999e-7)
        v = Double.parseDouble(String.format(Locale.ROOT, "%.12g", v));
      }
    }
    return kind == Kind.INT ? Math.rint(v) : v;
  }

  /** The value as written in journals and presets: an integer, a number or the choice. */
  public String format(double v) {
    return switch (kind) {
      case INT -> Long.toString((long) v);
      case FLOAT -> Double.toString(v);
      case CATEGORICAL -> choices.get((int) v);
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CATEGORICAL -> name + " in " + choices;
      default ->
          String.format(
              Locale.ROOT,
              "%s %s [%s, %s]%s%s",
              name,
              kind == Kind.INT ? "int" : "float",
              format(low),
              format(high),
              step > 0 && !(kind == Kind.INT && step == 1) ? " step " + step : "",
              log ? " log" : "");
    };
  }
}
