package io.github.sdrm.recsys.tune;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hyperparameter search: trials are suggested by a {@link Sampler}, scored by an {@link
 * Objective} (larger is better), and each finished trial is appended to a JSON-lines {@link
 * Journal}. {@link Builder#resume} continues a journal: because suggestions depend only on the
 * finished trials and the trial number, and trial i runs with seed {@code seed + i}, the trials
 * that follow are those an uninterrupted search would have run. A trial whose objective throws (or
 * returns NaN) is recorded as failed and the search goes on. With a {@link Pruner}, an objective
 * that reports intermediate values ({@link Intermediate}) can be stopped early; such a trial is
 * recorded as pruned.
 */
public final class Study {
  private static final Logger LOG = LoggerFactory.getLogger(Study.class);

  /** What a search optimises. */
  public interface Objective {
    /**
     * Scores one set of parameters.
     *
     * @param params the values by name (categorical: the choice's index)
     * @param seed the seed this trial must use
     */
    Result evaluate(Map<String, Double> params, long seed) throws Exception;

    /**
     * Scores one set of parameters, reporting intermediate values (for example the mean after each
     * run) so that a pruner can stop it. The default ignores {@code intermediate}.
     */
    default Result evaluate(Map<String, Double> params, long seed, Intermediate intermediate)
        throws Exception {
      return evaluate(params, seed);
    }
  }

  /** Where a running objective reports its intermediate values. */
  public interface Intermediate {
    /**
     * Reports the value at {@code step} (0, 1, … in order).
     *
     * @throws TrialPrunedException when the study's pruner stops the trial; let it propagate
     */
    void report(int step, double value);
  }

  /** Thrown by {@link Intermediate#report} to stop a pruned trial. */
  public static final class TrialPrunedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TrialPrunedException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * An objective's answer.
   *
   * @param value the score, larger is better
   * @param vaeEpochs VAE epochs trained (0 where not applicable)
   */
  public record Result(double value, int vaeEpochs) {}

  /** Progress callbacks. */
  public interface Listener {
    /** A trial finished; {@code best} is the best complete trial so far, or null. */
    void onTrial(Trial trial, Trial best, int trials);
  }

  private final SearchSpace space;
  private final Sampler sampler;
  private final Objective objective;
  private final Path journal;
  private final int trials;
  private final Duration timeout;
  private final long seed;
  private final boolean resume;
  private final Listener listener;
  private final Pruner pruner;

  private Study(Builder b) {
    this.space = b.space;
    this.sampler = b.sampler;
    this.objective = b.objective;
    this.journal = b.journal;
    this.trials = b.trials;
    this.timeout = b.timeout;
    this.seed = b.seed;
    this.resume = b.resume;
    this.listener = b.listener;
    this.pruner = b.pruner;
  }

  /** A builder. */
  public static Builder builder(SearchSpace space, Sampler sampler, Objective objective) {
    return new Builder(space, sampler, objective);
  }

  /** The best complete trial of {@code trials}, or null (ties: the earlier). */
  public static Trial best(List<Trial> trials) {
    Trial best = null;
    for (Trial t : trials) {
      if (t.state() == Trial.State.COMPLETE && (best == null || t.value() > best.value())) {
        best = t;
      }
    }
    return best;
  }

  /**
   * Runs trials until the study has {@code trials} of them or the timeout passed.
   *
   * @return every trial of the journal, the resumed ones first
   * @throws IllegalArgumentException if the journal exists and resume is off, or is corrupt
   */
  public List<Trial> run() throws IOException {
    List<Trial> history = new ArrayList<>();
    if (journal != null && Files.exists(journal) && Files.size(journal) > 0 && !resume) {
      throw new IllegalArgumentException(
          journal + " already holds trials; resume it or choose another journal file");
    }
    FileChannel channel = journal == null ? null : Journal.open(journal);
    try (FileLock lock = channel == null ? null : Journal.lock(channel, journal)) {
      if (journal != null && Files.size(journal) > 0) {
        history.addAll(Journal.read(journal, space));
        LOG.info("resuming {} after {} trials", journal, history.size());
      }
      long start = System.nanoTime();
      for (int number = history.size(); number < trials; number++) {
        if (timeout != null && System.nanoTime() - start > timeout.toNanos()) {
          LOG.info("timeout after {} trials", number);
          break;
        }
        Trial trial = runTrial(number, history);
        history.add(trial);
        if (channel != null) {
          Journal.append(channel, trial, space);
        }
        listener.onTrial(trial, best(history), trials);
      }
    } finally {
      if (channel != null) {
        channel.close();
      }
    }
    return history;
  }

  private Trial runTrial(int number, List<Trial> history) {
    Map<String, Double> params = sampler.suggest(space, history, number);
    long trialSeed = seed + number;
    long t0 = System.nanoTime();
    List<Double> reported = new ArrayList<>();
    Intermediate intermediate =
        (step, value) -> {
          if (step != reported.size()) {
            throw new IllegalStateException(
                "intermediate steps must be reported in order from 0; expected "
                    + reported.size()
                    + ", found "
                    + step);
          }
          reported.add(value);
          if (pruner.shouldPrune(step, reported, history)) {
            throw new TrialPrunedException(
                String.format(
                    Locale.ROOT, "pruned at step %d with %.6f by %s", step, value, pruner));
          }
        };
    // every ending records the same trial fields; only state, value, epochs and message differ
    TrialEnd end =
        (state, value, epochs, message) ->
            new Trial(
                number,
                state,
                params,
                value,
                trialSeed,
                (System.nanoTime() - t0) / 1e9,
                epochs,
                message,
                reported);
    try {
      Result r = objective.evaluate(params, trialSeed, intermediate);
      return Double.isFinite(r.value())
          ? end.of(Trial.State.COMPLETE, r.value(), r.vaeEpochs(), null)
          : end.of(Trial.State.FAILED, Double.NaN, r.vaeEpochs(), "the objective was " + r.value());
    } catch (TrialPrunedException e) {
      LOG.info("trial {} {}", number, e.getMessage());
      return end.of(Trial.State.PRUNED, Double.NaN, 0, e.getMessage());
    } catch (Exception | OutOfMemoryError e) {
      LOG.warn("trial {} failed: {}", number, e.toString());
      return end.of(Trial.State.FAILED, Double.NaN, 0, e.toString());
    }
  }

  /** Builds the record of a finished trial. */
  private interface TrialEnd {
    Trial of(Trial.State state, double value, int vaeEpochs, String message);
  }

  /** Builds a {@link Study}. */
  public static final class Builder {
    private final SearchSpace space;
    private final Sampler sampler;
    private final Objective objective;
    private Path journal;
    private int trials = 100;
    private Duration timeout;
    private long seed;
    private boolean resume;
    private Listener listener = (t, b, n) -> {};
    private Pruner pruner = Pruner.NONE;

    private Builder(SearchSpace space, Sampler sampler, Objective objective) {
      this.space = Objects.requireNonNull(space, "space");
      this.sampler = Objects.requireNonNull(sampler, "sampler");
      this.objective = Objects.requireNonNull(objective, "objective");
    }

    /** The journal file (none: trials are kept in memory only). */
    public Builder journal(Path journal) {
      this.journal = journal;
      return this;
    }

    /** The number of trials the study should have (default 100), resumed ones included. */
    public Builder trials(int trials) {
      if (trials < 1) {
        throw new IllegalArgumentException("trials must be at least 1, found " + trials);
      }
      this.trials = trials;
      return this;
    }

    /** No new trial starts after this much time (default none). */
    public Builder timeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive, found " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Trial i runs its objective with {@code seed + i}. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Continue an existing journal instead of refusing it. */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** Progress callbacks. */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Stops trials early whose intermediate values are clearly worse (default: never). */
    public Builder pruner(Pruner pruner) {
      this.pruner = Objects.requireNonNull(pruner, "pruner");
      return this;
    }

    /** The study. */
    public Study build() {
      return new Study(this);
    }
  }
}
