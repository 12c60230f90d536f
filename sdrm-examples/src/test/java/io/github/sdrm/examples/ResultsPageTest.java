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
    ResultsPage p = new ResultsPage();
    p.results = results;
    p.page = page;
    p.authors = authors;
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
    ResultsPage p = new ResultsPage();
    p.results = results;
    p.page = page;
    p.authors = authors;
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, p::call);
    assertTrue(e.getMessage().startsWith(page + ": no '<!-- results:begin"), e.getMessage());
    assertEquals("# no markers\n", Files.readString(page));
  }
}
