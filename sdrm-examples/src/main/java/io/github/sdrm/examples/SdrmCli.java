package io.github.sdrm.examples;

import io.github.sdrm.ModelFormatException;
import io.github.sdrm.Resolution;
import io.github.sdrm.Sdrm;
import io.github.sdrm.VaeValidation;
import io.github.sdrm.datasets.DatasetFormatException;
import io.github.sdrm.recsys.MlpRecommender;
import io.github.sdrm.recsys.ReferenceNeuMfExperiment;
import io.github.sdrm.recsys.Setting;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code sdrm} command line: {@code generate}, {@code reproduce}, {@code evaluate} and {@code
 * report}, each with its own {@code --help}. Options take {@code --name value} or {@code
 * --name=value}; a single-valued option given twice is an error. Bad input ends with one line on
 * standard error and exit code 2, other failures with exit code 1; output files are written
 * atomically, so a failed run leaves none behind.
 */
@Command(
    name = "sdrm",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = SdrmCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description =
        "Synthetic user-item interaction data with SDRM (multi-resolution latent"
            + " diffusion), and evidence of its privacy and utility.",
    subcommands = {
      GenerateCommand.class,
      ReproduceCommand.class,
      EvaluateCommand.class,
      ReportCommand.class,
      TuneCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 2 bad input (one line on standard error), 1 failure.",
      "Run 'sdrm COMMAND --help' for a command's options."
    })
public final class SdrmCli implements Callable<Integer> {
  /** Standard output and error of this run, for the subcommands. */
  PrintStream out;

  PrintStream err;

  SdrmCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command line. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** No command: the usage on standard output, exit code 2. */
  @Override
  public Integer call() {
    new CommandLine(this).usage(out);
    return 2;
  }

  /** Runs a command; returns the exit code (0 success, 2 bad input, 1 failure). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = commandLine(new SdrmCli(out, err));
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setParameterExceptionHandler(
        (e, a) -> {
          err.println("sdrm: " + parameterMessage(e));
          return 2;
        });
    cl.setExecutionExceptionHandler((e, command, parsed) -> failure(e, err));
    return cl.execute(args);
  }

  /** The command tree with this project's converters; also used to print help in tests. */
  static CommandLine commandLine(SdrmCli top) {
    CommandLine cl = new CommandLine(top);
    cl.registerConverter(Resolution.class, new Choice<>(Resolution.class));
    cl.registerConverter(VaeValidation.class, new Choice<>(VaeValidation.class));
    cl.registerConverter(Setting.class, new Choice<>(Setting.class));
    cl.registerConverter(
        ReferenceNeuMfExperiment.ValidZeros.class,
        new Choice<>(ReferenceNeuMfExperiment.ValidZeros.class));
    cl.registerConverter(
        GenerateCommand.Binarize.class, new Choice<>(GenerateCommand.Binarize.class));
    cl.registerConverter(ReportCommand.Split.class, new Choice<>(ReportCommand.Split.class));
    cl.registerConverter(ReportCommand.Density.class, new Choice<>(ReportCommand.Density.class));
    cl.registerConverter(Progress.Mode.class, new Choice<>(Progress.Mode.class));
    cl.registerConverter(
        TuneCommand.SamplerChoice.class, new Choice<>(TuneCommand.SamplerChoice.class));
    cl.registerConverter(
        TuneCommand.PruneChoice.class, new Choice<>(TuneCommand.PruneChoice.class));
    cl.registerConverter(
        TuneCommand.ObjectiveOn.class, new Choice<>(TuneCommand.ObjectiveOn.class));
    cl.registerConverter(
        TuneCommand.GeneratorChoice.class, new Choice<>(TuneCommand.GeneratorChoice.class));
    cl.registerConverter(
        ReproduceCommand.NeuMfProtocol.class, new Choice<>(ReproduceCommand.NeuMfProtocol.class));
    cl.registerConverter(
        MlpRecommender.FirstLayer.class, new Choice<>(MlpRecommender.FirstLayer.class));
    ITypeConverter<Integer> integer =
        v -> {
          try {
            return Integer.valueOf(v.strip());
          } catch (NumberFormatException e) {
            throw new TypeConversionException("expected an integer, found '" + v + "'");
          }
        };
    ITypeConverter<Long> longInteger =
        v -> {
          try {
            return Long.valueOf(v.strip());
          } catch (NumberFormatException e) {
            throw new TypeConversionException("expected an integer, found '" + v + "'");
          }
        };
    ITypeConverter<Double> number =
        v -> {
          try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
              return d;
            }
          } catch (NumberFormatException e) {
            // reported below
          }
          throw new TypeConversionException("expected a finite number, found '" + v + "'");
        };
    cl.registerConverter(Integer.class, integer);
    cl.registerConverter(Integer.TYPE, integer);
    cl.registerConverter(Long.class, longInteger);
    cl.registerConverter(Long.TYPE, longInteger);
    cl.registerConverter(Double.class, number);
    cl.registerConverter(Double.TYPE, number);
    cl.setUsageHelpLongOptionsMaxWidth(30);
    return cl;
  }

  private static String parameterMessage(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u
        && e.getCommandLine().getParent() == null
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '"
          + u.getUnmatched().get(0)
          + "'; expected generate, reproduce,"
          + " evaluate, report or tune (see --help)";
    }
    String m = e.getMessage();
    String name = e.getCommandLine().getCommandName();
    // one line: picocli sometimes appends the usage hint on a second line
    m = m.strip().replace('\n', ' ');
    if (m.startsWith("Error: ")) {
      m = m.substring("Error: ".length());
    }
    return e.getCommandLine().getParent() == null ? m : name + ": " + m;
  }

  /** Exit code and one line for an exception thrown by a command. */
  private static int failure(Exception e, PrintStream err) {
    if (e instanceof NoSuchFileException n) {
      err.println("sdrm: file not found: " + n.getFile());
      return 2;
    }
    if (e instanceof IllegalArgumentException
        || e instanceof DatasetFormatException
        || e instanceof ModelFormatException) {
      err.println("sdrm: " + e.getMessage());
      return 2;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      err.println("sdrm: " + e.getMessage());
      return 1;
    }
    err.println("sdrm: " + e);
    return 1;
  }

  /** {@code sdrm --version}: the library's version and the Java runtime. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "sdrm " + Sdrm.version() + " (SDRM for Java)",
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + "), "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
      };
    }
  }

  /**
   * An enum option written in lower case with hyphens ({@code LEAK_FREE} is {@code leak-free}); an
   * unknown value names the accepted ones.
   */
  static final class Choice<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    Choice(Class<E> type) {
      this.type = type;
    }

    static String name(Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public E convert(String value) {
      for (E e : type.getEnumConstants()) {
        if (name(e).equals(value.strip().toLowerCase(Locale.ROOT))) {
          return e;
        }
      }
      throw new TypeConversionException(
          "expected one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Choice::name)
                  .collect(Collectors.joining(", "))
              + "; found '"
              + value
              + "'");
    }
  }
}
