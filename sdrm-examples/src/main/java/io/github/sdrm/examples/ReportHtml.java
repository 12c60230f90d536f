package io.github.sdrm.examples;

import io.github.sdrm.recsys.ResultTable;
import io.github.sdrm.recsys.audit.FidelityStatistics;
import io.github.sdrm.recsys.audit.PrivacyReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG charts, no scripts, no
 * external resources, so it opens without a network.
 */
final class ReportHtml {
  static final String CSS =
      String.join(
          "\n",
          "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;"
              + "margin:2em auto;padding:0 1em;color:#222;line-height:1.45}",
          "h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;"
              + "margin-top:2em}",
          "table{border-collapse:collapse;margin:1em 0;font-size:.92em}",
          "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}",
          "th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}",
          "td.pass{background:#e6f4ea}td.warn{background:#fdecea}td.inconclusive{background:#fff4d6}"
              + "td.na{color:#888}",
          ".ref{color:#666;font-style:italic}.lead{font-size:1.05em;color:#444}",
          "figure{margin:1.5em 0}figcaption{color:#555;font-size:.9em;max-width:760px}",
          "code{background:#f5f5f5;padding:0 .2em}dt{font-weight:600;margin-top:.6em}",
          "footer{margin-top:3em;color:#777;font-size:.85em}");

  private ReportHtml() {}

