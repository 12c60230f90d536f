package io.github.sdrm.recsys.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PrivacyAuditTest {

  private static InteractionMatrix rows(int items, int[]... sets) {
    return InteractionMatrix.fromRows(items, sets, null);
  }

  @Test
  void handComputed_equalGroups() {
    InteractionMatrix m = rows(8, new int[] {0, 1}, new int[] {2, 3});
    InteractionMatrix n = rows(8, new int[] {0, 1, 2}, new int[] {5});
    InteractionMatrix s = rows(8, new int[] {0, 1}, new int[] {5}, new int[] {6, 7});
    PrivacyReport r = PrivacyAudit.builder(m, n).seed(3).bootstrap(50).build().audit(s);

    assertEquals(new PrivacyReport.Sizes(2, 2, 3, 2, 8), r.sizes());
    assertEquals(1.0 / 3, r.exactCopies().ofMembers(), 1e-12);
    assertEquals(1.0 / 3, r.exactCopies().ofNonMembers(), 1e-12);
    assertEquals(0.0, r.exactCopies().realDuplicates(), 0);
    // DCR to members: synthetic [0, 1, 1], non-members [1/3, 1]
    assertEquals(0.1, r.dcr().syntheticP5(), 1e-12);
    assertEquals(1.0, r.dcr().syntheticMedian(), 1e-12);
    assertEquals(1.0 / 3 + (2.0 / 3) * 0.05, r.dcr().nonMemberP5(), 1e-12);
    assertEquals(2.0 / 3, r.dcr().nonMemberMedian(), 1e-12);
    // Hamming DCR of synthetic rows: 0, |{5}| + |{0,1}| = 3 of 8, 4 of 8
    assertEquals(3.0 / 8, r.dcr().syntheticHammingMedian(), 1e-12);
    // closer to members: row 0 yes, row 1 no, row 2 tie
    assertEquals(0.5, r.overfittingProtection().closerToMembers(), 1e-12);
    assertEquals(1.0, r.overfittingProtection().score(), 1e-12);
    // scores -[0, 1] for members vs -[1/3, 0] for non-members: 1.5 of 4 pairs
    assertEquals(0.375, r.membershipInference().auc(), 1e-12);
    assertEquals(2, r.membershipInference().targets());
    assertNull(r.calibratedMembershipInference(), "no member left for the reference sample");
    // member {0,1} is closer to synthetic {0,1} than to real {0,1,2}; member {2,3} is not;
    // non-member {5} is copied, non-member {0,1,2} ties with its nearest real row
    assertEquals(0.5, r.identifiability().members(), 1e-12);
    assertEquals(0.5, r.identifiability().nonMembers(), 1e-12);
    assertTrue(r.baselineProtection().score() >= 0 && r.baselineProtection().score() <= 1);
  }

  @Test
  void handComputed_copiesOfMembers() {
    InteractionMatrix m = rows(8, new int[] {0, 1}, new int[] {2, 3}, new int[] {4});
    InteractionMatrix n = rows(8, new int[] {0, 1, 2}, new int[] {5});
    InteractionMatrix s = rows(8, new int[] {0, 1}, new int[] {5}, new int[] {6, 7});
    PrivacyReport r = PrivacyAudit.builder(m, n).bootstrap(0).build().audit(s);
    assertEquals(new PrivacyReport.Sizes(3, 2, 3, 2, 8), r.sizes());
    assertEquals(1.0 / 3, r.exactCopies().ofMembers(), 1e-12);
    assertNotNull(r.calibratedMembershipInference(), "one member left as reference");
    assertTrue(Double.isNaN(r.membershipInference().aucLower()), "no bootstrap, no interval");
  }

  @Test
  void linkage_handComputed() {
    // member {0,1,2}; the attacker knows two of its items, so one item is left to predict. Only
    // synthetic row 0 holds them: its one unknown item is the member's, then the fill from the
    // most popular items 3..12, which the control list consists of entirely.
    int[] filler = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    InteractionMatrix s = rows(13, new int[] {0, 1, 2}, filler, filler, filler);
    InteractionMatrix m = rows(13, new int[] {0, 1, 2}, new int[] {});
    InteractionMatrix n = rows(13, new int[] {}, new int[] {});
    PrivacyReport r = PrivacyAudit.builder(m, n).linkageKnownItems(2).bootstrap(0).build().audit(s);
    PrivacyReport.Linkage l = r.linkage().get(0);
    assertEquals(1, l.memberTargets(), "the empty member cannot be attacked");
    assertEquals(0.1, l.memberSuccess(), 1e-12, "1 hit in 10");
    assertEquals(0.0, l.memberControl(), 0);
    assertEquals(0.1, l.memberRisk(), 1e-12);
    assertEquals(0, l.nonMemberTargets());
    assertTrue(Double.isNaN(l.nonMemberRisk()));
  }

  @Test
  void linkage_copyLinksMembersOnly() {
    InteractionMatrix pop = AuditTestData.population(600, 60, 0.15, 11);
    InteractionMatrix members = pop.rowRange(0, 300);
    InteractionMatrix nonMembers = pop.rowRange(300, 600);
    PrivacyAudit audit = PrivacyAudit.builder(members, nonMembers).seed(5).bootstrap(0).build();
    PrivacyReport copy = audit.audit(ReferenceGenerators.copy(members, 300, 1));
    PrivacyReport indep = audit.audit(ReferenceGenerators.independent(members, 300, 1));
    PrivacyReport.Linkage k4 = copy.linkage().get(1);
    assertEquals(4, k4.knownItems());
    assertTrue(k4.memberRisk() > 0.3, "copied members are linked: " + k4);
    assertTrue(k4.memberRisk() > k4.nonMemberRisk() + 0.2, "members above non-members: " + k4);
    PrivacyReport.Linkage i4 = indep.linkage().get(1);
    assertTrue(
        Math.abs(i4.memberRisk() - i4.nonMemberRisk()) < 0.1,
        "independent rows link members no better than non-members: " + i4);
  }

  @Test
  void copyAndIndependent_separatedByEveryMetric() {
    // more members than non-members, as in a 70 / 20 split: the rest is the reference sample
    InteractionMatrix pop = AuditTestData.population(900, 80, 0.1, 21);
    InteractionMatrix members = pop.rowRange(0, 500);
    InteractionMatrix nonMembers = pop.rowRange(500, 900);
    PrivacyAudit audit = PrivacyAudit.builder(members, nonMembers).seed(9).bootstrap(100).build();
    PrivacyReport copy = audit.audit(ReferenceGenerators.copy(members, 500, 2));
    PrivacyReport indep = audit.audit(ReferenceGenerators.independent(members, 500, 2));
    assertEquals(1.0, copy.exactCopies().ofMembers(), 0);
    assertTrue(indep.exactCopies().ofMembers() < 0.05, indep.exactCopies().toString());
    assertEquals(0.0, copy.dcr().syntheticMedian(), 0);
    assertTrue(indep.dcr().syntheticMedian() > 0.3, indep.dcr().toString());
    // members are subsampled to the non-members' 400: the 100 copies of left-out members are as
    // far from both groups, so p = 0.8 + 0.2 / 2 and the score 2 (1 - p) is about 0.2
    assertTrue(copy.overfittingProtection().score() < 0.3, copy.overfittingProtection().toString());
    assertTrue(indep.overfittingProtection().score() > 0.8);
    assertTrue(copy.membershipInference().auc() >= 0.95);
    assertTrue(copy.calibratedMembershipInference().auc() >= 0.95);
    assertTrue(indep.membershipInference().auc() < 0.6);
    assertTrue(copy.identifiability().members() > 0.9);
    assertTrue(indep.identifiability().members() < 0.5);
    assertTrue(copy.baselineProtection().score() < 0.1);
    assertTrue(indep.baselineProtection().score() > 0.8);
  }

  @Property(tries = 10)
  void independentSamples_aucNearHalf(@ForAll long seed) {
    // members, non-members and "synthetic" rows: three independent samples of one model
    InteractionMatrix members = AuditTestData.population(400, 50, 0.1, seed);
    InteractionMatrix nonMembers = AuditTestData.population(400, 50, 0.1, seed + 1);
    InteractionMatrix synthetic = AuditTestData.population(400, 50, 0.1, seed + 2);
    PrivacyReport r =
        PrivacyAudit.builder(members, nonMembers).seed(seed).bootstrap(0).build().audit(synthetic);
    assertEquals(0.5, r.membershipInference().auc(), 0.1);
  }

  @Property(tries = 10)
  void copy_aucHighAndAllCopies(@ForAll long seed) {
    InteractionMatrix members = AuditTestData.population(400, 50, 0.1, seed);
    InteractionMatrix nonMembers = AuditTestData.population(400, 50, 0.1, seed + 1);
    PrivacyReport r =
        PrivacyAudit.builder(members, nonMembers)
            .seed(seed)
            .bootstrap(0)
            .build()
            .audit(ReferenceGenerators.copy(members, 400, seed));
    assertEquals(1.0, r.exactCopies().ofMembers(), 0);
    assertTrue(r.membershipInference().auc() >= 0.95, "AUC " + r.membershipInference().auc());
  }

  @Test
  void sameSeed_sameReport_differentSeed_differentInterval() {
    InteractionMatrix pop = AuditTestData.population(300, 40, 0.1, 4);
    InteractionMatrix members = pop.rowRange(0, 200);
    InteractionMatrix nonMembers = pop.rowRange(200, 300);
    InteractionMatrix s = ReferenceGenerators.independent(members, 150, 3);
    PrivacyReport a = PrivacyAudit.builder(members, nonMembers).seed(1).build().audit(s);
    PrivacyReport b = PrivacyAudit.builder(members, nonMembers).seed(1).build().audit(s);
    assertEquals(a, b);
    PrivacyReport c = PrivacyAudit.builder(members, nonMembers).seed(2).build().audit(s);
    assertTrue(
        a.membershipInference().aucLower() != c.membershipInference().aucLower()
            || a.membershipInference().auc() != c.membershipInference().auc());
  }

  @Test
  void badInput_rejectedWithShapes() {
    InteractionMatrix m = AuditTestData.uniform(5, 6, 0.5, 1);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PrivacyAudit.builder(m, AuditTestData.uniform(5, 7, 0.5, 1)));
    assertTrue(e.getMessage().contains("6 and 7"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PrivacyAudit.builder(m, AuditTestData.uniform(1, 6, 0.5, 1)));
    assertTrue(e.getMessage().contains("found 5 and 1"), e.getMessage());
    PrivacyAudit audit = PrivacyAudit.builder(m, m).build();
    e =
        assertThrows(
            IllegalArgumentException.class, () -> audit.audit(AuditTestData.uniform(3, 4, 0.5, 1)));
    assertTrue(e.getMessage().contains("6 items, found 4"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> PrivacyAudit.builder(m, m).bootstrap(-1));
    assertTrue(e.getMessage().contains("found -1"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> PrivacyAudit.builder(m, m).linkageKnownItems(0));
  }
}
