package io.github.sdrm.examples;

import io.github.sdrm.recsys.ResultTable;
import io.github.sdrm.recsys.Setting;
import io.github.sdrm.recsys.audit.PrivacyReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict table at the top of a report: one row per metric, a value and pass / warn for each
 * generator. The rules are the readings of {@code docs/PRIVACY.md}; a reference generator is judged
 * by the same rule (copy is expected to warn, independent to pass the privacy rows).
 */
final class ReportVerdicts {
  /**
   * Outcome of one cell: PASS, WARN, INCONCLUSIVE (the point estimate passes but the interval is
   * too wide to clear the rule: too few users), NA (not computable).
   */
  enum Status {
    PASS,
    WARN,
    INCONCLUSIVE,
    NA
  }

  /** A value and its verdict. */
  record Cell(String value, Status status) {}

  /** One metric. */
  record Row(String metric, String group, String rule, Map<String, Cell> cells) {}

  private ReportVerdicts() {}

  static List<Row> rows(SyntheticDataReport.Data d) {
    List<Row> rows = new ArrayList<>();
    rows.add(
        row(
            d,
            "exact copies of members",
            "privacy",
            "≤ real duplicate rate + 1 %",
            g -> {
              PrivacyReport.ExactCopies c = g.privacy().exactCopies();
              return cell(
                  pct(c.ofMembers()) + " (real " + pct(c.realDuplicates()) + ")",
                  c.ofMembers() <= c.realDuplicates() + 0.01);
            }));
    rows.add(
        row(
            d,
            "DCR 5th percentile: synthetic vs non-member",
            "privacy",
            "synthetic ≥ non-member",
            g -> {
              PrivacyReport.DcrProfile p = g.privacy().dcr();
              return cell(
                  f3(p.syntheticP5()) + " vs " + f3(p.nonMemberP5()),
                  p.syntheticP5() >= p.nonMemberP5());
            }));
    rows.add(
        row(
            d,
            "DCR overfitting protection",
            "privacy",
            "≥ 0.80 (p ≤ 0.60)",
            g -> {
              PrivacyReport.OverfittingProtection o = g.privacy().overfittingProtection();
              return cell(f3(o.score()) + " (p " + f3(o.closerToMembers()) + ")", o.score() >= 0.8);
            }));
    rows.add(
        row(
            d,
            "DCR baseline protection",
            "privacy",
            "≥ 0.80",
            g -> {
              PrivacyReport.BaselineProtection b = g.privacy().baselineProtection();
              return cell(f3(b.score()), b.score() >= 0.8);
            }));
    rows.add(
        row(
            d,
            "membership inference AUC [95 % CI]",
            "privacy",
            "AUC ≤ 0.55 and upper ≤ 0.60",
            g -> mia(g.privacy().membershipInference())));
    rows.add(
        row(
            d,
            "membership inference TPR at FPR 0.1",
            "privacy",
            "≤ 0.15 (chance 0.10)",
            g ->
                cell(
                    f3(g.privacy().membershipInference().tprAtFpr10()),
                    g.privacy().membershipInference().tprAtFpr10() <= 0.15)));
    rows.add(
        row(
            d,
            "calibrated membership inference AUC [95 % CI]",
            "privacy",
            "AUC ≤ 0.55 and upper ≤ 0.60",
            g -> mia(g.privacy().calibratedMembershipInference())));
    rows.add(
        row(
            d,
            "identifiability: members / non-members",
            "privacy",
            "members ≤ non-members + 0.05",
            g -> {
              PrivacyReport.Identifiability i = g.privacy().identifiability();
              return cell(
                  f3(i.members()) + " / " + f3(i.nonMembers()),
                  i.members() <= i.nonMembers() + 0.05);
            }));
    rows.add(
        row(
            d,
            "linkage risk: members / non-members (worst k)",
            "privacy",
            "members ≤ max(non-members, 0) + 0.05 for k = 2, 4, 8",
            g -> {
              PrivacyReport.Linkage worst = null;
              for (PrivacyReport.Linkage l : g.privacy().linkage()) {
                if (worst == null || gap(l) > gap(worst)) {
                  worst = l;
                }
              }
              if (worst == null || Double.isNaN(gap(worst))) {
                return new Cell("n/a", Status.NA);
              }
              return cell(
                  "k="
                      + worst.knownItems()
                      + ": "
                      + f3(worst.memberRisk())
                      + " / "
                      + f3(worst.nonMemberRisk()),
                  gap(worst) <= 0.05);
            }));
    rows.add(
        row(
            d,
            "item popularity Spearman ρ",
            "fidelity",
            "≥ 0.80",
            g ->
                cell(
                    f3(g.fidelity().popularitySpearman()),
                    g.fidelity().popularitySpearman() >= 0.8)));
    rows.add(
        row(
            d,
            "user degree KS statistic",
            "fidelity",
            "≤ 0.20",
            g -> cell(f3(g.fidelity().degreeKs()), g.fidelity().degreeKs() <= 0.2)));
    String rec = d.recommenders().isEmpty() ? "popularity" : d.recommenders().get(0);
    ResultTable.Key original = new ResultTable.Key(d.dataset(), rec, Setting.ORIGINAL, "-");
    double base = d.utility().recall(original, 10).mean();
    rows.add(
        row(
            d,
            "REPLACE / ORIGINAL Recall@10 (" + rec + ")",
            "utility",
            "≥ 0.90",
            g -> {
              double r =
                  d.utility()
                          .recall(
                              new ResultTable.Key(d.dataset(), rec, Setting.REPLACE, g.name()), 10)
                          .mean()
                      / base;
              return cell(f3(r), r >= 0.9);
            }));
    return rows;
  }

