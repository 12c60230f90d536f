package io.github.sdrm.examples;

import io.github.sdrm.recsys.ResultTable;
import io.github.sdrm.recsys.audit.RocCurve;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's figures as JSON with stable field names (the records' component names). Arrays of
 * per-row distances and ROC corners are left out (they are in the HTML's charts); NaN is null.
 */
final class ReportJson {
  private ReportJson() {}

  static String write(SyntheticDataReport.Data d, List<ReportVerdicts.Row> verdicts) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dataset", d.dataset());
    root.put("source", d.source());
    Map<String, Object> sizes = new LinkedHashMap<>();
    sizes.put("trainUsers", d.trainUsers());
    sizes.put("testUsers", d.testUsers());
    sizes.put("validUsers", d.validUsers());
    sizes.put("items", d.items());
    sizes.put("trainDensity", d.trainDensity());
    root.put("sizes", sizes);
    root.put("configuration", d.configuration());
    root.put("seed", d.seed());
    root.put("runs", d.runs());
    root.put("recommenders", d.recommenders());
    List<Map<String, Object>> gens = new java.util.ArrayList<>();
    for (SyntheticDataReport.GeneratorResult g : d.generators()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", g.name());
      m.put("kind", g.kind());
      m.put("privacy", g.privacy());
      m.put("fidelity", g.fidelity());
      gens.add(m);
    }
    root.put("generators", gens);
    List<Map<String, Object>> util = new java.util.ArrayList<>();
    for (ResultTable.Key k : d.utility().keys()) {
      for (int cutoff : SyntheticDataReport.CUTOFFS) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recommender", k.recommender());
        m.put("setting", k.setting().name());
        m.put("generator", k.generator());
        m.put("k", cutoff);
        ResultTable.Summary r = d.utility().recall(k, cutoff);
        ResultTable.Summary n = d.utility().ndcg(k, cutoff);
        m.put("runs", r.runs());
        m.put("recallMean", r.mean());
        m.put("recallStd", r.std());
        m.put("ndcgMean", n.mean());
        m.put("ndcgStd", n.std());
        util.add(m);
      }
    }
    root.put("utility", util);
    List<Map<String, Object>> vs = new java.util.ArrayList<>();
    for (ReportVerdicts.Row r : verdicts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("metric", r.metric());
      m.put("group", r.group());
      m.put("rule", r.rule());
      Map<String, Object> cells = new LinkedHashMap<>();
      r.cells()
          .forEach(
              (g, c) ->
                  cells.put(
                      g,
                      Map.of(
                          "value",
                          c.value(),
                          "status",
                          c.status().name().toLowerCase(Locale.ROOT))));
      m.put("values", cells);
      vs.add(m);
    }
    root.put("verdicts", vs);
    root.put("stageSeconds", d.stageSeconds());
    root.put("notes", d.notes());
    StringBuilder sb = new StringBuilder();
    value(sb, root, "");
    return sb.append('\n').toString();
  }

  private static void value(StringBuilder sb, Object v, String indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Double x) {
      sb.append(Double.isFinite(x) ? Double.toString(x) : "null");
    } else if (v instanceof Float x) {
      value(sb, x.doubleValue(), indent);
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof CharSequence || v instanceof Enum<?>) {
      string(sb, v.toString());
    } else if (v instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, x) -> copy.put(k.toString(), x));
      object(sb, copy, indent);
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "\n" : ",\n").append(indent).append("  ");
        value(sb, l.get(i), indent + "  ");
      }
      sb.append(l.isEmpty() ? "]" : "\n" + indent + "]");
    } else if (v instanceof Record r) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        if (c.getType().isArray() || c.getType() == RocCurve.class) {
          continue;
        }
        try {
          fields.put(c.getName(), c.getAccessor().invoke(r));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + c.getName() + " of " + r, e);
        }
      }
      object(sb, fields, indent);
    } else {
      string(sb, v.toString());
    }
  }

  private static void object(StringBuilder sb, Map<String, Object> m, String indent) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      sb.append(first ? "\n" : ",\n").append(indent).append("  ");
      string(sb, e.getKey());
      sb.append(": ");
      value(sb, e.getValue(), indent + "  ");
      first = false;
    }
    sb.append(m.isEmpty() ? "}" : "\n" + indent + "}");
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
