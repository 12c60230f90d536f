package io.github.sdrm.examples;

import io.github.sdrm.recsys.ResultTable;
import io.github.sdrm.recsys.Setting;
import io.github.sdrm.recsys.audit.PrivacyReport;
import io.github.sdrm.recsys.audit.RocCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The report's charts: JFreeChart plots drawn to SVG elements by JFreeSVG. */
final class ReportCharts {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 380;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f)
  };

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private ReportCharts() {}

  /** Item counts sorted in descending order against rank, log scale: real and every generator. */
  static String popularity(SyntheticDataReport.Data d) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(rankSeries("real (members)", d.realItemCounts()));
    for (SyntheticDataReport.GeneratorResult g : d.generators()) {
      data.addSeries(rankSeries(g.name(), g.itemCounts()));
    }
    XYPlot plot = linePlot(data, "item rank (by its own count)", null);
    LogAxis y = new LogAxis("users holding the item (log scale)");
    y.setSmallestValue(0.5);
    plot.setRangeAxis(y);
    return svg(
        new JFreeChart("Item popularity, real vs synthetic", titleFont(), plot, true),
        "popularity");
  }

  private static XYSeries rankSeries(String name, int[] counts) {
    int[] c = counts.clone();
    Arrays.sort(c);
    XYSeries s = new XYSeries(name, false, true);
    for (int i = 0; i < c.length; i++) {
      int v = c[c.length - 1 - i];
      if (v > 0) {
        s.add(i + 1, v);
      }
    }
    return s;
  }

  /** Histograms of user degrees (positive items per user), as shares of users. */
  static String degrees(SyntheticDataReport.Data d) {
    int max = Arrays.stream(d.realDegrees()).max().orElse(1);
    for (SyntheticDataReport.GeneratorResult g : d.generators()) {
      max = Math.max(max, Arrays.stream(g.degrees()).max().orElse(1));
    }
    int bins = Math.min(40, Math.max(1, max + 1));
    double width = (max + 1.0) / bins;
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(histogram("real (members)", toDouble(d.realDegrees()), 0, width, bins));
    for (SyntheticDataReport.GeneratorResult g : d.generators()) {
      data.addSeries(histogram(g.name(), toDouble(g.degrees()), 0, width, bins));
    }
    XYPlot plot = linePlot(data, "positive items per user (bin centre)", "share of users");
    return svg(
        new JFreeChart("User activity (degree) distribution", titleFont(), plot, true), "degrees");
  }

  /** Histograms of the distance to the closest member: each generator's rows and non-members. */
  static String dcr(SyntheticDataReport.Data d) {
    XYSeriesCollection data = new XYSeriesCollection();
    PrivacyReport.DcrProfile first = d.generators().get(0).privacy().dcr();
    data.addSeries(
        histogram("non-members (real, unseen)", first.nonMemberDistances(), 0, 0.05, 20));
    for (SyntheticDataReport.GeneratorResult g : d.generators()) {
      data.addSeries(histogram(g.name(), g.privacy().dcr().syntheticDistances(), 0, 0.05, 20));
    }
    XYPlot plot =
        linePlot(data, "Jaccard distance to the closest member row (bin centre)", "share of rows");
    plot.getRenderer().setSeriesStroke(0, new BasicStroke(3f));
    return svg(new JFreeChart("Distance to closest record (DCR)", titleFont(), plot, true), "dcr");
  }

  /** ROC curves of the distance membership-inference attack, one per generator. */
  static String roc(SyntheticDataReport.Data d) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries chance = new XYSeries("chance", false, true);
    chance.add(0, 0);
    chance.add(1, 1);
    data.addSeries(chance);
    for (SyntheticDataReport.GeneratorResult g : d.generators()) {
      RocCurve r = g.privacy().membershipInference().roc();
      XYSeries s =
          new XYSeries(
              String.format(java.util.Locale.ROOT, "%s (AUC %.3f)", g.name(), r.auc()),
              false,
              true);
      double[] x = r.fpr();
      double[] y = r.tpr();
      for (int i = 0; i < x.length; i++) {
        s.add(x[i], y[i]);
      }
      data.addSeries(s);
    }
    XYPlot plot =
        linePlot(
            data,
            "false-positive rate (non-members flagged)",
            "true-positive rate (members found)");
    plot.getRenderer().setSeriesPaint(0, Color.GRAY);
    plot.getRenderer()
        .setSeriesStroke(
            0,
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
    for (int i = 1; i < data.getSeriesCount(); i++) {
      plot.getRenderer().setSeriesPaint(i, PALETTE[(i - 1) % PALETTE.length]);
    }
    ((NumberAxis) plot.getDomainAxis()).setRange(0, 1);
    ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
    return svg(
        new JFreeChart("Membership inference (distance attack) ROC", titleFont(), plot, true),
        "roc");
  }

  /** Recall@10 by setting and generator, mean ± std over runs, one bar per recommender. */
  static String utility(SyntheticDataReport.Data d) {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    ResultTable t = d.utility();
    for (ResultTable.Key k : t.keys()) {
      ResultTable.Summary s = t.recall(k, 10);
      String column =
          k.setting() == Setting.ORIGINAL ? "ORIGINAL" : k.setting() + " " + k.generator();
      data.add(s.mean(), s.std(), k.recommender(), column);
    }
    CategoryAxis x = new CategoryAxis(null);
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    StatisticalBarRenderer renderer = new StatisticalBarRenderer();
    renderer.setErrorIndicatorPaint(Color.BLACK);
    renderer.setDrawBarOutline(false);
    renderer.setShadowVisible(false);
    renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    for (int i = 0; i < PALETTE.length; i++) {
      renderer.setSeriesPaint(i, PALETTE[i]);
    }
    CategoryPlot plot =
        new CategoryPlot(data, x, new NumberAxis("Recall@10 (mean ± std)"), renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    return svg(
        new JFreeChart(
            "Utility: recommenders trained on real, synthetic or both", titleFont(), plot, true),
        "utility",
        WIDTH,
        460);
  }

  static XYPlot linePlot(XYSeriesCollection data, String x, String y) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    // one SVG path per series instead of one element per segment: a far smaller page
    renderer.setDrawSeriesLineAsPath(true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(data, new NumberAxis(x), new NumberAxis(y), renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    return plot;
  }

  private static XYSeries histogram(
      String name, double[] values, double min, double width, int bins) {
    double[] counts = new double[bins];
    for (double v : values) {
      int b = (int) Math.floor((v - min) / width);
      counts[Math.max(0, Math.min(bins - 1, b))]++;
    }
    XYSeries s = new XYSeries(name, false, true);
    for (int b = 0; b < bins; b++) {
      s.add(min + (b + 0.5) * width, values.length == 0 ? 0 : counts[b] / values.length);
    }
    return s;
  }

  private static double[] toDouble(int[] a) {
    return Arrays.stream(a).asDoubleStream().toArray();
  }

  static Font titleFont() {
    return new Font(Font.SANS_SERIF, Font.BOLD, 15);
  }

  private static String svg(JFreeChart chart, String id) {
    return svg(chart, id, WIDTH, HEIGHT);
  }

  static String svg(JFreeChart chart, String id, int width, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(id + "-");
    chart.draw(g2, new Rectangle(0, 0, width, height));
    return g2.getSVGElement("chart-" + id);
  }

  /** Every chart of a report, in the order the HTML shows them. */
  static List<String> ids() {
    return List.of("chart-dcr", "chart-roc", "chart-popularity", "chart-degrees", "chart-utility");
  }
}
