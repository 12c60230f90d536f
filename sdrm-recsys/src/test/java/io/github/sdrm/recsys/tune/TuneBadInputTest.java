package io.github.sdrm.recsys.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneBadInputTest {
  @TempDir Path dir;

  private String spaceError(String json) throws IOException {
    Path f = Files.writeString(dir.resolve("space.json"), json);
    return assertThrows(IllegalArgumentException.class, () -> SearchSpace.read(f)).getMessage();
  }

  @Test
  void searchSpaceFile_unknownNameEmptyRangeMalformed() throws IOException {
    Path f = dir.resolve("space.json");
    assertEquals(
        f
            + ": unknown parameter 'learningRate'; expected one of diffusionEpochs,"
            + " diffusionLearningRate, diffusionBatchSize, denoiserLayers, timesteps,"
            + " noiseVarianceDiminisher, latentSize, vaeHiddenSize, vaeLearningRate, vaeBatchSize",
        spaceError("{\"learningRate\": {\"type\": \"float\", \"low\": 1e-4, \"high\": 1e-2}}"));
    assertEquals(
        f + ": timesteps: the range must be finite and not empty, found [200.0, 3.0]",
        spaceError("{\"timesteps\": {\"type\": \"int\", \"low\": 200, \"high\": 3}}"));
    assertTrue(
        spaceError("{\"timesteps\": {\"type\": \"int\", \"low\": 3,}")
            .startsWith(f + ": not valid JSON: "));
    assertEquals(
        f + ": noiseVarianceDiminisher: at least one choice is required, found none",
        spaceError("{\"noiseVarianceDiminisher\": {\"type\": \"categorical\", \"choices\": []}}"));
  }

  @Test
  void searchSpaceFile_readsEveryKind() throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("ok.json"),
            "{\"diffusionEpochs\": {\"type\": \"int\", \"low\": 5, \"high\": 50, \"step\": 5},\n"
                + " \"vaeLearningRate\": {\"type\": \"float\", \"low\": 1e-4, \"high\": 1e-2,"
                + " \"log\": true},\n"
                + " \"noiseVarianceDiminisher\": {\"type\": \"categorical\", \"choices\": [1.0,"
                + " 0.5]}}");
    SearchSpace s = SearchSpace.read(f);
    assertEquals(
        "[diffusionEpochs int [5, 50] step 5.0, vaeLearningRate float [1.0E-4, 0.01] log,"
            + " noiseVarianceDiminisher in [1.0, 0.5]]",
        s.toString());
  }

  @Test
  void corruptJournalLine_namesFileAndLine_andLeavesTheJournalAlone() throws IOException {
    SearchSpace space = TestFunctions.MIXED;
    Study.Objective f = (p, s) -> new Study.Result(TestFunctions.mixed(p), 0);
    Path journal = dir.resolve("j.jsonl");
    Study.builder(space, new RandomSampler(1), f).journal(journal).trials(3).build().run();
    List<String> lines = Files.readAllLines(journal);
    String corrupt =
        lines.get(0) + "\n" + lines.get(1).substring(0, 40) + "\n" + lines.get(2) + "\n";
    Files.writeString(journal, corrupt);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Study.builder(space, new RandomSampler(1), f)
                    .journal(journal)
                    .trials(5)
                    .resume(true)
                    .build()
                    .run());
    assertTrue(e.getMessage().startsWith(journal + ":2: corrupt journal line ("), e.getMessage());
    assertEquals(corrupt, Files.readString(journal), "the journal was changed");
  }

  @Test
  void existingJournal_withoutResume_isRefused() throws IOException {
    Study.Objective f = (p, s) -> new Study.Result(TestFunctions.mixed(p), 0);
    Path journal = dir.resolve("j.jsonl");
    Study.builder(TestFunctions.MIXED, new RandomSampler(1), f)
        .journal(journal)
        .trials(2)
        .build()
        .run();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Study.builder(TestFunctions.MIXED, new RandomSampler(1), f)
                    .journal(journal)
                    .trials(4)
                    .build()
                    .run());
    assertEquals(
        journal + " already holds trials; resume it or choose another journal file",
        e.getMessage());
  }

  @Test
  void failingTrial_isRecordedAndTheSearchGoesOn() throws IOException {
    Study.Objective f =
        (p, s) -> {
          if (s == 2) {
            throw new IllegalStateException("loss diverged");
          }
          return new Study.Result(s == 3 ? Double.NaN : TestFunctions.mixed(p), 0);
        };
    List<Trial> t =
        Study.builder(TestFunctions.MIXED, new TpeSampler(1), f).trials(14).build().run();
    assertEquals(14, t.size());
    assertEquals(Trial.State.FAILED, t.get(2).state());
    assertEquals("java.lang.IllegalStateException: loss diverged", t.get(2).message());
    assertEquals(Trial.State.FAILED, t.get(3).state());
    assertEquals(Trial.State.COMPLETE, t.get(13).state());
  }

  @Test
  void twoSearchesOnOneJournal_theSecondIsRefused() throws Exception {
    Path journal = dir.resolve("shared.jsonl");
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Study.Objective slow =
        (p, s) -> {
          started.countDown();
          release.await();
          return new Study.Result(TestFunctions.mixed(p), 0);
        };
    Thread first =
        new Thread(
            () -> {
              try {
                Study.builder(TestFunctions.MIXED, new RandomSampler(1), slow)
                    .journal(journal)
                    .trials(1)
                    .build()
                    .run();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    first.start();
    started.await();
    Study.Objective f = (p, s) -> new Study.Result(TestFunctions.mixed(p), 0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Study.builder(TestFunctions.MIXED, new RandomSampler(1), f)
                    .journal(journal)
                    .trials(2)
                    .resume(true)
                    .build()
                    .run());
    assertEquals(
        journal + " is in use by another search; two searches must not share a journal",
        e.getMessage());
    release.countDown();
    first.join();
    assertEquals(1, Files.readAllLines(journal).size());
  }
}
