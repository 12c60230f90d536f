package io.github.sdrm;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.model.LatentDenoiser;
import io.github.sdrm.model.MultiVae;
import io.github.sdrm.model.NoiseSchedule;
import io.github.sdrm.model.Sampler;
import io.github.sdrm.nn.Buffers;
import io.github.sdrm.nn.NoiseSource;
import io.github.sdrm.nn.Threads;
import io.github.sdrm.nn.Workspaces;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained SDRM generator: the frozen MultiVAE and the latent denoiser, with the provenance of
 * their training. Generation is a pure function of (number of users, resolution, seed): the same
 * arguments give bit-identical output for a fixed ND4J thread count, also after {@link #save} and
 * {@link #load}.
 *
 * <p>Users are generated in blocks of {@link Sdrm#generationBatchSize()}; the working memory of the
 * networks does not grow with the number of users. The returned logits or matrices of course do;
 * use {@link #generateScores(int, Resolution, long, ScoreConsumer)} or {@link #generateRows(int,
 * int, int, Resolution, long, RowConsumer)} to stream them.
 *
 * <h2>Sharding</h2>
 *
 * A generation job of {@code n} users is cut into blocks [kB, min((k+1)B, n)) of B = {@link
 * Sdrm#generationBatchSize()} users; block k draws its randomness from the k-th stream split from
 * the seed, so every user's row depends only on (model, seed, resolution, n, its index). The range
 * methods ({@link #generateScores(int, int, int, Resolution, long, ScoreConsumer)}, {@link
 * #generateRows(int, int, int, Resolution, long, RowConsumer)}) give users [from, to) of such a job
 * bit for bit as the single call for all {@code n} users does (for a fixed ND4J thread count), so
 * workers can split a job in any way and concatenate their output. A range that starts or ends
 * inside a block computes that whole block; cut at multiples of B to waste nothing.
 */
public final class FittedSdrm {
  private final MultiVae vae;
  private final LatentDenoiser denoiser;
  private final NoiseSchedule schedule;
  private final ModelProvenance provenance;
  private final Map<String, SampledThreshold> thresholds = new ConcurrentHashMap<>();

  /**
   * Users generated (once per model, resolution and density) to set the equal-sparsity threshold of
   * streamed generation; see {@link #equalSparsityThreshold(Resolution, double)}.
   */
  public static final int THRESHOLD_SAMPLE_USERS = 4096;

  /** Block size of the threshold sample. */
  private static final int THRESHOLD_SAMPLE_BLOCK = 1024;

  /** Mixed into the generation seed to give the threshold sample its own seed. */
  private static final long THRESHOLD_SEED_OFFSET = 0x9E3779B97F4A7C15L;

  FittedSdrm(MultiVae vae, LatentDenoiser denoiser, ModelProvenance provenance) {
    this.vae = vae;
    this.denoiser = denoiser;
    this.schedule = new NoiseSchedule(denoiser.timesteps());
    this.provenance = provenance;
  }

  /** Receives generated logits one batch at a time. */
  @FunctionalInterface
  public interface ScoreConsumer {
    /**
     * Receives a block of users.
     *
     * @param firstUser index of the block's first user
     * @param users number of users in the block
     * @param logits {@code users * items} logits, row-major; the array may be reused afterwards
     */
    void accept(int firstUser, int users, float[] logits);
  }

  /** Receives binarised users one at a time, in user order. */
  @FunctionalInterface
  public interface RowConsumer {
    /**
     * Receives one user.
     *
     * @param user the user's index in the generation job
     * @param columns the items of its interactions, ascending; the array may be reused afterwards
     * @param count how many entries of {@code columns} are valid
     */
    void accept(int user, int[] columns, int count);
  }

  /** Training provenance: configuration, seed, version, data shape and loss history. */
  public ModelProvenance provenance() {
    return provenance;
  }

  /** The configuration this model was trained with. */
  public Sdrm config() {
    return provenance.config();
  }

  /** Number of items of every generated row. */
  public int items() {
    return vae.items();
  }

  /** {@code generate(users, resolution, provenance().generationSeed())}. */
  public InteractionMatrix generate(int users, Resolution resolution) {
    return generate(users, resolution, provenance.generationSeed());
  }

  /**
   * Generates {@code users} synthetic users with SDRM and binarises them with the configured {@link
   * Binarizer}.
   *
   * @throws IllegalArgumentException if {@code users} is negative
   * @throws IllegalStateException if the configured binariser is {@link Binarizer#raw()}
   */
  public InteractionMatrix generate(int users, Resolution resolution, long seed) {
    return binarize(generateScoreArray(users, resolution, seed, false), users);
  }

  /** Generated SDRM logits, [users, items]. */
  public INDArray generateScores(int users, Resolution resolution, long seed) {
    float[] all = generateScoreArray(users, resolution, seed, false);
    return Nd4j.create(all, new long[] {users, vae.items()}, 'c');
  }

  /** Streams generated SDRM logits to {@code consumer}, one batch at a time. */
  public void generateScores(int users, Resolution resolution, long seed, ScoreConsumer consumer) {
    generateScores(users, 0, users, resolution, seed, consumer);
  }

  /**
   * Streams the logits of users [from, to) of a generation job of {@code users} users: the same
   * values, bit for bit, as {@link #generateScores(int, Resolution, long, ScoreConsumer)} for all
   * {@code users} gives for them (see "Sharding" above). The consumer's {@code firstUser} is the
   * index in the job.
   *
   * @throws IllegalArgumentException unless 0 &lt;= from &lt;= to &lt;= users
   */
  public void generateScores(
      int users, int from, int to, Resolution resolution, long seed, ScoreConsumer consumer) {
    Objects.requireNonNull(resolution, "resolution");
    run(users, from, to, seed, resolution, false, consumer);
  }

  /**
   * Streams users [from, to) of a generation job of {@code users} users, binarised one block at a
   * time without holding the job's logits: the working memory is one block of logits whatever the
   * number of users. With {@link Binarizer#equalSparsity()} (or an explicit density) the threshold
   * is {@link #equalSparsityThreshold(Resolution, double)}, fixed per model, so every range of
   * every job agrees; it is estimated from a sample, so the density of the output is close to, not
   * exactly, the target (the in-memory {@link #generate(int, Resolution, long)} takes the exact
   * quantile of its own logits instead). With {@link Binarizer#zeroThreshold()} the output equals
   * {@code generate}'s.
   *
   * @throws IllegalArgumentException unless 0 &lt;= from &lt;= to &lt;= users
   * @throws IllegalStateException if the configured binariser is {@link Binarizer#raw()}
   */
  public void generateRows(
      int users, int from, int to, Resolution resolution, long seed, RowConsumer consumer) {
    generateRows(users, from, to, resolution, seed, config().binarizer(), consumer);
  }

  /**
   * As {@link #generateRows(int, int, int, Resolution, long, RowConsumer)} with {@code binarizer}
   * instead of the configured one (for example a saved model streamed with another rule).
   */
  public void generateRows(
      int users,
      int from,
      int to,
      Resolution resolution,
      long seed,
      Binarizer binarizer,
      RowConsumer consumer) {
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(binarizer, "binarizer");
    Objects.requireNonNull(consumer, "consumer");
    double threshold;
    boolean inclusive;
    switch (binarizer.kind()) {
      case EQUAL_SPARSITY -> {
        threshold = equalSparsityThreshold(resolution, targetDensity(binarizer));
        inclusive = true;
      }
      case ZERO_THRESHOLD -> {
        threshold = 0.0;
        inclusive = false;
      }
      default ->
          throw new IllegalStateException(
              "the raw binariser keeps logits; use generateScores instead of generateRows");
    }
    int items = vae.items();
    int[] cols = new int[items];
    run(
        users,
        from,
        to,
        seed,
        resolution,
        false,
        (first, n, logits) -> {
          for (int r = 0; r < n; r++) {
            int count = Binarizer.ones(logits, r * items, items, threshold, inclusive, cols);
            consumer.accept(first + r, cols, count);
          }
        });
  }

  /**
   * The equal-sparsity threshold of streamed generation at {@code resolution} for a target {@code
   * density}: the (1 − density)-quantile (NumPy's linear interpolation, as {@link Binarizer}) of
   * the logits of {@value #THRESHOLD_SAMPLE_USERS} users generated (in blocks of 1,024) with a seed
   * derived from the model's generation seed. Computed on first use, kept with the model and
   * written by {@link #save}, so a loaded model streams with the same threshold.
   *
   * @throws IllegalArgumentException unless 0 &lt; density &lt;= 1
   */
  public double equalSparsityThreshold(Resolution resolution, double density) {
    Objects.requireNonNull(resolution, "resolution");
    if (!(density > 0.0 && density <= 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "density must be in (0, 1], found %s", density));
    }
    return thresholds
        .computeIfAbsent(
            SampledThreshold.key(resolution, density), k -> sampleThreshold(resolution, density))
        .threshold();
  }

  /** {@code equalSparsityThreshold(resolution, d)} with the configured binariser's density. */
  public double equalSparsityThreshold(Resolution resolution) {
    return equalSparsityThreshold(resolution, targetDensity(config().binarizer()));
  }

  private double targetDensity(Binarizer b) {
    return b.kind() == Binarizer.Kind.EQUAL_SPARSITY && !Double.isNaN(b.density())
        ? b.density()
        : provenance.fitDensity();
  }

  private SampledThreshold sampleThreshold(Resolution resolution, double density) {
    int sample = THRESHOLD_SAMPLE_USERS;
    long sampleSeed = thresholdSampleSeed();
    long cells = (long) sample * vae.items();
    double pos = (1.0 - density) * (cells - 1);
    long lo = (long) Math.floor(pos);
    // the order statistics lo and lo + 1 are among the cells - lo largest values
    TopValues top = new TopValues((int) Math.min(cells - lo, Integer.MAX_VALUE - 8));
    // a job of its own, in blocks of its own size: it does not depend on generationBatchSize
    run(
        sample,
        0,
        sample,
        sampleSeed,
        resolution,
        false,
        THRESHOLD_SAMPLE_BLOCK,
        (first, n, logits) -> top.addAll(logits, n * vae.items()));
    float[] largest = top.sortedAscending();
    double a = largest[0];
    double b = largest.length > 1 ? largest[1] : largest[0];
    double threshold = Binarizer.lerp(a, b, pos - lo);
    return new SampledThreshold(resolution, density, sample, sampleSeed, threshold);
  }

  /** The threshold sample's seed, derived from the model's generation seed. */
  private long thresholdSampleSeed() {
    return provenance.generationSeed() + THRESHOLD_SEED_OFFSET;
  }

  /** Thresholds computed so far (written with the model). */
  Collection<SampledThreshold> sampledThresholds() {
    return List.copyOf(thresholds.values());
  }

  /** Restores thresholds read from a model file. */
  void restoreThresholds(Collection<SampledThreshold> restored) {
    for (SampledThreshold t : restored) {
      if (t.sampleUsers() == THRESHOLD_SAMPLE_USERS && t.sampleSeed() == thresholdSampleSeed()) {
        thresholds.put(SampledThreshold.key(t.resolution(), t.density()), t);
      }
    }
  }

  /** Keeps the m largest of a stream of floats. */
  private static final class TopValues {
    private final int m;
    private float[] buf;
    private int size;
    private float floor = Float.NEGATIVE_INFINITY;
    private boolean full;

    TopValues(int m) {
      this.m = Math.max(m, 1);
      this.buf = new float[(int) Math.min(2L * this.m, Integer.MAX_VALUE - 8)];
    }

    void addAll(float[] values, int length) {
      for (int i = 0; i < length; i++) {
        float v = values[i];
        // below the m-th largest seen so far: never among the m largest
        if (full && v < floor) {
          continue;
        }
        if (size == buf.length) {
          compact();
        }
        buf[size++] = v;
      }
    }

    private void compact() {
      Arrays.sort(buf, 0, size);
      int keep = Math.min(m, size);
      System.arraycopy(buf, size - keep, buf, 0, keep);
      size = keep;
      if (size == m) {
        full = true;
        floor = buf[0];
      }
    }

    float[] sortedAscending() {
      Arrays.sort(buf, 0, size);
      int keep = Math.min(m, size);
      return Arrays.copyOfRange(buf, size - keep, size);
    }
  }

  /** {@code generateVae(users, provenance().generationSeed())}. */
  public InteractionMatrix generateVae(int users) {
    return generateVae(users, provenance.generationSeed());
  }

  /**
   * The MultiVAE baseline: decodes z ~ N(0, I) directly, then binarises with the configured {@link
   * Binarizer}.
   */
  public InteractionMatrix generateVae(int users, long seed) {
    return binarize(generateScoreArray(users, null, seed, true), users);
  }

  /** Streams MultiVAE-baseline logits to {@code consumer}, one batch at a time. */
  public void generateVaeScores(int users, long seed, ScoreConsumer consumer) {
    run(users, 0, users, seed, null, true, consumer);
  }

  /**
   * Returns {@code matrix}'s rows followed by as many synthetic users, generated at the configured
   * resolution with the default generation seed.
   *
   * @throws IllegalArgumentException if {@code matrix} has a different number of items
   */
  public InteractionMatrix augment(InteractionMatrix matrix) {
    checkItems(matrix);
    return InteractionMatrix.vstack(matrix, generate(matrix.rows(), config().resolution()));
  }

  /**
   * Returns as many synthetic users as {@code matrix} has rows (and none of its rows).
   *
   * @throws IllegalArgumentException if {@code matrix} has a different number of items
   */
  public InteractionMatrix replace(InteractionMatrix matrix) {
    checkItems(matrix);
    return generate(matrix.rows(), config().resolution());
  }

  /**
   * Writes the model to {@code path} (format version {@value ModelFile#FORMAT_VERSION}),
   * atomically: a temporary file in the same directory is written and then moved into place, so a
   * failure never leaves a partial model file.
   *
   * @throws IOException if the file cannot be written
   */
  public void save(Path path) throws IOException {
    ModelFile.write(path, vae, denoiser, provenance, sampledThresholds());
  }

  /**
   * Reads a model written by {@link #save}.
   *
   * @throws IOException if the file cannot be read
   * @throws ModelFormatException if it is not an SDRM model, is truncated or corrupt, or has a
   *     newer format version
   */
  public static FittedSdrm load(Path path) throws IOException {
    return ModelFile.read(path);
  }

  MultiVae vae() {
    return vae;
  }

  LatentDenoiser denoiser() {
    return denoiser;
  }

  private void checkItems(InteractionMatrix matrix) {
    Objects.requireNonNull(matrix, "matrix");
    if (matrix.columns() != vae.items()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "matrix must have the model's %d items, found %d (rows x items = %d x %d)",
              vae.items(),
              matrix.columns(),
              matrix.rows(),
              matrix.columns()));
    }
  }

  private InteractionMatrix binarize(float[] logits, int users) {
    return config().binarizer().apply(logits, users, vae.items(), provenance.fitDensity());
  }

  private float[] generateScoreArray(int users, Resolution resolution, long seed, boolean vaeOnly) {
    if (!vaeOnly) {
      Objects.requireNonNull(resolution, "resolution");
    }
    checkUsers(users);
    int items = vae.items();
    if ((long) users * items > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%d users x %d items is too many to hold in memory; stream them with generateScores"
                  + "(users, resolution, seed, consumer)",
              users,
              items));
    }
    float[] all = new float[users * items];
    run(
        users,
        0,
        users,
        seed,
        resolution,
        vaeOnly,
        (first, n, block) -> System.arraycopy(block, 0, all, first * items, n * items));
    return all;
  }

  private void run(
      int users,
      int from,
      int to,
      long seed,
      Resolution resolution,
      boolean vaeOnly,
      ScoreConsumer consumer) {
    run(users, from, to, seed, resolution, vaeOnly, config().generationBatchSize(), consumer);
  }

  private void run(
      int users,
      int from,
      int to,
      long seed,
      Resolution resolution,
      boolean vaeOnly,
      int batch,
      ScoreConsumer consumer) {
    checkUsers(users);
    if (from < 0 || from > to || to > users) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the range of users must satisfy 0 <= from <= to <= users (%d), found [%d, %d)",
              users,
              from,
              to));
    }
    Objects.requireNonNull(consumer, "consumer");
    if (from == to) {
      return;
    }
    Threads.apply(config().threads(), config().elementwiseThreads());
    int timesteps = denoiser.timesteps();
    int items = vae.items();
    SplittableRandom root = new SplittableRandom(seed);
    // block k draws from the k-th split of the root: skip the blocks before the range
    int firstBlock = from / batch;
    for (int k = 0; k < firstBlock; k++) {
      root.split();
    }
    for (long start = (long) firstBlock * batch; start < to; start += batch) {
      int first = (int) start;
      int n = (int) Math.min(batch, users - start);
      SplittableRandom rnd = root.split();
      float[] block;
      try (NoiseSource noise = new NoiseSource(rnd.nextLong(), vae.dataType())) {
        INDArray latents;
        if (vaeOnly) {
          latents = noise.gaussian(n, vae.latent(), 1.0);
        } else {
          int[] startSteps = new int[n];
          for (int i = 0; i < n; i++) {
            startSteps[i] = resolution == Resolution.FULL ? timesteps : rnd.nextInt(1, timesteps);
          }
          latents =
              Sampler.sample(
                  denoiser, schedule, startSteps, config().noiseVarianceDiminisher(), noise);
        }
        try (var ws = Workspaces.open("SDRM_DECODE")) {
          block = Buffers.floats(vae.decode(latents));
        }
        latents.close();
      }
      int lo = Math.max(from, first);
      int hi = Math.min(to, first + n);
      if (lo == first && hi == first + n) {
        consumer.accept(first, n, block);
      } else {
        consumer.accept(
            lo, hi - lo, Arrays.copyOfRange(block, (lo - first) * items, (hi - first) * items));
      }
    }
  }

  private static void checkUsers(int users) {
    if (users < 0) {
      throw new IllegalArgumentException("users must be at least 0, found " + users);
    }
  }

  @Override
  public String toString() {
    return "FittedSdrm[" + provenance + "]";
  }
}
