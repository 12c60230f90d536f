package io.github.sdrm.recsys.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

/** The README's privacy-audit example, compiled and run. */
class ReadmeAuditExampleTest {

  @Test
  void readmeExample() {
    InteractionMatrix all = AuditTestData.population(900, 80, 0.1, 3);
    InteractionMatrix members = all.rowRange(0, 600);       // what the generator trained on
    InteractionMatrix nonMembers = all.rowRange(600, 900);  // real users it never saw
    InteractionMatrix synthetic = ReferenceGenerators.independent(members, 600, 1);

    // README begin
    PrivacyAudit audit = PrivacyAudit.builder(members, nonMembers).seed(7).build();
    PrivacyReport privacy = audit.audit(synthetic);
    double copies = privacy.exactCopies().ofMembers();         // share of rows copied
    double auc = privacy.membershipInference().auc();          // 0.5 = no membership signal
    double tpr = privacy.membershipInference().tprAtFpr10();
    FidelityStatistics.Result fidelity = FidelityStatistics.compare(members, synthetic);
    double rho = fidelity.popularitySpearman();
    // README end

    assertEquals(0.0, copies, 0.01);
    assertEquals(0.5, auc, 0.1);
    assertTrue(tpr < 0.25);
    assertTrue(rho > 0.8);
  }
}
