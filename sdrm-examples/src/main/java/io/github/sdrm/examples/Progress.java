package io.github.sdrm.examples;

import io.github.sdrm.Stage;
import io.github.sdrm.TrainingEvent;
import io.github.sdrm.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The {@code --progress} option of the commands that train: a bar redrawn in place on a terminal,
 * one line per stage and per quarter of its epochs otherwise (log files and CI logs get no carriage
 * returns), or nothing.
 */
final class Progress {
  /** How progress is shown. */
  enum Mode {
    /** A bar when standard error is a terminal, else lines. */
    AUTO,
    /** A bar redrawn in place with carriage returns. */
    BAR,
    /** Plain lines: one per quarter of a stage's epochs and one when it ends. */
    LINES,
    /** Nothing. */
    NONE
  }

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      description = "auto, bar, lines or none (default: auto = a bar on a terminal, else lines)")
  Mode mode = Mode.AUTO;

  /** The mode with AUTO resolved: a bar only when this process has a console. */
  Mode resolved() {
    if (mode != Mode.AUTO) {
      return mode;
    }
    return System.console() != null ? Mode.BAR : Mode.LINES;
  }

  /** A training listener writing to {@code err} in this mode. */
  TrainingListener listener(PrintStream err) {
    return switch (resolved()) {
      case BAR -> new Bar(err);
      case LINES -> new Lines(err);
      default -> TrainingListener.NONE;
    };
  }

  /** A sink for status lines (one per stage of a longer job), drawn in this mode. */
  StatusLine status(PrintStream err) {
    return new StatusLine(resolved(), err);
  }

  /** Status lines: overwritten in place in bar mode, one per line otherwise. */
  static final class StatusLine implements Consumer<String> {
    private final Mode mode;
    private final PrintStream err;
    private boolean open;

    StatusLine(Mode mode, PrintStream err) {
      this.mode = mode;
      this.err = err;
    }

    @Override
    public void accept(String line) {
      if (mode == Mode.BAR) {
        err.print("\r\033[K" + line);
        err.flush();
        open = true;
      } else if (mode == Mode.LINES) {
        err.println(line);
      }
    }

    /** Ends the bar's line, if one was drawn. */
    void finish() {
      if (open) {
        err.println();
        open = false;
      }
    }
  }

  /** One line per quarter of a stage's epochs and one when the stage ends. */
  static final class Lines implements TrainingListener {
    private final PrintStream err;
    private long start;
    private int quarter;

    Lines(PrintStream err) {
      this.err = err;
    }

    @Override
    public void onStageStart(Stage stage, int maxEpochs) {
      start = System.nanoTime();
      quarter = 0;
    }

    @Override
    public void onEpoch(TrainingEvent e) {
      int q = (int) (4L * (e.epoch() + 1) / e.maxEpochs());
      if (q > quarter && q < 4) {
        quarter = q;
        err.printf(
            Locale.ROOT,
            "%s: epoch %d/%d (%d %%), loss %.4f, %.1f s%n",
            e.stage().displayName(),
            e.epoch() + 1,
            e.maxEpochs(),
            25 * q,
            e.loss(),
            (System.nanoTime() - start) / 1e9);
      }
    }

    @Override
    public void onStageEnd(Stage stage, int epochs) {
      err.printf(
          Locale.ROOT,
          "%s: %d epochs, %.1f s%n",
          stage.displayName(),
          epochs,
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** A one-line bar on standard error, redrawn in place. */
  static final class Bar implements TrainingListener {
    private final PrintStream err;

    Bar(PrintStream err) {
      this.err = err;
    }

    @Override
    public void onEpoch(TrainingEvent e) {
      int width = 30;
      int done = (int) Math.round(width * (e.epoch() + 1.0) / e.maxEpochs());
      err.printf(
          Locale.ROOT,
          "\r%-9s [%s%s] %d/%d loss %.4f",
          e.stage().displayName(),
          "#".repeat(done),
          ".".repeat(width - done),
          e.epoch() + 1,
          e.maxEpochs(),
          e.loss());
    }

    @Override
    public void onStageEnd(Stage stage, int epochs) {
      err.println();
    }
  }
}
