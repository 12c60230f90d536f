package io.github.sdrm.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a dataset's ratings file: in a local directory, in the cache, or by downloading it from its
 * official location into the cache.
 *
 * <p>The cache directory is the system property {@code sdrm.cache.dir}, else the environment
 * variable {@code SDRM_CACHE_DIR}, else {@code ~/.sdrm/datasets}. A download is written to a
 * temporary file, extracted from its zip when needed, verified against the pinned SHA-256 (when
 * there is one) and only then moved into place; on a checksum mismatch or a truncated archive the
 * temporary files are deleted and the error says so. Without network access the error names the
 * URL, the file, and the path where it can be put by hand.
 */
public final class Datasets {
  private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);

  private Datasets() {}

  /** The cache directory (see the class documentation). */
  public static Path cacheDirectory() {
    String property = System.getProperty("sdrm.cache.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv("SDRM_CACHE_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".sdrm", "datasets");
  }

  /** The dataset's ratings, from {@code localDirectory} if it has the file, else the cache. */
  public static RawRatings ratings(PaperDataset dataset, Path localDirectory) throws IOException {
    DatasetSource s = dataset.source();
    return RawRatings.read(locate(s, localDirectory, cacheDirectory()), s.format());
  }

  /**
   * The path of a source's file: {@code localDirectory/fileName} when it exists (not verified: the
   * user put it there), else {@code cacheDirectory/name/fileName}, downloading it first if absent.
   *
   * @param localDirectory may be null
   * @throws IOException if the file is absent and cannot be downloaded; the message says where to
   *     put it by hand
   * @throws DatasetFormatException if the download's checksum does not match
   */
  public static Path locate(DatasetSource source, Path localDirectory, Path cacheDirectory)
      throws IOException {
    Objects.requireNonNull(source, "source");
    if (localDirectory != null) {
      Path local = localDirectory.resolve(source.fileName());
      if (Files.isRegularFile(local)) {
        return local;
      }
    }
    Path dir = cacheDirectory.resolve(source.name());
    Path target = dir.resolve(source.fileName());
    if (Files.isRegularFile(target)) {
      return target;
    }
    Files.createDirectories(dir);
    download(source, target);
    return target;
  }

  private static void download(DatasetSource source, Path target) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
    boolean done = false;
    try {
      LOG.info("downloading {} from {}", source.name(), source.url());
      String sha;
      try (InputStream in = source.url().toURL().openStream()) {
        sha = source.zipEntry() == null ? copy(in, tmp) : extract(in, source, tmp);
      } catch (IOException e) {
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
          throw new DatasetFormatException(
              source.url().toString(),
              0,
              "expected a complete zip archive, found a truncated or damaged one ("
                  + e.getMessage()
                  + "); the partial download was deleted");
        }
        throw new IOException(
            String.format(
                Locale.ROOT,
                "could not download %s from %s (%s). Without network access, download it by hand"
                    + " and put %s at %s",
                source.name(),
                source.url(),
                e.getMessage(),
                source.fileName(),
                target),
            e);
      }
      if (source.sha256() == null) {
        LOG.warn("{}: no checksum pinned yet; downloaded file has SHA-256 {}", source.name(), sha);
      } else if (!source.sha256().equals(sha)) {
        throw new DatasetFormatException(
            source.url().toString(),
            0,
            String.format(
                Locale.ROOT,
                "checksum mismatch for %s: expected SHA-256 %s, found %s; the download was deleted",
                source.fileName(),
                source.sha256(),
                sha));
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static String extract(InputStream in, DatasetSource source, Path tmp) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.getName().equals(source.zipEntry())) {
          return copy(zip, tmp);
        }
      }
    }
    throw new DatasetFormatException(
        source.url().toString(),
        0,
        "expected the archive to contain "
            + source.zipEntry()
            + ", found no such entry (or a"
            + " truncated archive); the partial download was deleted");
  }

  /** Copies to {@code out} and returns the SHA-256 of what was copied. */
  private static String copy(InputStream in, Path out) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    try (DigestInputStream digest = new DigestInputStream(in, sha);
        OutputStream os = Files.newOutputStream(out)) {
      digest.transferTo(os);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The lower-case hex SHA-256 of a file. */
  public static String sha256(Path file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
