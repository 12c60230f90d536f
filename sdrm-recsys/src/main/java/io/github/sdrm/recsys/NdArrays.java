package io.github.sdrm.recsys;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The few ND4J helpers the hand-written recommenders need (bulk float copies, scoped workspaces,
 * seeded uniform weights, a temporary OpenMP thread count). The core has its own in an internal
 * package that this module does not reach into.
 */
final class NdArrays {
  private static final WorkspaceConfiguration WORKSPACE =
      WorkspaceConfiguration.builder()
          .initialSize(0)
          .policyAllocation(AllocationPolicy.STRICT)
          .policyLearning(LearningPolicy.FIRST_LOOP)
          .policyReset(ResetPolicy.BLOCK_LEFT)
          .policySpill(SpillPolicy.REALLOCATE)
          .build();

  private NdArrays() {}

  /** A new c-ordered float array of the given shape holding {@code data}. */
  static INDArray floats(float[] data, long... shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + n + " values, found " + data.length);
    }
    INDArray out = Nd4j.createUninitialized(DataType.FLOAT, shape);
    if (data.length > 0) {
      view(out).put(0, data, 0, data.length);
    }
    return out;
  }

  /** The values of a contiguous c-ordered float array, copied into a new Java array. */
  static float[] floats(INDArray a) {
    float[] out = new float[(int) a.length()];
    if (out.length > 0) {
      view(a).get(0, out, 0, out.length);
    }
    return out;
  }

  /** A view of a contiguous c-ordered float array's memory. */
  static FloatBuffer view(INDArray a) {
    if (a.dataType() != DataType.FLOAT
        || a.isView()
        || a.ordering() != 'c'
        || a.offset() != 0
        || a.data().length() < a.length()) {
      throw new IllegalArgumentException(
          "expected a contiguous c-ordered float array, found "
              + a.dataType()
              + " "
              + a.ordering()
              + (a.isView() ? " view" : ""));
    }
    return a.data().asNioFloat();
  }

  /** U(lo, hi) entries of the given shape, drawn in Java. */
  static INDArray uniform(long[] shape, double lo, double hi, SplittableRandom rnd, DataType dt) {
    double[] v = new double[(int) (shape[0] * shape[1])];
    for (int i = 0; i < v.length; i++) {
      v[i] = lo + (hi - lo) * rnd.nextDouble();
    }
    INDArray a = Nd4j.create(v, shape, DataType.DOUBLE);
    return dt == DataType.DOUBLE ? a : a.castTo(dt);
  }

  /** Opens (and activates) a scoped workspace: what is allocated inside is freed on close. */
  static MemoryWorkspace workspace(String name) {
    return Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, name);
  }

  /** Runs {@code work} with {@code n} ND4J OpenMP threads, then restores the previous setting. */
  static void withElementwiseThreads(int n, Runnable work) {
    var env = Nd4j.getEnvironment();
    int threads = env.maxThreads();
    int master = env.maxMasterThreads();
    env.setMaxThreads(n);
    env.setMaxMasterThreads(n);
    try {
      work.run();
    } finally {
      env.setMaxThreads(threads);
      env.setMaxMasterThreads(master);
    }
  }
}
