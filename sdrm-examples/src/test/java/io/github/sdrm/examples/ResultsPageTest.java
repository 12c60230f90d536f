package io.github.sdrm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsPageTest {
  @TempDir Path dir;

  /** A ResultsPage reading {@code results}, writing {@code page}, with the authors' figures. */
  private static ResultsPage generator(Path results, Path page, Path authors) {
    ResultsPage p = new ResultsPage();
    p.results = results;
    p.page = page;
    p.authors = authors;
    return p;
  }

  private static String csv(String dataset, String rec, double original, double augmentF) {
    return "# command: sdrm reproduce --dataset "
        + dataset
        + " --recommender "
        + rec
        + "\n"
        + "# protocol: paper\n# wall_seconds: 92\n# vae_epochs: 211(189)\n"
        + "dataset,recommender,setting,generator,metric,k,runs,mean,max,std\n"
        + dataset
        + ","
        + rec
        + ",ORIGINAL,-,recall,10,5,"
        + original
        + ",0.3,0\n"
        + dataset
        + ","
        + rec
        + ",AUGMENT,F-SDRM,recall,10,5,"
        + augmentF
        + ",0.34,0.01\n"
        + dataset
        + ","
        + rec
        + ",AUGMENT,F-SDRM,ndcg,10,5,0.1,0.2,0.01\n";
  }

  @Test
  void regeneratesTheMarkedRegionAndTheChart_leavesTheRest() throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("b.csv"), csv("alb", "svd", 0.3113, 0.3301));
    Files.writeString(results.resolve("a.csv"), csv("ml-100k", "svd", 0.3716, 0.3912));
    Path authors =
        Files.writeString(
            dir.resolve("authors.csv"),
            "dataset,recommender,best_trial,setting,generator,recall@1,recall@10\n"
                + "ml-100k,svd,1,augment,F-SDRM,0.5,0.3924\n"
                + "alb,svd,1,augment,F-SDRM,0.5,0.339\n");
    Path page =
        Files.writeString(
            dir.resolve("RESULTS.md"),
            "# Title\n\nbefore\n\n<!-- results:begin (generated) -->\nold table\n"
                + "<!-- results:end -->\n\nafter\n");
    ResultsPage p = generator(results, page, authors);
    assertEquals(0, p.call());
    String text = Files.readString(page);
    assertTrue(text.startsWith("# Title\n\nbefore\n\n<!-- results:begin (generated) -->\n"), text);
    assertTrue(text.endsWith("<!-- results:end -->\n\nafter\n"), text);
    assertTrue(!text.contains("old table"), text);
    // the paper's order (ML-100K before ALB), ours with the authors' in brackets, command
    int ml =
        text.indexOf(
            "| ml-100k | svd | paper | 5 | 0.3716 | 0.3912 (0.3924) | – | – | – |"
                + " 92 s | `sdrm reproduce --dataset ml-100k --recommender svd` |");
    int alb = text.indexOf("| alb | svd | paper | 5 | 0.3113 | 0.3301 (0.3390) |");
    assertTrue(ml > 0 && alb > ml, text);
    assertTrue(text.contains("](results/recall10.svg)"), text);
    String svg = Files.readString(results.resolve("recall10.svg"));
    assertTrue(svg.startsWith("<svg"), svg);
    // a well-formed SVG document of its own: parses as XML, root in the SVG namespace
    try {
      javax.xml.parsers.DocumentBuilderFactory f =
          javax.xml.parsers.DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      org.w3c.dom.Element root =
          f.newDocumentBuilder()
              .parse(new java.io.ByteArrayInputStream(svg.getBytes("UTF-8")))
              .getDocumentElement();
      assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new AssertionError("not well-formed XML: " + e, e);
    }
    assertTrue(svg.contains("ml-100k svd AUGMENT F-SDRM"), "category label in the chart");

    // running again gives the same page
    assertEquals(0, p.call());
    assertEquals(text, Files.readString(page));
  }

  @Test
  void pageWithoutMarkers_clearError() throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("a.csv"), csv("alb", "svd", 0.3, 0.33));
    Path authors =
        Files.writeString(
            dir.resolve("authors.csv"),
            "dataset,recommender,best_trial,setting,generator," + "recall@10\n");
    Path page = Files.writeString(dir.resolve("RESULTS.md"), "# no markers\n");
    ResultsPage p = generator(results, page, authors);
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, p::call);
    assertTrue(e.getMessage().startsWith(page + ": no '<!-- results:begin"), e.getMessage());
    assertEquals("# no markers\n", Files.readString(page));
  }

  /** A single-run reproduction's CSV with an explicit seed line. */
  private static String part(String rec, long seed, double augmentF, long wall) {
    return "# command: sdrm reproduce --dataset alb --recommender "
        + rec
        + " --runs 1 --seed "
        + seed
        + "\n# protocol: paper\n# wall_seconds: "
        + wall
        + "\n# vae_epochs: 100(80)\n# seeds: "
        + seed
        + "\ndataset,recommender,setting,generator,metric,k,runs,mean,max,std\n"
        + "alb,"
        + rec
        + ",AUGMENT,F-SDRM,recall,10,1,"
        + augmentF
        + ","
        + augmentF
        + ",0\n";
  }

  @Test
  void pool_equalsTheFiguresOfAllRunsTogether() {
    double[] a = {0.31, 0.35, 0.29};
    double[] b = {0.40, 0.27};
    double[] all = {0.31, 0.35, 0.29, 0.40, 0.27};
    ResultsPage.Stat pooled = stat(a).pool(stat(b));
    ResultsPage.Stat direct = stat(all);
    assertEquals(5, pooled.runs());
    assertEquals(direct.mean(), pooled.mean(), 1e-12);
    assertEquals(0.40, pooled.max(), 0);
    assertEquals(direct.std(), pooled.std(), 1e-12);
  }

  /** Runs, mean, max and population standard deviation, computed here directly. */
  private static ResultsPage.Stat stat(double[] v) {
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      sum += x;
      max = Math.max(max, x);
    }
    double mean = sum / v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new ResultsPage.Stat(v.length, mean, max, Math.sqrt(ss / v.length));
  }

  @Test
  void partsOfOneRow_areMergedIntoOneRow() throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("alb-mlp-12345.csv"), part("mlp", 12345, 0.30, 100));
    Files.writeString(results.resolve("alb-mlp-12346.csv"), part("mlp", 12346, 0.34, 120));
    Files.writeString(results.resolve("alb-svd.csv"), csv("alb", "svd", 0.3113, 0.3301));
    Path authors =
        Files.writeString(
            dir.resolve("authors.csv"),
            "dataset,recommender,best_trial,setting,generator,recall@10\n"
                + "alb,mlp,1,augment,F-SDRM,0.3246\n");
    Path page =
        Files.writeString(
            dir.resolve("RESULTS.md"), "<!-- results:begin -->\n<!-- results:end -->\n");
    ResultsPage p = generator(results, page, authors);
    assertEquals(0, p.call());
    String text = Files.readString(page);
    assertTrue(
        text.contains(
            "| alb | mlp | paper | 2 | – | 0.3200 (0.3246) | – | – | – | 220 s |"
                + " `sdrm reproduce --dataset alb --recommender mlp --runs 1 --seed 12345` +"
                + " `sdrm reproduce --dataset alb --recommender mlp --runs 1 --seed 12346` |"),
        text);
    assertTrue(text.contains("| alb | svd | paper | 5 | 0.3113 | 0.3301 (not logged) |"), text);
  }

  @Test
  void twoPartsWithTheSameSeed_areRejected_pageUntouched() throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("x.csv"), part("mlp", 12345, 0.30, 100));
    Files.writeString(results.resolve("y.csv"), part("mlp", 12345, 0.31, 100));
    Path authors = Files.writeString(dir.resolve("authors.csv"), "dataset,recall@10\n");
    String before = "<!-- results:begin -->\nold\n<!-- results:end -->\n";
    Path page = Files.writeString(dir.resolve("RESULTS.md"), before);
    ResultsPage p = generator(results, page, authors);
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, p::call);
    assertTrue(
        e.getMessage()
            .equals(
                "x.csv and y.csv both measured AUGMENT with generator seed 12345 of alb mlp"
                    + " paper: the same run would count twice"),
        e.getMessage());
    assertEquals(before, Files.readString(page));
  }

  /** A single-run part of seed {@code seed} that measured only {@code setting} (F-SDRM). */
  private static String settingPart(String setting, long seed, double recall) {
    return part("mlp", seed, recall, 100)
        .replace(" --seed " + seed, " --seed " + seed + " --settings " + setting.toLowerCase())
        .replace(",AUGMENT,", "," + setting + ",");
  }

  @Test
  void oneSeedsSettingsFromTwoCommands_areOneRun_butASettingTwiceIsRejected() throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("a.csv"), settingPart("AUGMENT", 12345, 0.30));
    Files.writeString(results.resolve("b.csv"), settingPart("REPLACE", 12345, 0.20));
    Files.writeString(results.resolve("c.csv"), settingPart("AUGMENT", 12346, 0.34));
    Path authors = Files.writeString(dir.resolve("authors.csv"), "dataset,recall@10\n");
    Path page =
        Files.writeString(
            dir.resolve("RESULTS.md"), "<!-- results:begin -->\n<!-- results:end -->\n");
    assertEquals(0, generator(results, page, authors).call());
    String text = Files.readString(page);
    // AUGMENT pooled over seeds 12345 and 12346, REPLACE has seed 12345 only: runs "1–2"
    assertTrue(
        text.contains(
            "| alb | mlp | paper | 1–2 | – | 0.3200 (not logged) | – |"
                + " 0.2000 (not logged) | – | 300 s |"),
        text);

    // REPLACE of seed 12345 a second time counts one run twice
    Files.writeString(results.resolve("d.csv"), settingPart("REPLACE", 12345, 0.21));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, generator(results, page, authors)::call);
    assertEquals(
        "b.csv and d.csv both measured REPLACE with generator seed 12345 of alb mlp paper:"
            + " the same run would count twice",
        e.getMessage());
    assertEquals(text, Files.readString(page));
  }

  @Test
  void filesWithoutASeedLine_takeTheirSeedsFromTheCommand() throws IOException {
    // the 5-run default-seed file (12345..12349) and a part with --seed 12349 overlap
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(
        results.resolve("a.csv"),
        csv("alb", "mlp", 0.3, 0.33).replace("--recommender mlp", "--recommender mlp --runs 5"));
    Files.writeString(results.resolve("b.csv"), part("mlp", 12349, 0.30, 100));
    Path authors = Files.writeString(dir.resolve("authors.csv"), "dataset,recall@10\n");
    Path page =
        Files.writeString(
            dir.resolve("RESULTS.md"), "<!-- results:begin -->\n<!-- results:end -->\n");
    ResultsPage p = generator(results, page, authors);
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, p::call);
    assertTrue(e.getMessage().contains("generator seed 12349"), e.getMessage());
  }

  /**
   * The committed page and chart are what {@code ResultsPage} makes of the committed CSV files: a
   * CSV added or edited without regenerating the page fails here.
   */
  @Test
  void committedPage_isWhatTheCommittedCsvFilesGive() throws IOException {
    Path docs = Path.of("../docs");
    Path authors =
        Path.of(System.getProperty("sdrm.data.dir", "../../shared/data"))
            .resolve("reference-results/authors-best-trials.csv");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(authors), "skipped: " + authors + " not found (../shared absent)");
    Path results = Files.createDirectories(dir.resolve("docs/results"));
    try (java.util.stream.Stream<Path> s = Files.list(docs.resolve("results"))) {
      for (Path f : s.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(f, results.resolve(f.getFileName()));
      }
    }
    Path page = Files.copy(docs.resolve("RESULTS.md"), dir.resolve("docs/RESULTS.md"));
    assertEquals(0, generator(results, page, authors).call());
    // assertTrue, not assertEquals: the page is too long to print twice in a report
    assertTrue(
        Files.readString(docs.resolve("RESULTS.md")).equals(Files.readString(page)),
        "docs/RESULTS.md is out of date: run ResultsPage (see the page) and commit the result");
    assertTrue(
        Files.readString(docs.resolve("results/recall10.svg"))
            .equals(Files.readString(results.resolve("recall10.svg"))),
        "docs/results/recall10.svg is out of date: run ResultsPage and commit the result");
  }
}
