package io.github.sdrm.examples;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.TripletCsv;
import io.github.sdrm.recsys.audit.FidelityStatistics;
import io.github.sdrm.recsys.audit.PrivacyAudit;
import io.github.sdrm.recsys.audit.PrivacyReport;
import io.github.sdrm.recsys.audit.ReferenceGenerators;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Times the privacy audit and fidelity statistics at ADM's size: the 10,621 real users of {@code
 * sdrm-splits/adm} (members = its 70 % train users, non-members = the other 30 %) against 10,621
 * synthetic rows from each reference generator (copy and independent), 8,582 items. Target per
 * generator: ≤ 30 s with {@code -Xmx2g} on a 2-core machine. Options: see {@code --help}.
 */
@Command(name = "PrivacyBenchmark", mixinStandardHelpOptions = true, sortOptions = false)
public final class PrivacyBenchmark implements Callable<Integer> {
  @Mixin DataDirOption data;

  private PrivacyBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    BenchSupport.execute(new PrivacyBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    run();
    return 0;
  }

  private void run() throws Exception {
    Path dir = data.dir().resolve("sdrm-splits").resolve("adm");
    InteractionMatrix members = TripletCsv.read(dir.resolve("adm_train.csv"));
    InteractionMatrix nonMembers =
        InteractionMatrix.vstack(
            TripletCsv.read(dir.resolve("adm_test.csv")),
            TripletCsv.read(dir.resolve("adm_valid.csv")));
    int synthetic = members.rows() + nonMembers.rows();
    System.out.printf(
        Locale.ROOT,
        "members %d, non-members %d, synthetic %d, items %d;" + " %d cores, max heap %.0f MiB%n",
        members.rows(),
        nonMembers.rows(),
        synthetic,
        members.columns(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / 1048576.0);
    for (int rep = 0; rep < 2; rep++) {
      for (String name : new String[] {"copy", "independent"}) {
        long t0 = System.nanoTime();
        InteractionMatrix s =
            name.equals("copy")
                ? ReferenceGenerators.copy(members, synthetic, 1)
                : ReferenceGenerators.independent(members, synthetic, 1);
        long t1 = System.nanoTime();
        PrivacyReport r = PrivacyAudit.builder(members, nonMembers).seed(7).build().audit(s);
        long t2 = System.nanoTime();
        FidelityStatistics.Result f = FidelityStatistics.compare(members, s);
        long t3 = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "%s%-11s generate %.2f s, privacy audit %.2f s, fidelity"
                + " %.2f s, total %.2f s (target <= 30 s): copies %.3f, MIA AUC %.3f [%.3f, %.3f],"
                + " popularity rho %.3f%n",
            rep == 0 ? "(warm-up) " : "",
            name,
            (t1 - t0) / 1e9,
            (t2 - t1) / 1e9,
            (t3 - t2) / 1e9,
            (t3 - t0) / 1e9,
            r.exactCopies().ofMembers(),
            r.membershipInference().auc(),
            r.membershipInference().aucLower(),
            r.membershipInference().aucUpper(),
            f.popularitySpearman());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "peak heap %.0f MiB (target <= 2048), resident peak %.0f MiB%n",
        BenchSupport.peakHeapMiB(),
        BenchSupport.procStatusMiB("VmHWM"));
  }
}
