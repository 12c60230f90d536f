package io.github.sdrm.examples;

import io.github.sdrm.recsys.tune.Parameter;
import io.github.sdrm.recsys.tune.SearchSpace;
import io.github.sdrm.recsys.tune.Trial;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The HTML page of {@code sdrm tune --report}: self-contained, one inline SVG chart. */
final class TuneReport {
  private TuneReport() {}

  static String html(
      String name, String metric, String where, SearchSpace space, List<Trial> trials) {
    XYSeries value = new XYSeries("trial", false, true);
    XYSeries best = new XYSeries("best so far", false, true);
    double b = Double.NEGATIVE_INFINITY;
    for (Trial t : trials) {
      if (t.state() == Trial.State.COMPLETE) {
        value.add(t.number() + 1, t.value());
        b = Math.max(b, t.value());
      }
      if (b > Double.NEGATIVE_INFINITY) {
        best.add(t.number() + 1, b);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(value);
    data.addSeries(best);
    XYPlot plot = ReportCharts.linePlot(data, "trial", metric);
    ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer())
        .setSeriesLinesVisible(0, false);
    ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer())
        .setSeriesShapesVisible(0, true);
    JFreeChart chart = new JFreeChart(metric + " per trial", ReportCharts.titleFont(), plot, true);
    String svg = ReportCharts.svg(chart, "tune", 760, 380);

    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>sdrm tune: ")
        .append(ReportHtml.esc(name))
        .append("</title>\n<style>\n")
        .append(ReportHtml.CSS)
        .append("\n</style></head><body>\n<h1>Hyperparameter search: ")
        .append(ReportHtml.esc(name))
        .append("</h1>\n<p class=\"lead\">")
        .append(ReportHtml.esc(metric))
        .append(", scored on ")
        .append(ReportHtml.esc(where))
        .append(".</p>\n<figure id=\"objective\">")
        .append(svg)
        .append(
            "<figcaption>Each complete trial's objective (points) and the best so far"
                + " (line).</figcaption></figure>\n<h2 id=\"trials\">Trials</h2>\n<table><tr><th>trial"
                + "</th><th>state</th><th>")
        .append(ReportHtml.esc(metric))
        .append("</th><th>seconds</th>");
    for (Parameter p : space.parameters()) {
      h.append("<th>").append(ReportHtml.esc(p.name())).append("</th>");
    }
    h.append("</tr>\n");
    for (Trial t : trials) {
      h.append("<tr><td class=\"num\">")
          .append(t.number() + 1)
          .append("</td><td>")
          .append(t.state().name().toLowerCase(Locale.ROOT))
          .append("</td><td class=\"num\">")
          .append(
              t.state() == Trial.State.COMPLETE
                  ? String.format(Locale.ROOT, "%.4f", t.value())
                  : ReportHtml.esc(String.valueOf(t.message())))
          .append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.0f", t.seconds()))
          .append("</td>");
      for (Parameter p : space.parameters()) {
        Double v = t.params().get(p.name());
        h.append("<td class=\"num\">")
            .append(v == null ? "" : ReportHtml.esc(p.format(v)))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    return h.append("</table>\n<footer>sdrm tune</footer>\n</body></html>\n").toString();
  }
}
