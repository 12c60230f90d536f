package io.github.sdrm.recsys;

import io.github.sdrm.Binarizer;
import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Nd4jSeeds;
import io.github.sdrm.Resolution;
import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.eval.RankingMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NeuMF evaluated the way the SDRM reference's {@code main.py} evaluates it, step by step
 * (development notes: REFERENCE.md §7a), so that the paper's NeuMF rows can be reproduced. The
 * library's own protocol ({@link NeuMfRecommender} in an {@link Experiment}) differs wherever the
 * reference has a quirk; this class keeps them:
 *
 * <ol>
 *   <li>Training data are labelled (user, item) triples: every stored entry of TRAIN with its value
 *       (its stored zeros are label-0 triples); VALID users follow TRAIN's.
 *   <li>VALID is split by its own fold-in split over its <em>positives only</em> (NumPy-compatible,
 *       seed 123, 20 %, as the reference's {@code ignore_zeros=True}); the fold-in positives join
 *       the training triples and the held-out positives are the test triples.
 *   <li>VALID's stored zeros are shuffled: the first half joins training, the rest joins the test
 *       triples as label 0. The reference removes them from VALID in place while splitting, so only
 *       the first run of a process sees them: so here by default ({@link ValidZeros#FIRST_RUN}).
 *       Its hyperparameter search, which logged the published figures, ran many trials in one
 *       process, so no run of a logged trial after the first had them ({@link ValidZeros#NONE}).
 *   <li>ORIGINAL and AUGMENT drop every training triple whose user, item or label equals the test
 *       triple at the same position of the two shuffled lists (a pandas {@code isin} on two
 *       frames); REPLACE does not.
 *   <li>Synthetic triples come from the generator's logits: label 1 at or above the quantile that
 *       keeps TRAIN's stored density, and as many label-0 triples at or below the mirror quantile
 *       (the lowest logits). REPLACE trains on them plus VALID's training triples; AUGMENT adds
 *       them, users after TRAIN's and VALID's, to ORIGINAL's triples. The reference's M-SDRM rows
 *       use the F-SDRM logits (a copy-paste there): so here, labelled M-SDRM.
 *   <li>The network is NCF "NeuMF-end" initialised as the reference's ({@link
 *       NeuMfRecommender#configuration}), with as many users and items as the largest ids in the
 *       training triples.
 *   <li>The reference trains up to 20 epochs but then reloads the checkpoint of epoch 0; that is
 *       one epoch: a random 80 % of the training triples plus, drawn with replacement from its
 *       label-0 triples, as many negatives as it has label-1 triples, shuffled, batches of 256,
 *       logistic loss, Adam 1e−3. Only that epoch is trained here (the later ones would be
 *       discarded).
 *   <li>Every test user is scored on every item of the training triples; items in the user's
 *       training triples (either label) are masked; relevant = the user's label-1 test triples of
 *       those items (the reference's held-out matrix has the training items as its columns, so a
 *       held-out like of an item absent from training is not counted); truncated Recall@k. NDCG is
 *       this library's ({@link RankingMetrics}), not the reference's inflated one.
 * </ol>
 *
 * <p>Not reproduced: the reference orders its triples with pandas' unstable sort before its seeded
 * shuffles, so which VALID zeros go to training and which training triples the step-4 rule drops
 * differ here (the rule and the counts are the same); its NeuMF is unseeded, this one is seeded by
 * the run.
 */
public final class ReferenceNeuMfExperiment {
  /** Which runs get VALID's stored zeros (half as label-0 training triples, half as test ones). */
  public enum ValidZeros {
    /**
     * The first run only, as the reference's {@code main.py}, which removes them from VALID in
     * place while splitting.
     */
    FIRST_RUN,
    /** Every run. */
    EVERY_RUN,
    /**
     * No run: the condition of every run but the first trial's in the reference's hyperparameter
     * search (one process, VALID's zeros removed in place by its first run), which logged the
     * published figures.
     */
    NONE
  }

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceNeuMfExperiment.class);
  private static final int BATCH = 256;
  private static final long SHUFFLE_SEED = 123;

  private final String dataset;
  private final InteractionMatrix train;
  private final InteractionMatrix valid;
  private final Sdrm sdrm;
  private final int runs;
  private final Set<Setting> settings;
  private final ValidZeros validZeros;
  private final int[] cutoffs;
  private final Experiment.Listener listener;

  private ReferenceNeuMfExperiment(Builder b) {
    this.dataset = b.dataset;
    this.train = b.train;
    this.valid = b.valid;
    this.sdrm = b.sdrm;
    this.runs = b.runs;
    this.settings = EnumSet.copyOf(b.settings);
    this.validZeros = b.validZeros;
    this.cutoffs = b.cutoffs.clone();
    this.listener = b.listener;
  }

  /**
   * A builder.
   *
   * @param dataset the dataset's name, for the table
   * @param train the reference's TRAIN (rows with stored zeros)
   * @param valid the reference's VALID users
   */
  public static Builder builder(String dataset, InteractionMatrix train, InteractionMatrix valid) {
    return new Builder(dataset, train, valid);
  }

  /** Labelled triples: parallel user, item and label arrays. */
  static final class Triples {
    int[] user;
    int[] item;
    byte[] label;
    int size;

    Triples(int capacity) {
      user = new int[Math.max(capacity, 4)];
      item = new int[user.length];
      label = new byte[user.length];
    }

    void add(int u, int i, int y) {
      if (size == user.length) {
        int n = size * 2;
        user = Arrays.copyOf(user, n);
        item = Arrays.copyOf(item, n);
        label = Arrays.copyOf(label, n);
      }
      user[size] = u;
      item[size] = i;
      label[size++] = (byte) y;
    }

    void addAll(Triples t) {
      for (int k = 0; k < t.size; k++) {
        add(t.user[k], t.item[k], t.label[k]);
      }
    }

    /** The stored entries of {@code m}, users offset by {@code offset}, in row order. */
    static Triples of(InteractionMatrix m, int offset, boolean onesOnly) {
      Triples t = new Triples((int) m.storedCount());
      m.forEachStored(
          (r, c, v) -> {
            if (!onesOnly || v == 1) {
              t.add(r + offset, c, v);
            }
          });
      return t;
    }

    Triples permuted(int[] order) {
      Triples t = new Triples(order.length);
      for (int k : order) {
        t.add(user[k], item[k], label[k]);
      }
      return t;
    }

    Triples shuffled(long seed) {
      return permuted(Permutations.random(size, new SplittableRandom(seed)));
    }

    Triples slice(int from, int to) {
      Triples t = new Triples(to - from);
      for (int k = from; k < to; k++) {
        t.add(user[k], item[k], label[k]);
      }
      return t;
    }
  }

  /** Runs every run and returns the table. */
  public ResultTable run() {
    int t = train.rows();
    int v = valid.rows();
    FoldInSplit generatorSplit = FoldInSplit.reference(valid);
    FoldInSplit positives =
        FoldInSplit.split(
            valid,
            FoldInSplit.DEFAULT_HELD_OUT_FRACTION,
            FoldInSplit.REFERENCE_SEED,
            FoldInSplit.Mode.NUMPY_COMPATIBLE,
            FoldInSplit.Values.POSITIVES_ONLY);
    if (positives.usersWithoutHeldOut().length > 0) {
      // the reference drops such rows, shifting the user ids of the rows after them
      LOG.warn(
          "{} VALID users have fewer than 2 positives; the reference's split would shift the"
              + " ids of the users after them, this protocol does not",
          positives.usersWithoutHeldOut().length);
    }
    Triples foldInPositives = Triples.of(positives.foldIn(), t, true);
    Triples heldOut = Triples.of(positives.heldOut(), t, true);
    Triples validZeroTriples = new Triples(0);
    valid.forEachStored(
        (r, c, value) -> {
          if (value == 0) {
            validZeroTriples.add(r + t, c, 0);
          }
        });
    Triples trainTriples = Triples.of(train, 0, false);
    double density = (double) train.storedCount() / ((double) train.rows() * train.columns());

    ResultTable table =
        new ResultTable(
            cutoffs,
            String.format(
                Locale.ROOT,
                "reference NeuMF protocol: dataset=%s, train=%s, validation=%s, runs=%d,"
                    + " settings=%s, sdrm=%s",
                dataset,
                train,
                valid,
                runs,
                settings,
                sdrm));
    for (int run = 0; run < runs; run++) {
      listener.onRunStart(run, runs);
      boolean withZeros =
          validZeros == ValidZeros.EVERY_RUN || (validZeros == ValidZeros.FIRST_RUN && run == 0);
      Triples zeros = withZeros ? validZeroTriples.shuffled(SHUFFLE_SEED) : new Triples(0);
      int half = zeros.size / 2;
      Triples validTrain = zeros.slice(0, half);
      validTrain.addAll(foldInPositives);
      Triples test = zeros.slice(half, zeros.size);
      test.addAll(heldOut);
      test = test.shuffled(SHUFFLE_SEED);
      Triples original = new Triples(trainTriples.size + validTrain.size);
      original.addAll(trainTriples);
      original.addAll(validTrain);
      original = dropMatchingRows(original.shuffled(SHUFFLE_SEED), test);
      long fitSeed = Nd4jSeeds.nativeSeed(sdrm == null ? run : sdrm.seed() + run);

      if (settings.contains(Setting.ORIGINAL)) {
        measure(table, run, Setting.ORIGINAL, "-", original, test, fitSeed);
      }
      if (sdrm == null
          || !(settings.contains(Setting.REPLACE) || settings.contains(Setting.AUGMENT))) {
        continue;
      }
      FittedSdrm model =
          sdrm.toBuilder().seed(sdrm.seed() + run).build().fit(train, generatorSplit);
      listener.onGeneratorFitted(run, model);
      long seed = model.provenance().generationSeed();
      Triples full =
          labelled(
              model.generateScores(t, Resolution.FULL, seed).data().asFloat(),
              train.columns(),
              density);
      Triples vae = labelled(vaeScores(model, t, seed), train.columns(), density);
      // the reference's M-SDRM NeuMF rows are made from the F-SDRM logits
      String[] names = {"F-SDRM", "M-SDRM", "MultiVAE"};
      Triples[] synthetic = {full, full, vae};
      for (int g = 0; g < names.length; g++) {
        long s = fitSeed + 7919L * (g + 1);
        if (settings.contains(Setting.REPLACE)) {
          Triples data = new Triples(synthetic[g].size + validTrain.size);
          data.addAll(synthetic[g]);
          data.addAll(validTrain);
          measure(table, run, Setting.REPLACE, names[g], data, test, s);
        }
        if (settings.contains(Setting.AUGMENT)) {
          Triples data = new Triples(original.size + synthetic[g].size);
          data.addAll(original);
          for (int k = 0; k < synthetic[g].size; k++) {
            data.add(synthetic[g].user[k] + t + v, synthetic[g].item[k], synthetic[g].label[k]);
          }
          measure(table, run, Setting.AUGMENT, names[g], data, test, s + 1);
        }
      }
    }
    return table;
  }

  private static float[] vaeScores(FittedSdrm model, int users, long seed) {
    float[] out = new float[users * model.items()];
    int items = model.items();
    model.generateVaeScores(
        users,
        seed,
        (first, count, logits) -> System.arraycopy(logits, 0, out, first * items, count * items));
    return out;
  }

  /**
   * Synthetic triples from logits ({@code rows × items}, row-major): label 1 where the logit is at
   * or above the (1 − density)-quantile, label 0 where it is at or below the density-quantile.
   */
  static Triples labelled(float[] logits, int items, double density) {
    double upper = Binarizer.quantile(logits, 1.0 - density);
    double lower = Binarizer.quantile(logits, density);
    Triples t = new Triples((int) Math.min(Integer.MAX_VALUE - 8, 2.2 * density * logits.length));
    for (int k = 0; k < logits.length; k++) {
      if (logits[k] >= upper) {
        t.add(k / items, k % items, 1);
      } else if (logits[k] <= lower) {
        t.add(k / items, k % items, 0);
      }
    }
    return t;
  }

  /**
   * The reference's {@code train[~train.isin(test)].dropna()} on two frames with positional
   * indexes: a training triple is dropped when its user, item or label equals that of the test
   * triple at the same position.
   */
  static Triples dropMatchingRows(Triples train, Triples test) {
    Triples kept = new Triples(train.size);
    for (int k = 0; k < train.size; k++) {
      boolean drop =
          k < test.size
              && (train.user[k] == test.user[k]
                  || train.item[k] == test.item[k]
                  || train.label[k] == test.label[k]);
      if (!drop) {
        kept.add(train.user[k], train.item[k], train.label[k]);
      }
    }
    return kept;
  }

  private void measure(
      ResultTable table,
      int run,
      Setting setting,
      String generator,
      Triples data,
      Triples test,
      long seed) {
    RankingMetrics.Result result = fitAndScore(data, test, train.columns(), seed, cutoffs);
    ResultTable.Key key = new ResultTable.Key(dataset, "neumf", setting, generator);
    table.add(key, result);
    listener.onResult(run, key, result);
  }

  /** One reference epoch of NeuMF on {@code data}, then the test users scored. */
  static RankingMetrics.Result fitAndScore(
      Triples data, Triples test, int items, long seed, int[] cutoffs) {
    RankingMetrics.Result[] out = new RankingMetrics.Result[1];
    Nd4jSeeds.preservingGlobalRandom(
        () -> out[0] = fitAndScoreSeeded(data, test, items, seed, cutoffs));
    return out[0];
  }

  private static RankingMetrics.Result fitAndScoreSeeded(
      Triples data, Triples test, int items, long seed, int[] cutoffs) {
    int users = 0;
    int modelItems = 0;
    for (int k = 0; k < data.size; k++) {
      users = Math.max(users, data.user[k] + 1);
      modelItems = Math.max(modelItems, data.item[k] + 1);
    }
    for (int k = 0; k < test.size; k++) {
      users = Math.max(users, test.user[k] + 1); // a test user without training triples
    }
    Nd4j.getRandom().setSeed(seed);
    ComputationGraph net =
        new ComputationGraph(NeuMfRecommender.configuration(users, modelItems, seed, true));
    net.init();

    // one epoch: sklearn's train_test_split(test_size=0.2) keeps n - ceil(0.2 n)
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] order = Permutations.random(data.size, rnd);
    int kept = data.size - (int) Math.ceil(0.2 * data.size);
    int[] part = Arrays.copyOf(order, kept);
    int ones = 0;
    int[] zeros = new int[kept];
    int nz = 0;
    for (int k : part) {
      if (data.label[k] == 1) {
        ones++;
      } else {
        zeros[nz++] = k;
      }
    }
    int[] epoch = Arrays.copyOf(part, kept + (nz > 0 ? ones : 0));
    for (int k = kept; k < epoch.length; k++) {
      epoch[k] = zeros[rnd.nextInt(nz)];
    }
    int[] shuffle = Permutations.random(epoch.length, rnd);
    for (int from = 0; from < epoch.length; from += BATCH) {
      int n = Math.min(BATCH, epoch.length - from);
      float[] u = new float[n];
      float[] it = new float[n];
      float[] y = new float[n];
      for (int j = 0; j < n; j++) {
        int k = epoch[shuffle[from + j]];
        u[j] = data.user[k];
        it[j] = data.item[k];
        y[j] = data.label[k];
      }
      net.fit(new INDArray[] {column(u), column(it)}, new INDArray[] {column(y)});
    }

    float[] itemIds = new float[modelItems];
    for (int i = 0; i < modelItems; i++) {
      itemIds[i] = i;
    }
    INDArray itemColumn = column(itemIds);
    int n = modelItems;
    return score(
        data,
        test,
        items,
        cutoffs,
        u ->
            net.outputSingle(false, Nd4j.valueArrayOf(new long[] {n, 1}, (float) u), itemColumn)
                .toFloatVector());
  }

  /** A trained model's scores for one user, one per item id from 0 (may be shorter than items). */
  @FunctionalInterface
  interface UserScorer {
    float[] scores(int user);
  }

  /**
   * Step 9: every test user scored on every item of the training triples (the candidates); items in
   * the user's training triples (either label) masked; relevant = the user's label-1 test triples
   * <em>among the candidates</em>, since the reference builds its held-out matrix over the
   * candidate items only (a held-out like of an item absent from training is not counted, and a
   * user left with none is skipped, as NumPy's {@code nanmean} skips the reference's 0/0).
   */
  static RankingMetrics.Result score(
      Triples data, Triples test, int items, int[] cutoffs, UserScorer scorer) {
    BitSet candidates = new BitSet(items);
    for (int k = 0; k < data.size; k++) {
      candidates.set(data.item[k]);
    }
    TreeMap<Integer, List<Integer>> relevant = new TreeMap<>();
    int notCandidates = 0;
    for (int k = 0; k < test.size; k++) {
      List<Integer> r = relevant.computeIfAbsent(test.user[k], x -> new ArrayList<>());
      if (test.label[k] == 1) {
        if (candidates.get(test.item[k])) {
          r.add(test.item[k]);
        } else {
          notCandidates++;
        }
      }
    }
    if (notCandidates > 0) {
      LOG.debug(
          "{} held-out likes are of items absent from the training triples ({} candidate items)"
              + " and are not counted, as in the reference",
          notCandidates,
          candidates.cardinality());
    }
    TreeMap<Integer, List<Integer>> seen = new TreeMap<>();
    for (int k = 0; k < data.size; k++) {
      if (relevant.containsKey(data.user[k])) {
        seen.computeIfAbsent(data.user[k], x -> new ArrayList<>()).add(data.item[k]);
      }
    }
    BitSet notCandidate = (BitSet) candidates.clone();
    notCandidate.flip(0, items); // items never in training are not candidates
    RankingMetrics.Accumulator acc = new RankingMetrics.Accumulator(items, cutoffs);
    for (var e : relevant.entrySet()) {
      int u = e.getKey();
      int[] heldOut = e.getValue().stream().mapToInt(Integer::intValue).sorted().toArray();
      if (heldOut.length == 0) {
        continue; // the accumulator would skip the user too; this spares scoring it
      }
      float[] scores = new float[items];
      float[] s = scorer.scores(u);
      System.arraycopy(s, 0, scores, 0, Math.min(s.length, items));
      BitSet masked = (BitSet) notCandidate.clone();
      for (int i : seen.getOrDefault(u, List.of())) {
        masked.set(i);
      }
      acc.add(u, scores, masked.stream().toArray(), heldOut);
    }
    return acc.result();
  }

  private static INDArray column(float[] v) {
    return Nd4j.create(v, new long[] {v.length, 1}, 'c');
  }

  /** Builds a {@link ReferenceNeuMfExperiment}. */
  public static final class Builder {
    private final String dataset;
    private final InteractionMatrix train;
    private final InteractionMatrix valid;
    private Sdrm sdrm;
    private int runs = 5;
    private Set<Setting> settings = EnumSet.allOf(Setting.class);
    private ValidZeros validZeros = ValidZeros.FIRST_RUN;
    private int[] cutoffs = RankingMetrics.PAPER_CUTOFFS.clone();
    private Experiment.Listener listener = new Experiment.Listener() {};

    private Builder(String dataset, InteractionMatrix train, InteractionMatrix valid) {
      this.dataset = Objects.requireNonNull(dataset, "dataset");
      this.train = Objects.requireNonNull(train, "train");
      this.valid = Objects.requireNonNull(valid, "valid");
      if (train.columns() != valid.columns()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "train and valid must have the same items, found %d and %d",
                train.columns(),
                valid.columns()));
      }
    }

    /**
     * The generator configuration; each run trains it with seed + run. Required for REPLACE and
     * AUGMENT.
     */
    public Builder sdrm(Sdrm sdrm) {
      this.sdrm = Objects.requireNonNull(sdrm, "sdrm");
      return this;
    }

    /** Runs (default 5). */
    public Builder runs(int runs) {
      if (runs < 1) {
        throw new IllegalArgumentException("runs must be at least 1, found " + runs);
      }
      this.runs = runs;
      return this;
    }

    /** The settings to measure (default all three). */
    public Builder settings(Setting... settings) {
      if (settings.length == 0) {
        throw new IllegalArgumentException("at least one setting is required, found none");
      }
      this.settings = EnumSet.copyOf(Arrays.asList(settings));
      return this;
    }

    /**
     * Which runs get VALID's stored zeros (step 3); default {@link ValidZeros#FIRST_RUN}, as the
     * reference's {@code main.py}.
     */
    public Builder validZeros(ValidZeros validZeros) {
      this.validZeros = Objects.requireNonNull(validZeros, "validZeros");
      return this;
    }

    /** The cut-offs k (default 1, 3, 5, 10, 20, 50). */
    public Builder cutoffs(int... cutoffs) {
      this.cutoffs = cutoffs.clone();
      return this;
    }

    /** Progress callbacks. */
    public Builder listener(Experiment.Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The experiment.
     *
     * @throws IllegalStateException if REPLACE or AUGMENT is asked for without a generator
     */
    public ReferenceNeuMfExperiment build() {
      if (sdrm == null
          && (settings.contains(Setting.REPLACE) || settings.contains(Setting.AUGMENT))) {
        throw new IllegalStateException(
            "REPLACE and AUGMENT need a generator: call sdrm(...) or settings(ORIGINAL)");
      }
      return new ReferenceNeuMfExperiment(this);
    }
  }
}
