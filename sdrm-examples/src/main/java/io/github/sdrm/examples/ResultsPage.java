package io.github.sdrm.examples;

import io.github.sdrm.Sdrm;
import io.github.sdrm.datasets.AtomicFiles;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Regenerates the summary of {@code docs/RESULTS.md} from the CSV files that {@code sdrm reproduce
 * --csv} writes (in {@code docs/results/}): the table between the {@code <!-- results:begin -->}
 * and {@code <!-- results:end -->} markers and the chart {@code docs/results/recall10.svg} (ours
 * and the authors' Recall@10 per row). The files of one row (dataset, recommender, protocol) are
 * parts of one reproduction, for example single runs with explicit {@code --seed}s: their figures
 * are pooled over all their runs (mean, maximum, population standard deviation), wall times added
 * and commands listed. One seed's settings may come from separate commands ({@code --settings
 * replace}, then {@code --settings augment}); two parts that measured the same setting with the
 * same generator seed are an error. The rest of the page is left as written.
 */
@Command(name = "ResultsPage", mixinStandardHelpOptions = true, sortOptions = false)
public final class ResultsPage implements Callable<Integer> {
  static final String BEGIN = "<!-- results:begin";
  static final String END = "<!-- results:end -->";

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description = "the CSV files (default" + " docs/results)")
  Path results = Path.of("docs/results");

  @Option(
      names = "--page",
      paramLabel = "FILE",
      description = "the page (default" + " docs/RESULTS.md)")
  Path page = Path.of("docs/RESULTS.md");

  @Option(
      names = "--authors",
      paramLabel = "FILE",
      description =
          "the authors' figures (default <data>/reference-results/" + "authors-best-trials.csv)")
  Path authors = BenchSupport.dataDir().resolve("reference-results/authors-best-trials.csv");

  ResultsPage() {}

  /** Runs the generator. */
  public static void main(String[] args) {
    BenchSupport.execute(new ResultsPage(), args);
  }

  /** A figure over runs: how many, their mean, maximum and population standard deviation. */
  record Stat(int runs, double mean, double max, double std) {
    /** The same figures over the runs of both (pooled mean and population variance). */
    Stat pool(Stat o) {
      int n = runs + o.runs;
      double m = (runs * mean + o.runs * o.mean) / n;
      double second =
          (runs * (std * std + mean * mean) + o.runs * (o.std * o.std + o.mean * o.mean)) / n;
      return new Stat(n, m, Math.max(max, o.max), Math.sqrt(Math.max(0, second - m * m)));
    }
  }

  /**
   * One reproduction, or several merged: its metadata, the generator seeds of its runs and its
   * Recall@10 by "SETTING GENERATOR".
   */
  record Reproduction(
      String file,
      String dataset,
      String recommender,
      String protocol,
      Map<String, String> meta,
      List<Long> seeds,
      Map<String, Stat> recall10) {
    /** The most runs of any of its figures. */
    int runs() {
      return recall10.values().stream().mapToInt(Stat::runs).max().orElse(0);
    }

    /**
     * The runs of its figures as the table shows them: one number where every figure of synthetic
     * data has the same count (ORIGINAL, measured once, aside), else "fewest–most".
     */
    String runsLabel() {
      var counts =
          recall10.entrySet().stream()
              .filter(e -> !e.getKey().startsWith("ORIGINAL"))
              .mapToInt(e -> e.getValue().runs())
              .summaryStatistics();
      if (counts.getCount() == 0 || counts.getMin() == counts.getMax()) {
        return Integer.toString(runs());
      }
      return counts.getMin() + "–" + counts.getMax();
    }

    /**
     * The settings of synthetic data it measured (REPLACE, AUGMENT), whose figures depend on the
     * generator seeds.
     */
    SortedSet<String> syntheticSettings() {
      SortedSet<String> out = new TreeSet<>();
      for (String k : recall10.keySet()) {
        String setting = k.substring(0, k.indexOf(' ') < 0 ? k.length() : k.indexOf(' '));
        if (!setting.equals("ORIGINAL")) {
          out.add(setting);
        }
      }
      return out;
    }

    /** The meaning of a row: which dataset, recommender and protocol. */
    String row() {
      return dataset + " " + recommender + " " + protocol;
    }
  }

  static Reproduction read(Path csv) throws IOException {
    Map<String, String> meta = new LinkedHashMap<>();
    Map<String, Stat> recall = new LinkedHashMap<>();
    String dataset = null;
    String recommender = null;
    int n = 0;
    for (String line : Files.readAllLines(csv)) {
      n++;
      if (line.startsWith("#")) {
        int c = line.indexOf(':');
        if (c > 0) {
          meta.put(line.substring(1, c).strip(), line.substring(c + 1).strip());
        }
        continue;
      }
      if (line.isBlank() || line.startsWith("dataset,")) {
        continue;
      }
      String[] f = line.split(",");
      if (f.length != 10) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "%s:%d: expected 10 fields, found %d", csv, n, f.length));
      }
      dataset = f[0];
      recommender = f[1];
      if (f[4].equals("recall") && f[5].equals("10")) {
        try {
          recall.put(
              f[2] + " " + f[3],
              new Stat(
                  Integer.parseInt(f[6]),
                  Double.parseDouble(f[7]),
                  Double.parseDouble(f[8]),
                  Double.parseDouble(f[9])));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(csv + ":" + n + ": not a number in '" + line + "'");
        }
      }
    }
    if (dataset == null) {
      throw new IllegalArgumentException(csv + ": no results");
    }
    return new Reproduction(
        csv.getFileName().toString(),
        dataset,
        recommender,
        meta.getOrDefault("protocol", "paper"),
        meta,
        seeds(csv, meta),
        recall);
  }

  /**
   * The generator seeds of a reproduction's runs: its {@code seeds} line, or for files written
   * before that line existed, {@code --seed} (default {@link Sdrm#DEFAULT_SEED}) and the {@code
   * --runs} of its command.
   */
  private static List<Long> seeds(Path csv, Map<String, String> meta) {
    List<Long> out = new ArrayList<>();
    try {
      String line = meta.get("seeds");
      if (line != null) {
        for (String t : line.split("\\s+")) {
          out.add(Long.parseLong(t));
        }
        return out;
      }
      String command = meta.getOrDefault("command", "");
      long first = Long.parseLong(flag(command, "--seed", Long.toString(Sdrm.DEFAULT_SEED)));
      int runs = Integer.parseInt(flag(command, "--runs", "1"));
      for (int i = 0; i < runs; i++) {
        out.add(first + i);
      }
      return out;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(csv + ": unreadable seeds or runs in its header: " + meta);
    }
  }

  private static String flag(String command, String name, String otherwise) {
    String[] t = command.split("\\s+");
    for (int i = 0; i + 1 < t.length; i++) {
      if (t[i].equals(name)) {
        return t[i + 1];
      }
    }
    return otherwise;
  }

  /**
   * Merges reproductions of the same row (dataset, recommender, protocol) measured by separate
   * commands, for example single runs with explicit seeds: each figure pooled over all their runs,
   * wall times added, commands listed.
   *
   * @throws IllegalArgumentException if they are of different rows, or two of them measured the
   *     same setting of synthetic data with the same generator seed (the same run counted twice)
   */
  static Reproduction merge(List<Reproduction> parts) {
    Reproduction first = parts.get(0);
    if (parts.size() == 1) {
      return first;
    }
    Map<String, Stat> recall = new LinkedHashMap<>();
    // a run is a generator seed and a setting: one seed's REPLACE and AUGMENT may come from two
    // commands (--settings replace, then --settings augment), but not one of them twice
    Map<String, String> runOwner = new LinkedHashMap<>();
    List<Long> seeds = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    List<String> epochs = new ArrayList<>();
    long wall = 0;
    boolean wallKnown = true;
    for (Reproduction p : parts) {
      if (!p.row().equals(first.row())) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "cannot merge %s (%s) with %s (%s): different dataset, recommender or protocol",
                p.file(),
                p.row(),
                first.file(),
                first.row()));
      }
      SortedSet<String> settings = p.syntheticSettings();
      for (long s : settings.isEmpty() ? List.<Long>of() : p.seeds()) {
        for (String setting : settings) {
          String other = runOwner.putIfAbsent(s + " " + setting, p.file());
          if (other != null) {
            throw new IllegalArgumentException(
                String.format(
                    Locale.ROOT,
                    "%s and %s both measured %s with generator seed %d of %s: the same run would"
                        + " count twice",
                    other,
                    p.file(),
                    setting,
                    s,
                    p.row()));
          }
        }
        if (!seeds.contains(s)) {
          seeds.add(s);
        }
      }
      p.recall10().forEach((k, v) -> recall.merge(k, v, Stat::pool));
      files.add(p.file());
      commands.add(p.meta().getOrDefault("command", p.file()));
      String e = p.meta().get("vae_epochs");
      if (e != null && !e.isBlank()) {
        epochs.add(e);
      }
      String w = p.meta().get("wall_seconds");
      if (w == null) {
        wallKnown = false;
      } else {
        wall += Math.round(Double.parseDouble(w));
      }
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("command", String.join("` + `", commands));
    meta.put("protocol", first.protocol());
    if (wallKnown) {
      meta.put("wall_seconds", Long.toString(wall));
    }
    meta.put("vae_epochs", String.join(" ", epochs));
    return new Reproduction(
        String.join(" + ", files),
        first.dataset(),
        first.recommender(),
        first.protocol(),
        meta,
        seeds,
        recall);
  }

  /** The authors' Recall@10 by "dataset recommender SETTING GENERATOR". */
  static Map<String, Double> authors(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    String[] header = lines.get(0).split(",");
    int col = List.of(header).indexOf("recall@10");
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      out.put(
          f[0] + " " + f[1] + " " + f[3].toUpperCase(Locale.ROOT) + " " + f[4],
          Double.parseDouble(f[col]));
    }
    return out;
  }

  private static final String[] COLUMNS = {
    "ORIGINAL -", "AUGMENT F-SDRM", "AUGMENT M-SDRM", "REPLACE F-SDRM", "REPLACE M-SDRM"
  };

  /** The generated Markdown (without the markers). */
  static String table(List<Reproduction> rows, Map<String, Double> authors) {
    StringBuilder b =
        new StringBuilder(
            "| dataset | recommender | protocol | runs | ORIGINAL | AUGMENT F-SDRM (authors) |"
                + " AUGMENT M-SDRM (authors) | REPLACE F-SDRM (authors) | REPLACE M-SDRM (authors)"
                + " | wall time | command |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Reproduction r : rows) {
      b.append("| ")
          .append(r.dataset())
          .append(" | ")
          .append(r.recommender())
          .append(" | ")
          .append(r.protocol())
          .append(" | ")
          .append(r.runsLabel());
      for (String c : COLUMNS) {
        Stat stat = r.recall10().get(c);
        Double ours = stat == null ? null : stat.mean();
        Double theirs = authors.get(r.dataset() + " " + r.recommender() + " " + c);
        b.append(" | ")
            .append(ours == null ? "–" : String.format(Locale.ROOT, "%.4f", ours))
            .append(
                c.startsWith("ORIGINAL") || ours == null
                    ? ""
                    : theirs == null
                        ? " (not logged)"
                        : String.format(Locale.ROOT, " (%.4f)", theirs));
      }
      String wall = r.meta().get("wall_seconds");
      b.append(" | ")
          .append(wall == null ? "–" : wall + " s")
          .append(" | `")
          .append(r.meta().getOrDefault("command", r.file()))
          .append("` |\n");
    }
    return b.toString();
  }

  /** The chart: ours and the authors' Recall@10 for every row that has both. */
  static String chart(List<Reproduction> rows, Map<String, Double> authors) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Reproduction r : rows) {
      for (String c : COLUMNS) {
        Stat stat = r.recall10().get(c);
        Double ours = stat == null ? null : stat.mean();
        Double theirs = authors.get(r.dataset() + " " + r.recommender() + " " + c);
        if (ours != null && theirs != null) {
          String label =
              r.dataset()
                  + " "
                  + r.recommender()
                  + (r.protocol().equals("paper") ? "" : " (" + r.protocol() + ")")
                  + " "
                  + c;
          data.addValue(ours, "this library", label);
          data.addValue(theirs, "authors", label);
        }
      }
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Recall@10: this library and the authors",
            null,
            "Recall@10",
            data,
            PlotOrientation.HORIZONTAL,
            true,
            false,
            false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, new Color(0x1f77b4));
    renderer.setSeriesPaint(1, new Color(0xbbbbbb));
    int height = 120 + 34 * Math.max(1, data.getColumnCount());
    String svg = ReportCharts.svg(chart, "results", 900, height);
    // a file of its own (not inline in HTML) needs the SVG namespace to display
    return svg.matches("(?s)<svg[^>]*\\sxmlns=['\"]http://www.w3.org/2000/svg['\"].*")
        ? svg
        : svg.replaceFirst("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ");
  }

  @Override
  public Integer call() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(results)) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    // the paper's order: dataset, then recommender
    List<String> order = List.of("ml-100k", "alb", "adm", "svd", "mlp", "neumf");
    // the files of one row (dataset, recommender, protocol) are parts of one reproduction
    Map<String, List<Reproduction>> byRow = new LinkedHashMap<>();
    for (Path f : files) {
      Reproduction r = read(f);
      byRow.computeIfAbsent(r.row(), x -> new ArrayList<>()).add(r);
    }
    List<Reproduction> rows = new ArrayList<>();
    for (List<Reproduction> parts : byRow.values()) {
      rows.add(merge(parts));
    }
    rows.sort(
        java.util.Comparator.comparingInt((Reproduction r) -> order.indexOf(r.dataset()))
            .thenComparingInt(r -> order.indexOf(r.recommender()))
            .thenComparing(Reproduction::protocol));
    Map<String, Double> theirs = authors(authors);
    String svg = chart(rows, theirs);
    Path chartFile = results.resolve("recall10.svg");
    AtomicFiles.writeText(chartFile, w -> w.write(svg + "\n"));
    String text = Files.readString(page);
    int a = text.indexOf(BEGIN);
    int z = text.indexOf(END);
    if (a < 0 || z < a) {
      throw new IllegalArgumentException(
          page + ": no '" + BEGIN + " ... -->' and '" + END + "' markers to write between");
    }
    int afterBegin = text.indexOf("-->", a) + 3;
    String generated =
        "\n"
            + table(rows, theirs)
            + "\n![Recall@10 of every reproduced row, this library and the authors]("
            + page.toAbsolutePath().getParent().relativize(chartFile.toAbsolutePath())
            + ")\n\n";
    String updated = text.substring(0, afterBegin) + generated + text.substring(z);
    AtomicFiles.writeText(page, w -> w.write(updated));
    System.out.printf(
        Locale.ROOT, "wrote %s (%d reproductions) and %s%n", page, rows.size(), chartFile);
    return 0;
  }
}
