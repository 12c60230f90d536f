package io.github.sdrm.datasets;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a ratings file comes from: its official URL (a plain file or a zip archive holding it), the
 * file's name, its format, and its SHA-256 when one has been verified on a real copy (null when not
 * pinned yet).
 *
 * @param name a short name ("ml-100k")
 * @param url the official download location
 * @param zipEntry the path of the ratings file inside the zip at {@code url}, or null when the URL
 *     is the file itself
 * @param fileName the file's name in a local directory or the cache
 * @param format the file's format
 * @param sha256 the lower-case hex SHA-256 of the (extracted) file, or null when not pinned
 */
public record DatasetSource(
    String name, URI url, String zipEntry, String fileName, RatingsFormat format, String sha256) {

  /** Validates the fields. */
  public DatasetSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(format, "format");
    if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "sha256 must be 64 lower-case hex digits, found '%s'", sha256));
    }
  }
}
