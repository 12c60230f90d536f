package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.eval.FoldInSplit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The two ways the VAE's early stopping validates. */
class VaeValidationTest {
  private final InteractionMatrix users = TestData.clustered(30, 40, 9L).withAllOnes();
  private final FoldInSplit split =
      FoldInSplit.split(
          users, 0.2, 123, FoldInSplit.Mode.NUMPY_COMPATIBLE, FoldInSplit.Values.ALL_ONES);

  @Test
  void merged_givesBackTheSplitUsers() {
    assertEquals(users, split.merged());
  }

  @Test
  void leakFree_scoresTheSameSplitEveryEpoch() {
    IntFunction<FoldInSplit> v =
        SdrmTrainer.validation(
            Sdrm.builder().vaeValidation(VaeValidation.LEAK_FREE).build(), split, 7L);
    assertSame(split, v.apply(0));
    assertSame(split, v.apply(499));
  }

  @Test
  void reference_drawsAFreshSplitOfTheSameUsersEachEpoch_deterministically() {
    Sdrm cfg = Sdrm.builder().vaeMaxEpochs(50).build();
    IntFunction<FoldInSplit> v = SdrmTrainer.validation(cfg, split, 7L);
    FoldInSplit e0 = v.apply(0);
    FoldInSplit e1 = v.apply(1);
    assertEquals(users, e0.merged());
    assertEquals(users, e1.merged());
    assertNotEquals(e0.heldOut(), e1.heldOut());
    assertNotEquals(split.heldOut(), e0.heldOut());
    assertEquals(split.heldOut().storedCount(), e1.heldOut().storedCount());
    IntFunction<FoldInSplit> again = SdrmTrainer.validation(cfg, split, 7L);
    assertEquals(e1.heldOut(), again.apply(1).heldOut());
    assertNotEquals(e1.heldOut(), SdrmTrainer.validation(cfg, split, 8L).apply(1).heldOut());
  }

  @Test
  void noValidationUsers_noValidation() {
    assertNull(SdrmTrainer.validation(Sdrm.builder().build(), null, 7L));
  }

  @Test
  void bothModes_trainAndAreReproducible() {
    InteractionMatrix train = TestData.clustered(45, 20, 3L);
    InteractionMatrix valid = TestData.clustered(12, 20, 4L);
    for (VaeValidation mode : VaeValidation.values()) {
      FittedSdrm a = TestData.smallConfig().vaeValidation(mode).seed(3).build().fit(train, valid);
      FittedSdrm b = TestData.smallConfig().vaeValidation(mode).seed(3).build().fit(train, valid);
      assertEquals(a.generate(10, Resolution.FULL), b.generate(10, Resolution.FULL), mode.name());
      assertEquals(mode, a.provenance().config().vaeValidation());
    }
  }

  @Test
  void minEpochs_keepsEarlyStoppingFromEndingSooner() {
    InteractionMatrix train = TestData.clustered(45, 20, 3L);
    InteractionMatrix valid = TestData.clustered(12, 20, 4L);
    Sdrm.Builder impatient = TestData.smallConfig().vaeMaxEpochs(60).vaePatience(0).seed(3);
    FittedSdrm free = impatient.vaeMinEpochs(0).build().fit(train, valid);
    int stoppedAt = free.provenance().vaeEpochs();
    org.junit.jupiter.api.Assertions.assertTrue(
        stoppedAt < 30, "patience 0 should stop early here; stopped at " + stoppedAt);
    FittedSdrm held = impatient.vaeMinEpochs(30).build().fit(train, valid);
    org.junit.jupiter.api.Assertions.assertTrue(
        held.provenance().vaeEpochs() >= 30, "stopped at " + held.provenance().vaeEpochs());
    org.junit.jupiter.api.Assertions.assertTrue(
        held.provenance().vaeBestEpoch() < held.provenance().vaeEpochs());
    assertEquals(30, held.provenance().config().vaeMinEpochs());
    assertEquals(Sdrm.DEFAULT_VAE_MIN_EPOCHS, Sdrm.builder().build().vaeMinEpochs(), "the default");
  }
}
