package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.sdrm.data.InteractionMatrix;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Same seed ⇒ bit-identical training and generation; different seed ⇒ different. */
class ReproducibilityTest {
  private static List<Double> losses(FittedSdrm m) {
    return m.provenance().history().stream().map(TrainingEvent::loss).collect(Collectors.toList());
  }

  @Test
  void sameSeed_identicalTrainingAndOutput() {
    InteractionMatrix train = TestData.clustered(45, 20, 3L);
    InteractionMatrix valid = TestData.clustered(12, 20, 4L);
    FittedSdrm a = TestData.smallConfig().seed(21).build().fit(train, valid);
    FittedSdrm b = TestData.smallConfig().seed(21).build().fit(train, valid);
    assertEquals(losses(a), losses(b));
    assertEquals(a.generate(30, Resolution.FULL), b.generate(30, Resolution.FULL));
    assertEquals(a.generate(30, Resolution.MULTI), b.generate(30, Resolution.MULTI));
    assertEquals(a.generateVae(30), b.generateVae(30));

    FittedSdrm c = TestData.smallConfig().seed(22).build().fit(train, valid);
    assertNotEquals(losses(a), losses(c));
    assertNotEquals(a.generate(30, Resolution.FULL), c.generate(30, Resolution.FULL));
  }

  @Test
  void augment_appendsAsManySyntheticUsersWithMatchingDensity() {
    InteractionMatrix train = TestData.clustered(40, 20, 6L);
    Sdrm sdrm = TestData.smallConfig().seed(2).build();
    InteractionMatrix augmented = sdrm.augment(train);
    assertEquals(80, augmented.rows());
    assertEquals(train, augmented.rowRange(0, 40));
    InteractionMatrix synthetic = augmented.rowRange(40, 80);
    // equal sparsity: as many ones as train has stored entries, up to ties
    assertEquals(train.storedCount(), synthetic.onesCount(), 2.0);
    assertEquals(sdrm.replace(train), synthetic);
  }

  @Test
  void vaeEarlyStoppingOff_runsEveryEpochAndKeepsTheLast() {
    InteractionMatrix train = TestData.clustered(45, 20, 3L);
    FittedSdrm m =
        TestData.smallConfig()
            .vaeMaxEpochs(9)
            .vaePatience(0)
            .vaeEarlyStopping(false)
            .build()
            .fit(train);
    assertEquals(9, m.provenance().vaeEpochs());
    long vaeEvents = m.provenance().history().stream().filter(e -> e.stage() == Stage.VAE).count();
    assertEquals(9, vaeEvents);
  }
}
