package io.github.sdrm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.datasets.Dataset;
import io.github.sdrm.datasets.LabeledMatrix;
import io.github.sdrm.datasets.SyntheticDataset;
import io.github.sdrm.datasets.TripletCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** {@code sdrm report} end to end on the embedded dataset, and its bad input. */
class SdrmReportTest {
  @TempDir Path dir;

  private CliRun last;
  private String[] result;

  private int run(String... args) {
    last = CliRun.of(args);
    result = new String[] {last.out(), last.err()};
    return last.code();
  }

  /** Verdict cell of a generator's column in a metric's row. */
  private static Element verdict(Document doc, String metricStart, String generator) {
    Element table = doc.selectFirst("section#verdict table");
    List<String> heads = new ArrayList<>();
    for (Element th : table.select("tr").first().select("th")) {
      heads.add(th.text());
    }
    int col = heads.indexOf(generator);
    assertTrue(col > 0, "no column " + generator + " in " + heads);
    for (Element tr : table.select("tr")) {
      if (tr.child(0).text().startsWith(metricStart)) {
        return tr.child(col);
      }
    }
    throw new AssertionError("no verdict row " + metricStart);
  }

  @Test
  void report_embeddedDataset_everySectionChartAndFigure() throws IOException {
    Path html = dir.resolve("report.html");
    int code =
        run(
            "report",
            "--dataset",
            "embedded",
            "--output",
            html.toString(),
            "--vae-epochs",
            "15",
            "--diffusion-epochs",
            "15",
            "--vae-hidden",
            "200",
            "--latent-size",
            "64",
            "--timesteps",
            "20",
            "--seed",
            "7",
            "--progress",
            "lines");
    assertEquals(0, code, result[1]);
    // progress for a log file: whole lines, each stage's end among them, no carriage return
    assertFalse(result[1].contains("\r"), result[1]);
    assertTrue(result[1].contains("VAE: 15 epochs"), result[1]);
    assertTrue(result[1].contains("diffusion: epoch 8/15 (50 %)"), result[1]);
    Document doc = Jsoup.parse(html.toFile(), "UTF-8");

    for (String id : List.of("verdict", "setup", "privacy", "fidelity", "utility", "definitions")) {
      assertNotNull(doc.getElementById(id), "section " + id);
    }
    for (String id : ReportCharts.ids()) {
      Element svg = doc.getElementById(id);
      assertNotNull(svg, "chart " + id);
      assertEquals("svg", svg.tagName());
      assertFalse(svg.select("path, line, rect, polyline").isEmpty(), id + " draws something");
    }
    assertTrue(doc.select("script, link, img, iframe").isEmpty(), "nothing to load");
    assertTrue(doc.select("[src], [href]").isEmpty(), "no external reference");

    List<String> generators = List.of("F-SDRM", "M-SDRM", "MultiVAE", "copy", "independent");
    for (String g : generators) {
      verdict(doc, "exact copies", g);
    }
    // the reference generators are where they must be
    Element copy = verdict(doc, "exact copies", "copy");
    assertTrue(copy.text().startsWith("100.0 %"), copy.text());
    assertTrue(copy.hasClass("warn"));
    Element copyAuc = verdict(doc, "membership inference AUC", "copy");
    assertTrue(copyAuc.text().startsWith("1.000"), copyAuc.text());
    Element indep = verdict(doc, "exact copies", "independent");
    assertTrue(indep.text().startsWith("0.0 %") && indep.hasClass("pass"), indep.text());
    double indepAuc =
        Double.parseDouble(
            verdict(doc, "membership inference AUC", "independent").text().split(" ")[0]);
    assertEquals(0.5, indepAuc, 0.1);
    // utility rows for ORIGINAL and every generator, popularity as the floor
    String utility = doc.getElementById("utility").text();
    assertTrue(utility.contains("ORIGINAL") && utility.contains("popularity"), utility);

    // the JSON beside it carries the same figures under stable names
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertEquals("embedded", json.get("dataset").asText());
    assertEquals(5, json.get("generators").size());
    JsonNode copyJson = json.get("generators").get(3);
    assertEquals("copy", copyJson.get("name").asText());
    assertEquals(1.0, copyJson.at("/privacy/exactCopies/ofMembers").asDouble(), 0);
    assertEquals(
        copyAuc.text().split(" ")[0],
        String.format(
            java.util.Locale.ROOT,
            "%.3f",
            copyJson.at("/privacy/membershipInference/auc").asDouble()));
    assertTrue(json.at("/generators/0/fidelity/popularitySpearman").isNumber());
    assertEquals(3, json.at("/generators/0/privacy/linkage").size());
    assertTrue(json.get("utility").size() > 0);
    assertTrue(json.get("verdicts").size() >= 10);

    // Markdown summary on standard output
    assertTrue(result[0].contains("| exact copies of members |"), result[0]);
  }

