package io.github.sdrm.recsys.audit;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import io.github.sdrm.recsys.audit.PrivacyReport.BaselineProtection;
import io.github.sdrm.recsys.audit.PrivacyReport.DcrProfile;
import io.github.sdrm.recsys.audit.PrivacyReport.ExactCopies;
import io.github.sdrm.recsys.audit.PrivacyReport.Identifiability;
import io.github.sdrm.recsys.audit.PrivacyReport.Linkage;
import io.github.sdrm.recsys.audit.PrivacyReport.MembershipInference;
import io.github.sdrm.recsys.audit.PrivacyReport.OverfittingProtection;
import io.github.sdrm.recsys.audit.PrivacyReport.Sizes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Privacy metrics of synthetic interaction data against the real users it was made from.
 *
 * <p>A row is a user's set of positive items (stored ones); stored zeros are ignored. For sets a, b
 * with c = |a ∧ b| the primary distance is Jaccard, J = 1 − c / (|a| + |b| − c) (0 for two empty
 * sets); normalised Hamming, (|a| + |b| − 2c) / I, is reported beside it. <em>Members</em> are the
 * real users the generator was trained on, <em>non-members</em> real users it never saw. Where
 * members and non-members are compared, the larger group is subsampled (seeded) to the smaller
 * one's size. Every nearest-neighbour query is exact (see {@code NearestNeighbors}).
 *
 * <p>Metrics and sources: exact copies (SDMetrics NewRowSynthesis); DCR profile, DCR overfitting
 * protection and DCR baseline protection (SDMetrics, with a baseline drawn from the items' member
 * frequencies instead of Bernoulli(0.5)); membership inference by distance, plain and calibrated
 * (Chen et al., GAN-Leaks, CCS 2020), AUC with a bootstrap interval and TPR at FPR 0.1;
 * identifiability (Yoon et al., ADS-GAN 2019); a linkage attack with Narayanan–Shmatikov weights
 * (S&amp;P 2008) judged against a popularity control (Anonymeter's main-vs-control framing).
 *
 * <pre>{@code
 * PrivacyAudit audit = PrivacyAudit.builder(members, nonMembers).seed(7).build();
 * PrivacyReport report = audit.audit(synthetic);
 * report.membershipInference().auc();   // ≈ 0.5: no membership signal
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; one audit serves many synthetic matrices with the
 * same member subsample.
 */
public final class PrivacyAudit {
  /** Default number of bootstrap resamples for the AUC interval. */
  public static final int DEFAULT_BOOTSTRAP = 1000;

  /** Default numbers of items known to the linkage attacker. */
  static final int[] DEFAULT_KNOWN_ITEMS = {2, 4, 8};

  /** Length of the linkage attack's prediction list. */
  static final int LINKAGE_LIST = 10;

  private final PositiveSets members;
  private final PositiveSets nonMembers;
  private final PositiveSets attackMembers;
  private final PositiveSets attackNonMembers;
  // nearest-neighbour distances among the real rows: the same for every synthetic matrix
  private final NearestNeighbors.Result nonMembersToMembers;
  private final double[] attackedToOtherReal;
  private final double[] attackMembersToReference;
  private final double[] attackNonMembersToReference;
  private final double[] memberFrequency;
  private final long seed;
  private final int bootstrap;
  private final int[] knownItems;

  private PrivacyAudit(Builder b) {
    members = PositiveSets.of(b.members);
    nonMembers = PositiveSets.of(b.nonMembers);
    seed = b.seed;
    bootstrap = b.bootstrap;
    knownItems = b.knownItems.clone();
    SplittableRandom rnd = new SplittableRandom(seed);
    int pairs = Math.min(b.members.rows(), b.nonMembers.rows());
    int[] memberOrder = permutation(b.members.rows(), rnd.split());
    int[] nonMemberOrder = permutation(b.nonMembers.rows(), rnd.split());
    int[] attackM = sorted(Arrays.copyOf(memberOrder, pairs));
    int[] attackN = sorted(Arrays.copyOf(nonMemberOrder, pairs));
    attackMembers = PositiveSets.of(b.members.selectRows(attackM));
    attackNonMembers = PositiveSets.of(b.nonMembers.selectRows(attackN));
    int[] rest = sorted(Arrays.copyOfRange(memberOrder, pairs, memberOrder.length));
    PositiveSets referenceSample =
        rest.length == 0 ? null : PositiveSets.of(b.members.selectRows(rest));
    InteractionMatrix all = InteractionMatrix.vstack(b.members, b.nonMembers);
    PositiveSets pool = PositiveSets.of(all);
    int[] poolQueryRows = new int[2 * pairs];
    for (int i = 0; i < pairs; i++) {
      poolQueryRows[i] = attackM[i];
      poolQueryRows[pairs + i] = b.members.rows() + attackN[i];
    }
    attackedToOtherReal =
        NearestNeighbors.search(PositiveSets.of(all.selectRows(poolQueryRows)), pool, poolQueryRows)
            .jaccard();
    nonMembersToMembers = NearestNeighbors.search(nonMembers, members);
    attackMembersToReference =
        referenceSample == null
            ? null
            : NearestNeighbors.search(attackMembers, referenceSample).jaccard();
    attackNonMembersToReference =
        referenceSample == null
            ? null
            : NearestNeighbors.search(attackNonMembers, referenceSample).jaccard();
    int[] support = members.itemSupport();
    memberFrequency = new double[members.items];
    for (int i = 0; i < support.length; i++) {
      memberFrequency[i] = (double) support[i] / members.rows;
    }
  }

  /**
   * Starts an audit of synthetic data made from {@code members}, with {@code nonMembers} as the
   * real users the generator never saw.
   *
   * @throws IllegalArgumentException if either matrix has fewer than 2 rows or their item counts
   *     differ
   */
  public static Builder builder(InteractionMatrix members, InteractionMatrix nonMembers) {
    return new Builder(members, nonMembers);
  }

  /**
   * Jaccard distance of two sets of item indices, each ascending without repeats: 1 − c / (|a| +
   * |b| − c), 0 for two empty sets.
   */
  public static double jaccard(int[] a, int[] b) {
    int c = intersection(a, b);
    int union = a.length + b.length - c;
    return union == 0 ? 0.0 : 1.0 - (double) c / union;
  }

  /** Normalised Hamming distance (|a| + |b| − 2c) / items of two ascending sets of indices. */
  public static double hamming(int[] a, int[] b, int items) {
    if (items < 1) {
      throw new IllegalArgumentException("items must be at least 1, found " + items);
    }
    return (double) (a.length + b.length - 2 * intersection(a, b)) / items;
  }

  private static int intersection(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int c = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        c++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return c;
  }

  /**
   * Runs every metric on {@code synthetic}.
   *
   * @throws IllegalArgumentException if it has no rows or a different number of items
   */
  public PrivacyReport audit(InteractionMatrix synthetic) {
    PositiveSets s = checked(synthetic);
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    NearestNeighbors.Result sToM = NearestNeighbors.search(s, members);
    NearestNeighbors.Result sToN = NearestNeighbors.search(s, nonMembers);
    NearestNeighbors.Result nToM = nonMembersToMembers;
    // the attacked real rows' distances to the synthetic ones serve three attacks
    double[] mToS = NearestNeighbors.search(attackMembers, s).jaccard();
    double[] nToS = NearestNeighbors.search(attackNonMembers, s).jaccard();
    Sizes sizes =
        new Sizes(members.rows, nonMembers.rows, s.rows, attackMembers.rows, members.items);
    ExactCopies copies =
        new ExactCopies(
            shareZero(sToM.jaccard()), shareZero(sToN.jaccard()), shareZero(nToM.jaccard()));
    DcrProfile dcr =
        new DcrProfile(
            percentile(sToM.jaccard(), 5),
            percentile(sToM.jaccard(), 50),
            percentile(nToM.jaccard(), 5),
            percentile(nToM.jaccard(), 50),
            percentile(sToM.hamming(), 5),
            percentile(sToM.hamming(), 50),
            percentile(nToM.hamming(), 5),
            percentile(nToM.hamming(), 50),
            sToM.jaccard(),
            nToM.jaccard());
    return new PrivacyReport(
        sizes,
        copies,
        dcr,
        overfitting(s),
        baseline(s, sToM, rnd.split()),
        attack(negate(mToS), negate(nToS), rnd.split()),
        calibratedMembershipInference(mToS, nToS, rnd.split()),
        identifiability(mToS, nToS),
        linkage(s, rnd.split()));
  }

  private PositiveSets checked(InteractionMatrix synthetic) {
    Objects.requireNonNull(synthetic, "synthetic");
    if (synthetic.columns() != members.items) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "synthetic data must have the members' %d items, found %d",
              members.items,
              synthetic.columns()));
    }
    if (synthetic.rows() == 0) {
      throw new IllegalArgumentException("synthetic data must have rows, found none");
    }
    return PositiveSets.of(synthetic);
  }

  private OverfittingProtection overfitting(PositiveSets s) {
    double[] toM = NearestNeighbors.search(s, attackMembers).jaccard();
    double[] toN = NearestNeighbors.search(s, attackNonMembers).jaccard();
    double closer = 0;
    for (int i = 0; i < toM.length; i++) {
      closer += toM[i] < toN[i] ? 1 : toM[i] == toN[i] ? 0.5 : 0;
    }
    double p = closer / toM.length;
    return new OverfittingProtection(p, Math.min(2 * (1 - p), 1.0));
  }

  private BaselineProtection baseline(
      PositiveSets s, NearestNeighbors.Result sToM, SplittableRandom rnd) {
    int[][] rows = new int[s.rows][];
    int[] buf = new int[members.items];
    for (int r = 0; r < rows.length; r++) {
      int n = 0;
      for (int i = 0; i < members.items; i++) {
        if (rnd.nextDouble() < memberFrequency[i]) {
          buf[n++] = i;
        }
      }
      rows[r] = Arrays.copyOf(buf, n);
    }
    PositiveSets b = PositiveSets.of(InteractionMatrix.fromRows(members.items, rows, null));
    double synth = percentile(sToM.jaccard(), 50);
    double base = percentile(NearestNeighbors.search(b, members).jaccard(), 50);
    return new BaselineProtection(synth, base, base == 0 ? 1.0 : Math.min(synth / base, 1.0));
  }

  private MembershipInference calibratedMembershipInference(
      double[] mToS, double[] nToS, SplittableRandom rnd) {
    if (attackMembersToReference == null) {
      return null;
    }
    return attack(
        calibrated(attackMembersToReference, mToS),
        calibrated(attackNonMembersToReference, nToS),
        rnd);
  }

  /** Distance to the reference sample minus distance to the synthetic rows. */
  private static double[] calibrated(double[] toRef, double[] toS) {
    double[] out = new double[toRef.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = toRef[i] - toS[i];
    }
    return out;
  }

  private MembershipInference attack(double[] pos, double[] neg, SplittableRandom rnd) {
    RocCurve roc = RocCurve.of(pos, neg);
    double[] aucs = new double[bootstrap];
    double[] p = new double[pos.length];
    double[] n = new double[neg.length];
    for (int b = 0; b < bootstrap; b++) {
      for (int i = 0; i < p.length; i++) {
        p[i] = pos[rnd.nextInt(pos.length)];
      }
      for (int i = 0; i < n.length; i++) {
        n[i] = neg[rnd.nextInt(neg.length)];
      }
      aucs[b] = auc(p, n);
    }
    double lower = bootstrap == 0 ? Double.NaN : percentile(aucs, 2.5);
    double upper = bootstrap == 0 ? Double.NaN : percentile(aucs, 97.5);
    return new MembershipInference(roc.auc(), lower, upper, roc.tprAt(0.1), roc, pos.length);
  }

  /** Mann–Whitney AUC with mid-ranks; sorts its arguments in place. */
  static double auc(double[] pos, double[] neg) {
    Arrays.sort(pos);
    Arrays.sort(neg);
    double wins = 0;
    int j = 0;
    int k = 0;
    for (double x : pos) {
      while (j < neg.length && neg[j] < x) {
        j++;
      }
      k = Math.max(k, j);
      while (k < neg.length && neg[k] <= x) {
        k++;
      }
      wins += j + 0.5 * (k - j);
    }
    return wins / ((double) pos.length * neg.length);
  }

  private Identifiability identifiability(double[] mToS, double[] nToS) {
    double[] toReal = attackedToOtherReal;
    int pairs = attackMembers.rows;
    double m = 0;
    double n = 0;
    for (int i = 0; i < pairs; i++) {
      m += mToS[i] < toReal[i] ? 1 : 0;
      n += nToS[i] < toReal[pairs + i] ? 1 : 0;
    }
    return new Identifiability(m / pairs, n / pairs);
  }

  private List<Linkage> linkage(PositiveSets s, SplittableRandom rnd) {
    int[] support = s.itemSupport();
    double[] weight = new double[s.items];
    for (int i = 0; i < weight.length; i++) {
      // Narayanan–Shmatikov's 1 / log(support), shifted by one so that an item held by a single
      // synthetic row gets a finite (the largest) weight
      weight[i] = support[i] == 0 ? 0 : 1.0 / Math.log(1.0 + support[i]);
    }
    int[] byPopularity = byPopularity(support);
    List<Linkage> out = new ArrayList<>();
    for (int k : knownItems) {
      double[] m = linkageGroup(attackMembers, s, k, weight, support, byPopularity, rnd.split());
      double[] n = linkageGroup(attackNonMembers, s, k, weight, support, byPopularity, rnd.split());
      out.add(
          new Linkage(
              k,
              (int) m[0],
              m[1],
              m[2],
              risk(m[1], m[2]),
              (int) n[0],
              n[1],
              n[2],
              risk(n[1], n[2])));
    }
    return out;
  }

  private static double risk(double success, double control) {
    if (Double.isNaN(success)) {
      return Double.NaN;
    }
    return control >= 1 ? 0.0 : (success - control) / (1 - control);
  }

  /** Returns {targets, mean attack precision, mean control precision}. */
  private static double[] linkageGroup(
      PositiveSets targets,
      PositiveSets s,
      int k,
      double[] weight,
      int[] support,
      int[] byPopularity,
      SplittableRandom rnd) {
    int[] itemPtr = s.itemPtr();
    int[] itemRows = s.itemRows();
    double[] score = new double[s.rows];
    int[] touched = new int[s.rows];
    boolean[] known = new boolean[s.items];
    boolean[] target = new boolean[s.items];
    int users = 0;
    double attack = 0;
    double control = 0;
    for (int u = 0; u < targets.rows; u++) {
      int size = targets.size(u);
      if (size <= k) {
        continue;
      }
      users++;
      int[] items = Arrays.copyOfRange(targets.cols, targets.ptr[u], targets.ptr[u + 1]);
      for (int i = 0; i < k; i++) {
        int j = i + rnd.nextInt(items.length - i);
        int t = items[i];
        items[i] = items[j];
        items[j] = t;
      }
      for (int i = 0; i < items.length; i++) {
        (i < k ? known : target)[items[i]] = true;
      }
      int nTouched = 0;
      for (int i = 0; i < k; i++) {
        int item = items[i];
        for (int j = itemPtr[item]; j < itemPtr[item + 1]; j++) {
          int r = itemRows[j];
          if (score[r] == 0) {
            touched[nTouched++] = r;
          }
          score[r] += weight[item];
        }
      }
      // the best-scoring synthetic row; ties (and no match at all) broken uniformly at random
      int best = -1;
      double bestScore = 0;
      int ties = 0;
      for (int t = 0; t < nTouched; t++) {
        int r = touched[t];
        if (score[r] > bestScore) {
          bestScore = score[r];
          best = r;
          ties = 1;
        } else if (score[r] == bestScore && rnd.nextInt(++ties) == 0) {
          best = r;
        }
      }
      if (best < 0) {
        best = rnd.nextInt(s.rows);
      }
      attack += precision(s, best, known, target, support, byPopularity);
      control += precision(null, -1, known, target, support, byPopularity);
      for (int t = 0; t < nTouched; t++) {
        score[touched[t]] = 0;
      }
      for (int item : items) {
        known[item] = false;
        target[item] = false;
      }
    }
    return new double[] {
      users, users == 0 ? Double.NaN : attack / users, users == 0 ? Double.NaN : control / users
    };
  }

  /**
   * Precision@10 of a prediction list: the linked row's unknown items by synthetic popularity, then
   * the most popular synthetic items to fill ten places (only the latter for the control).
   */
  private static double precision(
      PositiveSets s,
      int row,
      boolean[] known,
      boolean[] target,
      int[] support,
      int[] byPopularity) {
    int listed = 0;
    int hits = 0;
    boolean[] used = null;
    if (s != null) {
      int[] own = Arrays.copyOfRange(s.cols, s.ptr[row], s.ptr[row + 1]);
      Integer[] order = new Integer[own.length];
      for (int i = 0; i < own.length; i++) {
        order[i] = own[i];
      }
      Arrays.sort(
          order,
          (a, b) ->
              support[a] != support[b]
                  ? Integer.compare(support[b], support[a])
                  : Integer.compare(a, b));
      used = new boolean[known.length];
      for (int item : order) {
        if (listed == LINKAGE_LIST) {
          break;
        }
        if (!known[item]) {
          used[item] = true;
          listed++;
          hits += target[item] ? 1 : 0;
        }
      }
    }
    for (int item : byPopularity) {
      if (listed == LINKAGE_LIST) {
        break;
      }
      if (!known[item] && (used == null || !used[item])) {
        listed++;
        hits += target[item] ? 1 : 0;
      }
    }
    return (double) hits / LINKAGE_LIST;
  }

  private static int[] byPopularity(int[] support) {
    Integer[] order = new Integer[support.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) ->
            support[a] != support[b]
                ? Integer.compare(support[b], support[a])
                : Integer.compare(a, b));
    int[] out = new int[order.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    return out;
  }

  private static double shareZero(double[] d) {
    int n = 0;
    for (double x : d) {
      n += x == 0 ? 1 : 0;
    }
    return d.length == 0 ? Double.NaN : (double) n / d.length;
  }

  private static double[] negate(double[] d) {
    double[] out = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = -d[i];
    }
    return out;
  }

  /** The q-th percentile (0..100) with NumPy's default linear interpolation. */
  static double percentile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    double pos = q / 100.0 * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  }

  private static int[] permutation(int n, SplittableRandom rnd) {
    return Permutations.random(n, rnd);
  }

  private static int[] sorted(int[] a) {
    Arrays.sort(a);
    return a;
  }

  /** Builds a {@link PrivacyAudit}; setters reject bad values at once. */
  public static final class Builder {
    private final InteractionMatrix members;
    private final InteractionMatrix nonMembers;
    private long seed = 42;
    private int bootstrap = DEFAULT_BOOTSTRAP;
    private int[] knownItems = DEFAULT_KNOWN_ITEMS.clone();

    private Builder(InteractionMatrix members, InteractionMatrix nonMembers) {
      this.members = Objects.requireNonNull(members, "members");
      this.nonMembers = Objects.requireNonNull(nonMembers, "nonMembers");
      if (members.rows() < 2 || nonMembers.rows() < 2) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "members and non-members must have at least 2 rows each, found %d and %d",
                members.rows(),
                nonMembers.rows()));
      }
      if (members.columns() != nonMembers.columns()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "members and non-members must have the same items, found %d and %d",
                members.columns(),
                nonMembers.columns()));
      }
    }

    /** Seed of the subsamples, the baseline, the bootstrap and the linkage attack (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Bootstrap resamples for the AUC interval, 0 for none (default 1000). */
    public Builder bootstrap(int resamples) {
      if (resamples < 0) {
        throw new IllegalArgumentException(
            "bootstrap resamples must be at least 0, found " + resamples);
      }
      this.bootstrap = resamples;
      return this;
    }

    /** The numbers of items the linkage attacker knows (default 2, 4, 8). */
    public Builder linkageKnownItems(int... known) {
      if (known.length == 0) {
        throw new IllegalArgumentException("at least one known-item count is required");
      }
      for (int k : known) {
        if (k < 1) {
          throw new IllegalArgumentException("known items must be at least 1, found " + k);
        }
      }
      this.knownItems = known.clone();
      return this;
    }

    /** Builds the audit (indexes the real rows once). */
    public PrivacyAudit build() {
      return new PrivacyAudit(this);
    }
  }
}
