package io.github.sdrm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.Sdrm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {
  @TempDir Path dir;

  private Path smallSpace() throws IOException {
    return Files.writeString(
        dir.resolve("space.json"),
        "{\"timesteps\": {\"type\": \"int\", \"low\": 4, \"high\": 10},\n"
            + " \"latentSize\": {\"type\": \"int\", \"low\": 8, \"high\": 16, \"step\": 8},\n"
            + " \"vaeHiddenSize\": {\"type\": \"int\", \"low\": 16, \"high\": 32, \"step\": 16},\n"
            + " \"diffusionEpochs\": {\"type\": \"int\", \"low\": 2, \"high\": 4},\n"
            + " \"vaeLearningRate\": {\"type\": \"float\", \"low\": 1e-3, \"high\": 1e-2,"
            + " \"log\": true},\n"
            + " \"noiseVarianceDiminisher\": {\"type\": \"categorical\", \"choices\": [1.0, 0.5]}"
            + "}");
  }

  @Test
  void tune_embedded_journalBestPresetAndReport_thenResume() throws IOException {
    Path journal = dir.resolve("out-journal.jsonl");
    Path best = dir.resolve("out-best.properties");
    Path report = dir.resolve("out-tune.html");
    String[] args = {
      "tune",
      "--dataset",
      "embedded",
      "--space",
      smallSpace().toString(),
      "--journal",
      journal.toString(),
      "--trials",
      "2",
      "--vae-epochs",
      "3",
      "--seed",
      "5",
      "--best-preset",
      best.toString(),
      "--report",
      report.toString()
    };
    CliRun r = CliRun.of(args);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("scored on a tuning split of"), r.out());
    assertTrue(r.out().contains("Sdrm.builder()\n    .timesteps("), r.out());
    assertEquals(2, Files.readAllLines(journal).size());
    assertTrue(r.err().contains("trial 2/2: Recall@10 "), r.err());

    // the preset file is a configuration generate and reproduce accept
    Sdrm fromFile = Presets.get(best.toString()).build();
    List<String> lines = Files.readAllLines(best);
    assertTrue(lines.get(0).startsWith("# sdrm tune embedded: best of 2 trials"), lines.get(0));
    String ts = lines.stream().filter(l -> l.startsWith("timesteps=")).findFirst().orElseThrow();
    assertEquals(Integer.parseInt(ts.substring("timesteps=".length())), fromFile.timesteps());

    Document doc = Jsoup.parse(report.toFile(), "UTF-8");
    assertEquals("svg", doc.getElementById("chart-tune").tagName());
    assertEquals(3, doc.select("#trials ~ table tr").size(), "header + 2 trials");

    // resume to 3 trials: one more line, the first two untouched
    List<String> before = Files.readAllLines(journal);
    args[8] = "3";
    String[] resumed = java.util.Arrays.copyOf(args, args.length + 1);
    resumed[args.length] = "--resume";
    CliRun again = CliRun.of(resumed);
    assertEquals(0, again.code(), again.err());
    List<String> after = Files.readAllLines(journal);
    assertEquals(3, after.size());
    assertEquals(before, after.subList(0, 2));
  }

  @Test
  void tune_medianPruning_betweenRuns() throws IOException {
    Path journal = dir.resolve("out-pruned.jsonl");
    CliRun r =
        CliRun.of(
            "tune",
            "--dataset",
            "embedded",
            "--space",
            smallSpace().toString(),
            "--journal",
            journal.toString(),
            "--trials",
            "4",
            "--runs",
            "2",
            "--vae-epochs",
            "3",
            "--seed",
            "5",
            "--prune",
            "median",
            "--prune-startup",
            "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2 run(s) each, median pruning after 1 trials"), r.out());
    List<String> lines = Files.readAllLines(journal);
    assertEquals(4, lines.size());
    for (String line : lines) {
      // the mean after each run is journalled; a pruned trial stopped after its first run
      boolean pruned = line.contains("\"state\":\"PRUNED\"");
      int values = line.substring(line.indexOf("\"intermediate\":[")).split(",").length;
      assertEquals(pruned ? 1 : 2, values, line);
    }
    assertTrue(lines.get(0).contains("\"state\":\"COMPLETE\""), "no pruning before 1 complete");
  }

  @Test
  void tune_badInput_oneLineExitTwo() throws IOException {
    Path journal = dir.resolve("j.jsonl");
    Path space = Files.writeString(dir.resolve("bad.json"), "{\"lr\": {\"type\": \"float\"}}");
    CliRun r =
        CliRun.of(
            "tune",
            "--dataset",
            "embedded",
            "--space",
            space.toString(),
            "--journal",
            journal.toString());
    r.assertOneLineAndNoOutput(space + ": unknown parameter 'lr'; expected one of", dir);
    r =
        CliRun.of(
            "tune", "--dataset", "embedded", "--journal", journal.toString(), "--timeout", "soon");
    r.assertOneLineAndNoOutput("--timeout must be like 90s, 30m, 2h or PT2H, found 'soon'", dir);
    Files.writeString(journal, "{}\n");
    r = CliRun.of("tune", "--dataset", "embedded", "--journal", journal.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().startsWith("sdrm: " + journal + " already holds trials; add --resume"), r.err());
    r = CliRun.of("tune", "--dataset", "embedded", "--journal", journal.toString(), "--resume");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("sdrm: " + journal + ":1: corrupt journal line"), r.err());
    assertEquals("{}\n", Files.readString(journal));
  }

  @Test
  void presetFile_badKeyAndValue() throws IOException {
    Path p = Files.writeString(dir.resolve("p.properties"), "# x\nlearningRate=0.1\n");
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> Presets.get(p.toString()));
    assertTrue(e.getMessage().startsWith(p + ": unknown key 'learningRate'"), e.getMessage());
    Files.writeString(p, "timesteps=many\n");
    e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> Presets.get(p.toString()));
    assertEquals(p + ": timesteps: expected a number, found 'many'", e.getMessage());
  }
}
