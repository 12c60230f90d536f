package io.github.sdrm;

import io.github.sdrm.model.LatentDenoiser;
import io.github.sdrm.model.MultiVae;
import io.github.sdrm.nn.Param;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The model file format.
 *
 * <pre>
 * magic        8 bytes "SDRMJMOD"
 * version      int (this class writes {@value #FORMAT_VERSION}; readers reject newer versions)
 * library      UTF string, the sdrm-java version that wrote it
 * config       int n, then n × (UTF key, UTF value): every hyperparameter of {@link Sdrm}
 * provenance   int trainingRows, int items, double fitDensity, int vaeEpochs, int vaeBestEpoch,
 *              double vaeBestRecall, long generationSeed
 * history      int n, then n × (UTF stage, int epoch, int maxEpochs, double loss, double metric,
 *              long elapsedNanos)
 * parameters   int n, then n × (UTF name, int rank, rank × long dim, float32 values row-major)
 * thresholds   (version 2 and later) int n, then n × (UTF resolution, double density,
 *              int sampleUsers, long sampleSeed, double threshold): the equal-sparsity thresholds
 *              of streamed generation computed so far
 * checksum     long, CRC-32 of every byte above
 * </pre>
 *
 * Version 1 files (no thresholds) are read as before; their thresholds are computed on first use.
 *
 * <p>All numbers are big-endian (Java's {@link DataOutputStream}).
 */
final class ModelFile {
  static final int FORMAT_VERSION = 2;
  private static final byte[] MAGIC = "SDRMJMOD".getBytes(StandardCharsets.US_ASCII);

  private ModelFile() {}

  static void write(
      Path path,
      MultiVae vae,
      LatentDenoiser denoiser,
      ModelProvenance prov,
      Collection<SampledThreshold> thresholds)
      throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = Files.createTempFile(dir, target.getFileName().toString() + ".", ".tmp");
    boolean moved = false;
    try {
      CRC32 crc = new CRC32();
      try (OutputStream file = Files.newOutputStream(tmp);
          BufferedOutputStream buffered = new BufferedOutputStream(file, 1 << 16);
          CheckedOutputStream checked = new CheckedOutputStream(buffered, crc);
          DataOutputStream out = new DataOutputStream(checked)) {
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(prov.libraryVersion());
        Map<String, String> cfg = prov.config().toProperties();
        out.writeInt(cfg.size());
        for (Map.Entry<String, String> e : cfg.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeUTF(e.getValue());
        }
        out.writeInt(prov.trainingRows());
        out.writeInt(prov.items());
        out.writeDouble(prov.fitDensity());
        out.writeInt(prov.vaeEpochs());
        out.writeInt(prov.vaeBestEpoch());
        out.writeDouble(prov.vaeBestRecall());
        out.writeLong(prov.generationSeed());
        out.writeInt(prov.history().size());
        for (TrainingEvent e : prov.history()) {
          out.writeUTF(e.stage().name());
          out.writeInt(e.epoch());
          out.writeInt(e.maxEpochs());
          out.writeDouble(e.loss());
          out.writeDouble(e.validationMetric());
          out.writeLong(e.elapsed().toNanos());
        }
        List<Param> params = new ArrayList<>(vae.params());
        params.addAll(denoiser.params());
        out.writeInt(params.size());
        for (Param p : params) {
          out.writeUTF(p.name());
          long[] shape = p.value().shape();
          out.writeInt(shape.length);
          for (long s : shape) {
            out.writeLong(s);
          }
          for (float f : p.value().dup('c').data().asFloat()) {
            out.writeFloat(f);
          }
        }
        out.writeInt(thresholds.size());
        for (SampledThreshold t : thresholds) {
          out.writeUTF(t.resolution().name());
          out.writeDouble(t.density());
          out.writeInt(t.sampleUsers());
          out.writeLong(t.sampleSeed());
          out.writeDouble(t.threshold());
        }
        out.flush();
        // the checksum itself is not part of the checksummed bytes
        new DataOutputStream(buffered).writeLong(crc.getValue());
        buffered.flush();
        file.flush();
      }
      // readable by everyone, like a file written directly (a temporary file is private)
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  static FittedSdrm read(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such file (expected an SDRM model)");
    }
    long fileSize = Files.size(path);
    CRC32 crc = new CRC32();
    try (InputStream file = Files.newInputStream(path);
        BufferedInputStream buffered = new BufferedInputStream(file, 1 << 16);
        CheckedInputStream checked = new CheckedInputStream(buffered, crc);
        DataInputStream in = new DataInputStream(checked)) {
      byte[] magic = new byte[MAGIC.length];
      int n = in.readNBytes(magic, 0, magic.length);
      if (n < MAGIC.length || !Arrays.equals(magic, MAGIC)) {
        throw new ModelFormatException(path + " is not an SDRM model file (no SDRMJMOD header)");
      }
      int version = in.readInt();
      if (version > FORMAT_VERSION) {
        throw new ModelFormatException(
            String.format(
                Locale.ROOT,
                "%s has model format version %d, newer than the %d this sdrm-java %s reads;"
                    + " upgrade sdrm-java",
                path,
                version,
                FORMAT_VERSION,
                SdrmVersion.get()));
      }
      if (version < 1) {
        throw new ModelFormatException(path + " has an invalid format version " + version);
      }
      String library = in.readUTF();
      int cfgSize = count(in, path, "configuration entries", 1000);
      Map<String, String> cfg = new LinkedHashMap<>();
      for (int i = 0; i < cfgSize; i++) {
        cfg.put(in.readUTF(), in.readUTF());
      }
      Sdrm config;
      try {
        config = Sdrm.fromProperties(cfg);
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(
            path + " has an invalid configuration: " + e.getMessage(), e);
      }
      int trainingRows = in.readInt();
      int items = in.readInt();
      double fitDensity = in.readDouble();
      int vaeEpochs = in.readInt();
      int vaeBestEpoch = in.readInt();
      double vaeBestRecall = in.readDouble();
      long generationSeed = in.readLong();
      int events = count(in, path, "history events", 10_000_000);
      List<TrainingEvent> history = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        Stage stage = parseStage(in.readUTF(), path);
        history.add(
            new TrainingEvent(
                stage,
                in.readInt(),
                in.readInt(),
                in.readDouble(),
                in.readDouble(),
                Duration.ofNanos(in.readLong())));
      }
      int paramCount = count(in, path, "parameters", 1000);
      Map<String, INDArray> values = new HashMap<>();
      for (int i = 0; i < paramCount; i++) {
        String name = in.readUTF();
        int rank = in.readInt();
        if (rank < 0 || rank > 4) {
          throw new ModelFormatException(
              path + " is corrupt: parameter " + name + " has rank " + rank);
        }
        long[] shape = new long[rank];
        long length = 1;
        for (int k = 0; k < rank; k++) {
          shape[k] = in.readLong();
          // each factor below 2^31 and the product so far too: the product cannot overflow
          if (shape[k] < 0
              || shape[k] > Integer.MAX_VALUE
              || (length *= shape[k]) > Integer.MAX_VALUE) {
            throw new ModelFormatException(
                path
                    + " is corrupt: parameter "
                    + name
                    + " has shape "
                    + Arrays.toString(Arrays.copyOf(shape, k + 1)));
          }
        }
        if (4 * length > fileSize) {
          // checked before allocating: a damaged size must not become an OutOfMemoryError
          throw new ModelFormatException(
              String.format(
                  Locale.ROOT,
                  "%s is truncated or corrupt: parameter %s has %d values, more than the file's %d"
                      + " bytes hold",
                  path,
                  name,
                  length,
                  fileSize));
        }
        float[] v = new float[(int) length];
        for (int k = 0; k < v.length; k++) {
          v[k] = in.readFloat();
        }
        values.put(name, Nd4j.create(v, shape, 'c'));
      }
      List<SampledThreshold> thresholds = new ArrayList<>();
      if (version >= 2) {
        int thresholdCount = count(in, path, "thresholds", 1000);
        for (int i = 0; i < thresholdCount; i++) {
          String res = in.readUTF();
          Resolution resolution;
          try {
            resolution = Resolution.valueOf(res);
          } catch (IllegalArgumentException e) {
            throw new ModelFormatException(path + " is corrupt: unknown resolution " + res, e);
          }
          thresholds.add(
              new SampledThreshold(
                  resolution, in.readDouble(), in.readInt(), in.readLong(), in.readDouble()));
        }
      }
      long expected = crc.getValue();
      long stored = new DataInputStream(buffered).readLong();
      if (stored != expected) {
        throw new ModelFormatException(path + " is corrupt: checksum mismatch");
      }
      if (buffered.read() != -1) {
        throw new ModelFormatException(path + " is corrupt: unexpected bytes after the checksum");
      }
      MultiVae vae =
          new MultiVae(items, config.vaeHiddenSize(), config.latentSize(), 0L, DataType.FLOAT);
      LatentDenoiser denoiser =
          new LatentDenoiser(
              config.latentSize(), config.timesteps(), config.denoiserLayers(), 0L, DataType.FLOAT);
      try {
        vae.load(values);
        denoiser.load(values);
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(path + " is corrupt: " + e.getMessage(), e);
      }
      ModelProvenance prov =
          new ModelProvenance(
              config,
              library,
              trainingRows,
              items,
              fitDensity,
              vaeEpochs,
              vaeBestEpoch,
              vaeBestRecall,
              generationSeed,
              history);
      FittedSdrm fitted = new FittedSdrm(vae, denoiser, prov);
      fitted.restoreThresholds(thresholds);
      return fitted;
    } catch (EOFException e) {
      throw new ModelFormatException(
          path + " is truncated: the file ends before the model does", e);
    }
  }

  private static int count(DataInputStream in, Path path, String what, int max) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw new ModelFormatException(
          String.format(
              Locale.ROOT, "%s is corrupt: %d %s (expected 0 to %d)", path, n, what, max));
    }
    return n;
  }

  private static Stage parseStage(String s, Path path) {
    try {
      return Stage.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(path + " is corrupt: unknown stage " + s, e);
    }
  }
}
