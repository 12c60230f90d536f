package io.github.sdrm.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Public rating-file formats, each a delimited text file with one rating per line. */
public enum RatingsFormat {
  /** MovieLens 100K {@code u.data}: {@code user<TAB>item<TAB>rating<TAB>timestamp}, no header. */
  MOVIELENS_100K("\t", false, 0, 1),
  /** MovieLens 1M/10M {@code ratings.dat}: {@code user::item::rating::timestamp}, no header. */
  MOVIELENS_DAT("::", false, 0, 1),
  /** MovieLens {@code ratings.csv}: header {@code userId,movieId,rating,timestamp}. */
  MOVIELENS_CSV(",", true, 0, 1),
  /** Amazon ratings-only CSV: {@code item,user,rating,timestamp}, no header. */
  AMAZON_CSV(",", false, 1, 0),
  /**
   * Amazon 5-core JSON lines: one review object per line with {@code reviewerID}, {@code asin} and
   * {@code overall}; other fields are ignored.
   */
  AMAZON_JSON(null, false, 0, 1);

  private final String delimiter;
  private final boolean header;
  private final int userField;
  private final int itemField;

  RatingsFormat(String delimiter, boolean header, int userField, int itemField) {
    this.delimiter = delimiter;
    this.header = header;
    this.userField = userField;
    this.itemField = itemField;
  }

  /**
   * Tells a ratings file's format from its name ({@code u.data}, {@code *.dat}, {@code
   * ratings.csv}, {@code *.json} / {@code *.jsonl}) or, failing that, from its first non-empty
   * line: a JSON object, {@code ::} separators, tabs, a {@code userId,...} header, or four
   * comma-separated fields (Amazon's item,user,rating,timestamp).
   *
   * @throws DatasetFormatException if neither tells, naming the file and quoting the line
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static RatingsFormat detect(Path path) throws IOException {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.equals("u.data")) {
      return MOVIELENS_100K;
    }
    if (name.endsWith(".dat")) {
      return MOVIELENS_DAT;
    }
    if (name.equals("ratings.csv")) {
      return MOVIELENS_CSV;
    }
    if (name.endsWith(".json") || name.endsWith(".jsonl")) {
      return AMAZON_JSON;
    }
    String first = null;
    try (BufferedReader in = TextInput.open(path, "a ratings file")) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          first = line.strip();
          break;
        }
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new DatasetFormatException(
          path.toString(), 1, "cannot tell the ratings format:" + " the file is not UTF-8 text");
    }
    if (first == null) {
      throw new DatasetFormatException(
          path.toString(), 0, "cannot tell the ratings format of" + " an empty file");
    }
    if (first.charAt(0) == '\uFEFF') {
      first = first.substring(1);
    }
    if (first.startsWith("{")) {
      return AMAZON_JSON;
    }
    if (first.contains("::")) {
      return MOVIELENS_DAT;
    }
    if (first.contains("\t")) {
      return MOVIELENS_100K;
    }
    if (first.toLowerCase(Locale.ROOT).startsWith("userid,")) {
      return MOVIELENS_CSV;
    }
    if (first.split(",", -1).length == 4) {
      return AMAZON_CSV;
    }
    throw new DatasetFormatException(
        path.toString(),
        1,
        "cannot tell the ratings format from"
            + " the name or from the first line '"
            + (first.length() <= 80 ? first : first.substring(0, 77) + "...")
            + "'; expected u.data, ratings.dat, ratings.csv,"
            + " Amazon CSV or JSON lines");
  }

  String delimiter() {
    return delimiter;
  }

  boolean hasHeader() {
    return header;
  }

  int userField() {
    return userField;
  }

  int itemField() {
    return itemField;
  }
}
