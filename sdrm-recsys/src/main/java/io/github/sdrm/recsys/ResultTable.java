package io.github.sdrm.recsys;

import io.github.sdrm.eval.RankingMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Metrics of an {@link Experiment}: for every (dataset, recommender, setting, generator) row, the
 * Recall@k (truncated) and NDCG@k of every run, summarised as mean, max and standard deviation over
 * runs (population standard deviation, NumPy's {@code np.std} default).
 */
public final class ResultTable {
  private final int[] cutoffs;
  private final String configuration;
  private final Map<Key, List<RankingMetrics.Result>> rows = new LinkedHashMap<>();

  /** One row of the table. */
  public record Key(String dataset, String recommender, Setting setting, String generator) {
    /** Validates the fields. */
    public Key {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(recommender, "recommender");
      Objects.requireNonNull(setting, "setting");
      Objects.requireNonNull(generator, "generator");
    }
  }

  /** A mean, max and standard deviation over runs. */
  public record Summary(double mean, double max, double std, int runs) {}

  ResultTable(int[] cutoffs, String configuration) {
    this.cutoffs = cutoffs.clone();
    this.configuration = configuration;
  }

  void add(Key key, RankingMetrics.Result result) {
    rows.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
  }

  /** The rows, in the order they were first filled. */
  public List<Key> keys() {
    return List.copyOf(rows.keySet());
  }

  /** The configuration the experiment ran with. */
  public String configuration() {
    return configuration;
  }

  /** Recall@k (truncated) over the runs of a row. */
  public Summary recall(Key key, int k) {
    return summarise(key, k, true);
  }

  /** NDCG@k over the runs of a row. */
  public Summary ndcg(Key key, int k) {
    return summarise(key, k, false);
  }

  private Summary summarise(Key key, int k, boolean recall) {
    List<RankingMetrics.Result> results = rows.get(key);
    if (results == null) {
      throw new IllegalArgumentException("no such row: " + key);
    }
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    double[] v = new double[results.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = recall ? results.get(i).recall(k) : results.get(i).ndcg(k);
      sum += v[i];
      max = Math.max(max, v[i]);
    }
    double mean = sum / v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new Summary(mean, max, Math.sqrt(ss / v.length), v.length);
  }

  /** The table as Markdown: one line per row, mean Recall@k and NDCG@k (± std), max. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder("| dataset | recommender | setting | generator | runs |");
    StringBuilder rule = new StringBuilder("|---|---|---|---|---|");
    for (int k : cutoffs) {
      sb.append(" Recall@").append(k).append(" |");
      rule.append("---|");
    }
    for (int k : cutoffs) {
      sb.append(" NDCG@").append(k).append(" |");
      rule.append("---|");
    }
    sb.append('\n').append(rule).append('\n');
    for (Key key : rows.keySet()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %d |",
              key.dataset(),
              key.recommender(),
              key.setting(),
              key.generator(),
              rows.get(key).size()));
      for (boolean recall : new boolean[] {true, false}) {
        for (int k : cutoffs) {
          Summary s = summarise(key, k, recall);
          sb.append(
              String.format(Locale.ROOT, " %.4f ± %.4f (max %.4f) |", s.mean(), s.std(), s.max()));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * A compact Markdown table: Recall@k and NDCG@k for the given cut-offs (all of the table's when
   * none is given), each cell the mean, followed by "± std" when the row has more than one run.
   *
   * @throws IllegalArgumentException if a cut-off was not measured
   */
  public String toCompactMarkdown(int... ks) {
    int[] use = ks.length == 0 ? cutoffs : ks.clone();
    for (int k : use) {
      if (java.util.Arrays.stream(cutoffs).noneMatch(c -> c == k)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "cut-off %d was not measured; the table has %s",
                k,
                java.util.Arrays.toString(cutoffs)));
      }
    }
    StringBuilder sb = new StringBuilder("| recommender | setting | generator | runs |");
    StringBuilder rule = new StringBuilder("|---|---|---|---|");
    for (String metric : new String[] {"Recall", "NDCG"}) {
      for (int k : use) {
        sb.append(' ').append(metric).append('@').append(k).append(" |");
        rule.append("---|");
      }
    }
    sb.append('\n').append(rule).append('\n');
    for (Key key : rows.keySet()) {
      int runs = rows.get(key).size();
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d |",
              key.recommender(),
              key.setting(),
              key.generator(),
              runs));
      for (boolean recall : new boolean[] {true, false}) {
        for (int k : use) {
          Summary s = summarise(key, k, recall);
          sb.append(
              runs > 1
                  ? String.format(Locale.ROOT, " %.4f ± %.4f |", s.mean(), s.std())
                  : String.format(Locale.ROOT, " %.4f |", s.mean()));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The table as CSV: a header, then one line per row and metric with mean, max and std. */
  public String toCsv() {
    StringBuilder sb =
        new StringBuilder("dataset,recommender,setting,generator,metric,k,runs,mean,max,std\n");
    for (Key key : rows.keySet()) {
      for (boolean recall : new boolean[] {true, false}) {
        for (int k : cutoffs) {
          Summary s = summarise(key, k, recall);
          sb.append(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%s,%s,%s,%d,%d,%.6f,%.6f,%.6f%n",
                  key.dataset(),
                  key.recommender(),
                  key.setting(),
                  key.generator(),
                  recall ? "recall" : "ndcg",
                  k,
                  s.runs(),
                  s.mean(),
                  s.max(),
                  s.std()));
        }
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return toMarkdown();
  }
}