  static String write(SyntheticDataReport.Data d, List<ReportVerdicts.Row> verdicts) {
    StringBuilder h = new StringBuilder(200_000);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Synthetic data report: ")
        .append(esc(d.dataset()))
        .append("</title>\n")
        .append("<style>\n")
        .append(CSS)
        .append("\n</style>\n</head>\n<body>\n");
    h.append("<h1>Synthetic data report: ").append(esc(d.dataset())).append("</h1>\n");
    long warn =
        verdicts.stream()
            .flatMap(r -> r.cells().entrySet().stream())
            .filter(e -> !isReference(e.getKey()))
            .filter(e -> e.getValue().status() == ReportVerdicts.Status.WARN)
            .count();
    h.append("<p class=\"lead\">Is the synthetic data private, faithful and useful? Members: the ")
        .append(d.trainUsers())
        .append(" train users the generator learnt from; non-members: the ")
        .append(d.testUsers())
        .append(" test users it never saw; utility is scored on the ")
        .append(d.validUsers())
        .append(" validation users. ")
        .append(
            warn == 0
                ? "No check warns for the generators under test."
                : warn + " check(s) warn for the generators under test (red below).")
        .append(
            " Yellow: the estimate passes but the interval is too wide to be sure (too few"
                + " users).")
        .append(
            " The <span class=\"ref\">copy</span> and <span class=\"ref\">independent</span>"
                + " columns are reference generators that show what full memorisation and no"
                + " memorisation look like on this data.</p>\n");

    h.append("<section id=\"verdict\">\n<h2>Verdict</h2>\n<table>\n<tr><th>metric</th>");
    for (SyntheticDataReport.GeneratorResult g : d.generators()) {
      h.append("<th")
          .append(isReference(g.name()) ? " class=\"ref\"" : "")
          .append('>')
          .append(esc(g.name()))
          .append("</th>");
    }
    h.append("<th>rule (pass)</th></tr>\n");
    for (ReportVerdicts.Row r : verdicts) {
      h.append("<tr><td>").append(esc(r.metric())).append("</td>");
      for (ReportVerdicts.Cell c : r.cells().values()) {
        h.append("<td class=\"num ")
            .append(c.status().name().toLowerCase(Locale.ROOT))
            .append("\">")
            .append(esc(c.value()))
            .append("</td>");
      }
      h.append("<td>").append(esc(r.rule())).append("</td></tr>\n");
    }
    h.append("</table>\n</section>\n");

    h.append("<section id=\"setup\">\n<h2>Data and set-up</h2>\n<table>\n");
    row(h, "source", esc(d.source()));
    row(h, "train users (members)", Integer.toString(d.trainUsers()));
    row(h, "test users (non-members)", Integer.toString(d.testUsers()));
    row(h, "validation users (utility)", Integer.toString(d.validUsers()));
    row(h, "items", Integer.toString(d.items()));
    row(h, "train density", String.format(Locale.ROOT, "%.5f", d.trainDensity()));
    row(
        h,
        "attack pairs",
        Integer.toString(d.generators().get(0).privacy().sizes().attackPairs())
            + " members vs as many"
            + " non-members");
    row(h, "runs (utility)", Integer.toString(d.runs()));
    row(h, "seed", Long.toString(d.seed()));
    row(h, "generator", "<code>" + esc(d.configuration()) + "</code>");
    for (Map.Entry<String, Double> e : d.stageSeconds().entrySet()) {
      row(h, "time: " + esc(e.getKey()), String.format(Locale.ROOT, "%.1f s", e.getValue()));
    }
    for (String n : d.notes()) {
      row(h, "note", esc(n));
    }
    h.append("</table>\n</section>\n");

    h.append("<section id=\"privacy\">\n<h2>Privacy</h2>\n");
    h.append("<h3>Exact copies</h3>\n");
    table(
        h,
        d,
        new String[] {
          "of a member row",
          "of a non-member row (control)",
          "non-members equal to a member (real duplicates)"
        },
        g -> {
          PrivacyReport.ExactCopies c = g.privacy().exactCopies();
          return new String[] {pct(c.ofMembers()), pct(c.ofNonMembers()), pct(c.realDuplicates())};
        });
    h.append("<h3>Distance to closest record</h3>\n");
    table(
        h,
        d,
        new String[] {
          "synthetic p5 (Jaccard)",
          "synthetic median",
          "non-member p5",
          "non-member median",
          "synthetic p5 (Hamming)",
          "non-member p5 (Hamming)",
          "overfitting protection",
          "p (closer to members)",
          "baseline protection",
          "baseline median DCR"
        },
        g -> {
          PrivacyReport.DcrProfile p = g.privacy().dcr();
          PrivacyReport.OverfittingProtection o = g.privacy().overfittingProtection();
          PrivacyReport.BaselineProtection b = g.privacy().baselineProtection();
          return new String[] {
            f(p.syntheticP5()),
            f(p.syntheticMedian()),
            f(p.nonMemberP5()),
            f(p.nonMemberMedian()),
            f4(p.syntheticHammingP5()),
            f4(p.nonMemberHammingP5()),
            f(o.score()),
            f(o.closerToMembers()),
            f(b.score()),
            f(b.baselineMedian())
          };
        });
    figure(
        h,
        ReportCharts.dcr(d),
        "Distance from each row to its closest member row. Synthetic"
            + " rows should sit no closer to the members than real users the generator never saw"
            + " (the thick line); copy sits at 0.");
    h.append("<h3>Membership inference</h3>\n");
    table(
        h,
        d,
        new String[] {
          "AUC",
          "95 % interval",
          "TPR at FPR 0.1",
          "calibrated AUC",
          "calibrated 95 % interval",
          "calibrated TPR at FPR 0.1",
          "targets"
        },
        g -> {
          PrivacyReport.MembershipInference m = g.privacy().membershipInference();
          PrivacyReport.MembershipInference c = g.privacy().calibratedMembershipInference();
          return new String[] {
            f(m.auc()),
            "[" + f(m.aucLower()) + ", " + f(m.aucUpper()) + "]",
            f(m.tprAtFpr10()),
            c == null ? "n/a" : f(c.auc()),
            c == null ? "n/a" : "[" + f(c.aucLower()) + ", " + f(c.aucUpper()) + "]",
            c == null ? "n/a" : f(c.tprAtFpr10()),
            m.targets() + " + " + m.targets()
          };
        });
    figure(
        h,
        ReportCharts.roc(d),
        "An attacker who holds a real user's history scores it by"
            + " how close its nearest synthetic row is. The diagonal is guessing; copy is near the"
            + " top-left corner.");
    h.append("<h3>Identifiability</h3>\n");
    table(
        h,
        d,
        new String[] {"members closer to a synthetic row than to another real row", "non-members"},
        g ->
            new String[] {
              pct(g.privacy().identifiability().members()),
              pct(g.privacy().identifiability().nonMembers())
            });
    h.append(
        "<h3>Linkage attack</h3>\n<p>The attacker knows k items of a user, picks the"
            + " synthetic row that matches them best (rare items weigh more) and predicts the user's"
            + " other items from it (precision@10), against a popularity control. Risk = (success −"
            + " control) / (1 − control).</p>\n");
    List<PrivacyReport.Linkage> ks = d.generators().get(0).privacy().linkage();
    String[] heads = new String[ks.size() * 2];
    for (int i = 0; i < ks.size(); i++) {
      heads[2 * i] = "k=" + ks.get(i).knownItems() + " member risk";
      heads[2 * i + 1] = "k=" + ks.get(i).knownItems() + " non-member risk";
    }
    table(
        h,
        d,
        heads,
        g -> {
          String[] out = new String[heads.length];
          for (int i = 0; i < g.privacy().linkage().size(); i++) {
            PrivacyReport.Linkage l = g.privacy().linkage().get(i);
            out[2 * i] =
                f(l.memberRisk())
                    + " ("
                    + f(l.memberSuccess())
                    + " vs "
                    + f(l.memberControl())
                    + ")";
            out[2 * i + 1] =
                f(l.nonMemberRisk())
                    + " ("
                    + f(l.nonMemberSuccess())
                    + " vs "
                    + f(l.nonMemberControl())
                    + ")";
          }
          return out;
        });
    h.append("</section>\n");

    h.append("<section id=\"fidelity\">\n<h2>Fidelity</h2>\n");
    table(
        h,
        d,
        new String[] {
          "popularity Spearman ρ",
          "popularity JS divergence",
          "items never generated",
          "degree KS",
          "degree Wasserstein",
          "co-occurrence r (top 100)",
          "density (real "
              + String.format(Locale.ROOT, "%.5f", d.generators().get(0).fidelity().realDensity())
              + ")"
        },
        g -> {
          FidelityStatistics.Result r = g.fidelity();
          return new String[] {
            f(r.popularitySpearman()),
            f(r.popularityJensenShannon()),
            pct(r.itemsNeverGenerated()),
            f(r.degreeKs()),
            f(r.degreeWasserstein()),
            f(r.cooccurrenceCorrelation()),
            String.format(Locale.ROOT, "%.5f", r.syntheticDensity())
          };
        });
    figure(
        h,
        ReportCharts.popularity(d),
        "Each curve sorts its own item counts; a faithful"
            + " generator follows the real curve, including its long tail.");
    figure(h, ReportCharts.degrees(d), "How many positive items users have.");
    h.append("</section>\n");

    h.append(
            "<section id=\"utility\">\n<h2>Utility</h2>\n<p>Recommenders trained on the real"
                + " train users (ORIGINAL), on synthetic users instead (REPLACE) or on both (AUGMENT),"
                + " each with the validation users' fold-in interactions, scored on their held-out"
                + " interactions; mean ± std over ")
        .append(d.runs())
        .append(" run(s).</p>\n");
    h.append("<table>\n<tr><th>recommender</th><th>setting</th><th>generator</th>");
    for (int k : SyntheticDataReport.CUTOFFS) {
      h.append("<th>Recall@").append(k).append("</th>");
    }
    for (int k : SyntheticDataReport.CUTOFFS) {
      h.append("<th>NDCG@").append(k).append("</th>");
    }
    h.append("</tr>\n");
    ResultTable t = d.utility();
    for (ResultTable.Key k : t.keys()) {
      h.append("<tr><td>")
          .append(esc(k.recommender()))
          .append("</td><td>")
          .append(k.setting())
          .append("</td><td>")
          .append(esc(k.generator()))
          .append("</td>");
      for (boolean recall : new boolean[] {true, false}) {
        for (int c : SyntheticDataReport.CUTOFFS) {
          ResultTable.Summary s = recall ? t.recall(k, c) : t.ndcg(k, c);
          h.append("<td class=\"num\">")
              .append(f4(s.mean()))
              .append(s.runs() > 1 ? " ± " + f4(s.std()) : "")
              .append("</td>");
        }
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
    figure(
        h,
        ReportCharts.utility(d),
        "Recall@10; error bars are one standard deviation over"
            + " runs. Popularity is the floor any recommender should beat.");
    h.append("</section>\n");

    h.append("<section id=\"definitions\">\n<h2>How to read this report</h2>\n<dl>\n");
    def(
        h,
        "Distances",
        "A user is the set of items they liked. Jaccard distance J = 1 − |a∩b| /"
            + " |a∪b| (0 = identical); normalised Hamming = |a△b| / items.");
    def(
        h,
        "Exact copies",
        "Share of synthetic rows identical to a member's row (SDMetrics"
            + " NewRowSynthesis). The control is the rate at which real non-members coincide with"
            + " members.");
    def(
        h,
        "DCR",
        "Distance to closest record: each row's distance to its nearest member. DCR"
            + " overfitting protection compares, for each synthetic row, its nearest member with its"
            + " nearest non-member (equal-size groups, ties ½): p ≈ 0.5 means no memorisation, score"
            + " = min(2(1 − p), 1). Baseline protection compares the median DCR with that of random"
            + " rows drawn with the items' real frequencies.");
    def(
        h,
        "Membership inference",
        "GAN-Leaks' full black-box attack: a real user scores −(their"
            + " distance to the nearest synthetic row). AUC 0.5 is guessing; the interval is a 95 %"
            + " bootstrap percentile interval. The calibrated attack subtracts each user's distance"
            + " to a reference sample of other members, removing how typical the user is.");
    def(
        h,
        "Identifiability",
        "Share of real users whose nearest synthetic row is closer than"
            + " their nearest other real user (ADS-GAN). Members should not be above non-members.");
    def(
        h,
        "Linkage",
        "Narayanan–Shmatikov style re-identification with 1 / log(1 + support)"
            + " weights, framed against a popularity control as in Anonymeter.");
    def(
        h,
        "Fidelity",
        "Spearman ρ and Jensen–Shannon divergence of item counts, the share of"
            + " items never generated, KS and Wasserstein-1 distances of user activity, and the"
            + " Pearson correlation of co-occurrence counts among the 100 most popular real items.");
    def(
        h,
        "Reference generators",
        "copy re-emits member rows (every member once before any"
            + " twice); independent draws each cell from the item's frequency × a random member's"
            + " activity. Every privacy metric should flag copy and clear independent.");
    h.append("</dl>\n</section>\n");
    h.append(
        "<footer>Made by <code>sdrm report</code> (SDRM for Java). Definitions and sources:"
            + " docs/PRIVACY.md.</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  static boolean isReference(String name) {
    return name.equals(SyntheticDataReport.COPY) || name.equals(SyntheticDataReport.INDEPENDENT);
  }

  private interface Cells {
    String[] of(SyntheticDataReport.GeneratorResult g);
  }

  private static void table(
      StringBuilder h, SyntheticDataReport.Data d, String[] columns, Cells cells) {
    h.append("<table>\n<tr><th>generator</th>");
    for (String c : columns) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr>\n");
    for (SyntheticDataReport.GeneratorResult g : d.generators()) {
      h.append("<tr><td")
          .append(isReference(g.name()) ? " class=\"ref\"" : "")
          .append('>')
          .append(esc(g.name()))
          .append("</td>");
      for (String v : cells.of(g)) {
        h.append("<td class=\"num\">").append(esc(v)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void figure(StringBuilder h, String svg, String caption) {
    h.append("<figure>\n")
        .append(svg)
        .append("\n<figcaption>")
        .append(esc(caption))
        .append("</figcaption>\n</figure>\n");
  }

  private static void row(StringBuilder h, String key, String valueHtml) {
    h.append("<tr><th>").append(key).append("</th><td>").append(valueHtml).append("</td></tr>\n");
  }

  private static void def(StringBuilder h, String term, String text) {
    h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(text)).append("</dd>\n");
  }

  private static String f(double v) {
    return ReportVerdicts.f3(v);
  }

  private static String f4(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String pct(double v) {
    return ReportVerdicts.pct(v);
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