  @Test
  void report_givenSyntheticFile_copyOfMembersIsFlagged() throws IOException {
    Dataset d = SyntheticDataset.mlLike();
    Path synthetic = dir.resolve("leaky.csv");
    TripletCsv.write(synthetic, new LabeledMatrix(d.train(), null, d.itemIds()));
    Path html = dir.resolve("leaky.html");
    assertEquals(
        0,
        run(
            "report",
            "--dataset",
            "embedded",
            "--synthetic",
            synthetic.toString(),
            "--output",
            html.toString()),
        result[1]);
    Document doc = Jsoup.parse(html.toFile(), "UTF-8");
    Element cell = verdict(doc, "exact copies", "synthetic");
    // three utility runs: the reference generators are drawn again for each
    assertEquals(
        0,
        run(
            "report",
            "--dataset",
            "embedded",
            "--synthetic",
            synthetic.toString(),
            "--runs",
            "3",
            "--output",
            dir.resolve("runs2.html").toString()),
        result[1]);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("runs2.json").toFile());
    for (JsonNode row : json.get("utility")) {
      assertEquals(3, row.get("runs").asInt(), row.toString());
    }
    assertTrue(cell.text().startsWith("100.0 %") && cell.hasClass("warn"), cell.text());
    assertTrue(verdict(doc, "membership inference AUC", "synthetic").hasClass("warn"));
  }

  private void assertBadInput(String expectedStart, String... args) throws IOException {
    assertEquals(2, run(args), result[0] + result[1]);
    last.assertOneLineAndNoOutput(expectedStart, dir);
  }

  @Test
  void report_badInput_oneLineExitTwoNoOutput() throws IOException {
    String out = dir.resolve("out.html").toString();
    assertBadInput(
        "report: Missing required argument (specify one of these): (--input=FILE |"
            + " --dataset=NAME)",
        "report",
        "--output",
        out);
    assertBadInput(
        "report: --input=FILE, --dataset=NAME are mutually exclusive",
        "report",
        "--input",
        "a.csv",
        "--dataset",
        "embedded",
        "--output",
        out);
    assertBadInput(
        "report: Missing required option: '--output=FILE'", "report", "--dataset", "embedded");
    assertBadInput(
        "recommenders must be among svd, mlp, neumf, popularity; found 'knn'",
        "report",
        "--dataset",
        "embedded",
        "--recommenders",
        "svd,knn",
        "--output",
        out);
    assertBadInput(
        "--runs must be at least 1, found 0",
        "report",
        "--dataset",
        "embedded",
        "--runs",
        "0",
        "--output",
        out);
    assertBadInput(
        "report: Invalid value for option '--density': expected one of stored, ones;"
            + " found 'half'",
        "report",
        "--dataset",
        "embedded",
        "--density",
        "half",
        "--output",
        out);
    assertBadInput(
        "report: Invalid value for option '--split': expected one of random,"
            + " id-order; found 'x'",
        "report",
        "--dataset",
        "embedded",
        "--split",
        "x",
        "--output",
        out);
    assertBadInput(
        "report: Invalid value for option '--seed': expected an integer, found 'x'",
        "report",
        "--dataset",
        "embedded",
        "--seed",
        "x",
        "--output",
        out);
    assertBadInput(
        "file not found: " + dir.resolve("none.csv"),
        "report",
        "--dataset",
        "embedded",
        "--synthetic",
        dir.resolve("none.csv").toString(),
        "--output",
        out);
    assertBadInput(
        "--output: folder",
        "report",
        "--dataset",
        "embedded",
        "--output",
        dir.resolve("no/such/out.html").toString());
    assertBadInput(
        "no reference splits for dataset 'nope'",
        "report",
        "--dataset",
        "nope",
        "--data",
        dir.toString(),
        "--output",
        out);
    Path wrong = dir.resolve("wrong.csv");
    TripletCsv.write(
        wrong,
        new LabeledMatrix(
            io.github.sdrm.data.InteractionMatrix.fromRows(1, new int[][] {{0}}, null),
            null,
            List.of("no-such-item")));
    assertBadInput(
        wrong + ": item id 'no-such-item' is not an item",
        "report",
        "--dataset",
        "embedded",
        "--synthetic",
        wrong.toString(),
        "--output",
        out);
    assertBadInput(
        "report needs a ratings file", "report", "--input", wrong.toString(), "--output", out);
  }
}
