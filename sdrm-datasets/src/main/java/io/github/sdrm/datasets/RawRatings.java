package io.github.sdrm.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw ratings read from a public file: original user and item ids (as text) with their ratings,
 * compactly stored (ids are interned to int codes in order of first appearance).
 */
public final class RawRatings {
  private final List<String> userIds;
  private final List<String> itemIds;
  private final int[] users;
  private final int[] items;
  private final float[] ratings;

  private RawRatings(
      List<String> userIds, List<String> itemIds, int[] users, int[] items, float[] ratings) {
    this.userIds = userIds;
    this.itemIds = itemIds;
    this.users = users;
    this.items = items;
    this.ratings = ratings;
  }

  /**
   * Reads a ratings file line by line (the text is never held in memory as a whole).
   *
   * @throws DatasetFormatException on a malformed line, as {@code file:line: expected ..., found
   *     ...}, on a header where none is expected or a missing one, and on an empty file
   * @throws IOException if the file cannot be read
   */
  public static RawRatings read(Path path, RatingsFormat format) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    String name = path.toString();
    Map<String, Integer> userCodes = new HashMap<>();
    Map<String, Integer> itemCodes = new HashMap<>();
    List<String> userIds = new ArrayList<>();
    List<String> itemIds = new ArrayList<>();
    int[] users = new int[1024];
    int[] items = new int[1024];
    float[] ratings = new float[1024];
    int n = 0;
    String delimiter = format.delimiter();
    try (BufferedReader in = TextInput.open(path, "a " + format + " ratings file")) {
      String line;
      long lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && format.hasHeader()) {
          if (!line.toLowerCase(Locale.ROOT).startsWith("userid")) {
            throw new DatasetFormatException(
                name,
                1,
                "expected the header 'userId,movieId,rating,timestamp', found '"
                    + abbreviate(line)
                    + "'");
          }
          continue;
        }
        if (line.isBlank()) {
          continue;
        }
        String[] f = delimiter == null ? jsonFields(line, name, lineNo) : split(line, delimiter);
        if (f.length < 3) {
          throw new DatasetFormatException(
              name,
              lineNo,
              String.format(
                  Locale.ROOT,
                  "expected at least 3 fields separated by '%s' (user, item, rating), found %d in"
                      + " '%s'",
                  printable(delimiter),
                  f.length,
                  abbreviate(line)));
        }
        float rating;
        try {
          rating = Float.parseFloat(f[2].trim());
        } catch (NumberFormatException e) {
          if (lineNo == 1) {
            throw new DatasetFormatException(
                name,
                1,
                "expected a numeric rating, found '"
                    + abbreviate(f[2])
                    + "' (a header line? this format has none)");
          }
          throw new DatasetFormatException(
              name, lineNo, "expected a numeric rating, found '" + abbreviate(f[2]) + "'");
        }
        if (!Float.isFinite(rating)) {
          throw new DatasetFormatException(name, lineNo, "expected a finite rating, found " + f[2]);
        }
        String user = f[format.userField()].trim();
        String item = f[format.itemField()].trim();
        if (user.isEmpty() || item.isEmpty()) {
          throw new DatasetFormatException(
              name,
              lineNo,
              "expected non-empty user and item ids, found '" + abbreviate(line) + "'");
        }
        if (n == users.length) {
          users = Arrays.copyOf(users, n * 2);
          items = Arrays.copyOf(items, n * 2);
          ratings = Arrays.copyOf(ratings, n * 2);
        }
        users[n] = code(user, userCodes, userIds);
        items[n] = code(item, itemCodes, itemIds);
        ratings[n] = rating;
        n++;
      }
      if (n == 0) {
        throw new DatasetFormatException(name, 0, "expected ratings, found an empty file");
      }
    }
    return new RawRatings(
        userIds,
        itemIds,
        Arrays.copyOf(users, n),
        Arrays.copyOf(items, n),
        Arrays.copyOf(ratings, n));
  }

  private static int code(String id, Map<String, Integer> codes, List<String> ids) {
    Integer c = codes.get(id);
    if (c == null) {
      c = ids.size();
      codes.put(id, c);
      ids.add(id);
    }
    return c;
  }

  private static final Pattern JSON_REVIEWER = jsonString("reviewerID");
  private static final Pattern JSON_ASIN = jsonString("asin");
  private static final Pattern JSON_OVERALL =
      Pattern.compile("\"overall\"\\s*:\\s*\"?([-+0-9.eE]+)\"?");

  private static Pattern jsonString(String field) {
    return Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  }

  /** user, item, rating of a JSON review line (the three top-level fields the format needs). */
  private static String[] jsonFields(String line, String name, long lineNo) {
    String trimmed = line.trim();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      throw new DatasetFormatException(
          name, lineNo, "expected a JSON object per line, found '" + abbreviate(line) + "'");
    }
    Matcher user = JSON_REVIEWER.matcher(trimmed);
    Matcher item = JSON_ASIN.matcher(trimmed);
    Matcher rating = JSON_OVERALL.matcher(trimmed);
    if (!user.find() || !item.find() || !rating.find()) {
      throw new DatasetFormatException(
          name,
          lineNo,
          "expected fields reviewerID, asin and overall, found '" + abbreviate(line) + "'");
    }
    return new String[] {user.group(1), item.group(1), rating.group(1)};
  }

  private static String[] split(String line, String delimiter) {
    List<String> out = new ArrayList<>(4);
    int from = 0;
    while (true) {
      int at = line.indexOf(delimiter, from);
      if (at < 0) {
        out.add(line.substring(from));
        return out.toArray(new String[0]);
      }
      out.add(line.substring(from, at));
      from = at + delimiter.length();
    }
  }

  private static String printable(String delimiter) {
    return delimiter.equals("\t") ? "\\t" : delimiter;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /** Number of ratings. */
  public int size() {
    return ratings.length;
  }

  /** The original id of user code {@code c}. */
  String userId(int c) {
    return userIds.get(c);
  }

  /** The original id of item code {@code c}. */
  String itemId(int c) {
    return itemIds.get(c);
  }

  int userCount() {
    return userIds.size();
  }

  int itemCount() {
    return itemIds.size();
  }

  int user(int i) {
    return users[i];
  }

  int item(int i) {
    return items[i];
  }

  float rating(int i) {
    return ratings[i];
  }

  /** Counts, for logs: {@code RawRatings[100000 ratings, 943 users, 1682 items]}. */
  @Override
  public String toString() {
    return "RawRatings["
        + ratings.length
        + " ratings, "
        + userIds.size()
        + " users, "
        + itemIds.size()
        + " items]";
  }
}
