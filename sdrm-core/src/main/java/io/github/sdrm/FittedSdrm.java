package io.github.sdrm;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.model.LatentDenoiser;
import io.github.sdrm.model.MultiVae;
import io.github.sdrm.model.NoiseSchedule;
import io.github.sdrm.model.Sampler;
import io.github.sdrm.nn.NoiseSource;
import io.github.sdrm.nn.Threads;
import io.github.sdrm.nn.Workspaces;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained SDRM generator: the frozen MultiVAE and the latent denoiser, with the provenance of
 * their training. Generation is a pure function of (number of users, resolution, seed): the same
 * arguments give bit-identical output for a fixed ND4J thread count, also after {@link #save} and
 * {@link #load}.
 *
 * <p>Users are generated in batches of {@link Sdrm#generationBatchSize()}; the working memory of
 * the networks does not grow with the number of users. The returned logits or matrices of course
 * do; use {@link #generateScores(int, Resolution, long, ScoreConsumer)} to stream them.
 */
public final class FittedSdrm {
  private final MultiVae vae;
  private final LatentDenoiser denoiser;
  private final NoiseSchedule schedule;
  private final ModelProvenance provenance;

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
    Objects.requireNonNull(resolution, "resolution");
    run(users, seed, resolution, false, consumer);
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
    run(users, seed, null, true, consumer);
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
    ModelFile.write(path, vae, denoiser, provenance);
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
        seed,
        resolution,
        vaeOnly,
        (first, n, block) -> System.arraycopy(block, 0, all, first * items, n * items));
    return all;
  }

  private void run(
      int users, long seed, Resolution resolution, boolean vaeOnly, ScoreConsumer consumer) {
    checkUsers(users);
    Objects.requireNonNull(consumer, "consumer");
    Threads.apply(config().threads(), config().elementwiseThreads());
    int batch = config().generationBatchSize();
    int timesteps = denoiser.timesteps();
    SplittableRandom root = new SplittableRandom(seed);
    for (int first = 0; first < users; first += batch) {
      int n = Math.min(batch, users - first);
      SplittableRandom rnd = root.split();
      float[] block;
      try (NoiseSource noise = new NoiseSource(rnd.nextLong(), vae.dataType())) {
        INDArray latents;
        if (vaeOnly) {
          latents = noise.gaussian(n, vae.latent(), 1.0);
        } else {
          int[] start = new int[n];
          for (int i = 0; i < n; i++) {
            start[i] = resolution == Resolution.FULL ? timesteps : rnd.nextInt(1, timesteps);
          }
          latents =
              Sampler.sample(denoiser, schedule, start, config().noiseVarianceDiminisher(), noise);
        }
        try (var ws = Workspaces.open("SDRM_DECODE")) {
          block = vae.decode(latents).data().asFloat();
        }
        latents.close();
      }
      consumer.accept(first, n, block);
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