  /** How far the members' risk exceeds the non-members' (a negative risk counts as 0). */
  private static double gap(PrivacyReport.Linkage l) {
    return l.memberRisk() - Math.max(l.nonMemberRisk(), 0);
  }

  private static Cell mia(PrivacyReport.MembershipInference m) {
    if (m == null) {
      return new Cell("n/a", Status.NA);
    }
    String value = f3(m.auc()) + " [" + f3(m.aucLower()) + ", " + f3(m.aucUpper()) + "]";
    if (m.auc() > 0.55) {
      return new Cell(value, Status.WARN);
    }
    return new Cell(value, m.aucUpper() > 0.60 ? Status.INCONCLUSIVE : Status.PASS);
  }

  private interface Judge {
    Cell judge(SyntheticDataReport.GeneratorResult g);
  }

  private static Row row(
      SyntheticDataReport.Data d, String metric, String group, String rule, Judge judge) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    for (SyntheticDataReport.GeneratorResult g : d.generators()) {
      cells.put(g.name(), judge.judge(g));
    }
    return new Row(metric, group, rule, cells);
  }

  private static Cell cell(String value, boolean pass) {
    return new Cell(value, pass ? Status.PASS : Status.WARN);
  }

  static String f3(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
  }

  /** The verdict table as Markdown. */
  static String markdown(SyntheticDataReport.Data d, List<Row> rows) {
    StringBuilder sb = new StringBuilder("| metric | rule |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (SyntheticDataReport.GeneratorResult g : d.generators()) {
      sb.append(' ').append(g.name()).append(" |");
      rule.append("---|");
    }
    sb.append('\n').append(rule).append('\n');
    for (Row r : rows) {
      sb.append("| ").append(r.metric()).append(" | ").append(r.rule()).append(" |");
      for (Cell c : r.cells().values()) {
        sb.append(' ')
            .append(c.value())
            .append(
                c.status() == Status.WARN ? " ⚠" : c.status() == Status.INCONCLUSIVE ? " (?)" : "")
            .append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
