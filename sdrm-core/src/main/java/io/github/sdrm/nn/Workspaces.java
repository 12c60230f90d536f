package io.github.sdrm.nn;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scoped ND4J workspaces: every array allocated inside a scope is released when it closes, so
 * training steps do not leave off-heap garbage behind. Arrays that must outlive a scope (weights,
 * optimiser state, results) are created outside it or detached. Internal.
 */
public final class Workspaces {
  private static final WorkspaceConfiguration CONFIG =
      WorkspaceConfiguration.builder()
          .initialSize(0)
          .policyAllocation(AllocationPolicy.STRICT)
          .policyLearning(LearningPolicy.FIRST_LOOP)
          .policyReset(ResetPolicy.BLOCK_LEFT)
          .policySpill(SpillPolicy.REALLOCATE)
          .build();

  private Workspaces() {}

  /** Opens (and activates) the named workspace for the current thread. */
  public static MemoryWorkspace open(String name) {
    return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, name);
  }
}
