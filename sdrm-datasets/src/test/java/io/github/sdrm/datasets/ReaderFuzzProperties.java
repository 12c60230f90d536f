package io.github.sdrm.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every reader fed damaged input: random bytes, and valid files of each format mutated by
 * truncation, huge or negative numbers, wrong separators, a byte-order mark, CRLF line ends,
 * declared sizes far beyond the content, and empty files. A reader may succeed or throw {@link
 * DatasetFormatException} naming the file (or an {@link IOException}); any other exception — {@code
 * NumberFormatException}, {@code ArrayIndexOutOfBoundsException}, {@code
 * NegativeArraySizeException}, {@code OutOfMemoryError} — fails the property.
 */
class ReaderFuzzProperties {
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("sdrm-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid sample of each format; mutations start from these. */
  private static final List<String> SAMPLES =
      List.of(
          "1\t10\t5\t881250949\n1\t20\t4\t881250950\n2\t10\t3\t881250951\n",
          "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n",
          "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.5,964981247\n2,1,5.0,9\n",
          "B0001,A2XY,5.0,1388707200\nB0002,A2XY,4.0,1388707201\nB0001,A3ZZ,2.0,1388707202\n",
          "{\"reviewerID\": \"A2XY\", \"asin\": \"B0001\", \"overall\": 5.0}\n"
              + "{\"reviewerID\": \"A3ZZ\", \"asin\": \"B0002\", \"overall\": 4.0, \"x\": [1]}\n",
          "# rows=3 cols=4 entries=3\nuser,item,value\n0,1,1\n1,3,0\n2,0,1\n",
          "# rows=2 cols=2 entries=2 users=u1,u2 items=i1,i2\nuser,item,value\n0,0,1\n1,1,1\n",
          "%%MatrixMarket matrix coordinate integer general\n% items: a b c\n3 3 2\n1 1 1\n3 2 1\n");

  /** Tokens that break parsers: huge, negative, non-finite, separators, quotes, escapes. */
  private static final List<String> TOKENS =
      List.of(
          "2147483647",
          "2147483648",
          "-2147483648",
          "9223372036854775807",
          "99999999999999999999999",
          "-1",
          "0",
          "-0",
          "1e309",
          "NaN",
          "Infinity",
          "0x1F",
          "",
          ",",
          ";",
          "\t",
          "::",
          ":",
          " ",
          "\"",
          "\\",
          "{",
          "}",
          "[",
          "]",
          "\n",
          "\r\n",
          "\r",
          "\uFEFF",
          "%",
          "%%MatrixMarket",
          "# rows=",
          "entries=",
          "users=",
          "items=",
          "\u0000",
          "é",
          "\uD83D\uDE00",
          "null",
          "true",
          "\"overall\":",
          "\"asin\":",
          "\"reviewerID\":");

  @AfterContainer
  static void deleteDir() throws IOException {
    try (var files = Files.walk(DIR)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> mutated = Arbitraries.longs().map(ReaderFuzzProperties::mutate);
    Arbitrary<byte[]> edge =
        Arbitraries.of(
            new byte[0],
            "\n".getBytes(StandardCharsets.UTF_8),
            "\uFEFF".getBytes(StandardCharsets.UTF_8),
            "%%MatrixMarket matrix coordinate integer general\n2147483647 2147483647 2147483647\n"
                .getBytes(StandardCharsets.UTF_8),
            "# rows=2147483647 cols=2147483647 entries=2147483647\nuser,item,value\n"
                .getBytes(StandardCharsets.UTF_8),
            "# rows=1 cols=1 entries=9223372036854775807\nuser,item,value\n0,0,1\n"
                .getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, randomBytes),
        net.jqwik.api.Tuple.of(7, mutated),
        net.jqwik.api.Tuple.of(1, edge));
  }

  /** A sample with a few random mutations, a CRLF or BOM variant, or a truncation. */
  static byte[] mutate(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder s = new StringBuilder(SAMPLES.get(rnd.nextInt(SAMPLES.size())));
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = rnd.nextInt(s.length());
      switch (rnd.nextInt(6)) {
        case 0 -> s.insert(at, TOKENS.get(rnd.nextInt(TOKENS.size())));
        case 1 -> { // replace a run of characters by a token
          int end = Math.min(s.length(), at + 1 + rnd.nextInt(6));
          s.replace(at, end, TOKENS.get(rnd.nextInt(TOKENS.size())));
        }
        case 2 -> s.setLength(at); // truncated
        case 3 -> { // the whole file with CRLF line ends, or a BOM in front
          String t = rnd.nextBoolean() ? s.toString().replace("\n", "\r\n") : "\uFEFF" + s;
          s.setLength(0);
          s.append(t);
        }
        case 4 -> { // a number replaced by a huge or negative one
          for (int i = at; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
              int end = i;
              while (end < s.length() && Character.isDigit(s.charAt(end))) {
                end++;
              }
              s.replace(i, end, TOKENS.get(rnd.nextInt(8)));
              break;
            }
          }
        }
        default -> s.deleteCharAt(at);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] text = s.toString().getBytes(StandardCharsets.UTF_8);
    out.write(text, 0, text.length);
    if (rnd.nextInt(10) == 0) { // a stray invalid UTF-8 byte
      out.write(0xC3);
    }
    return out.toByteArray();
  }

  private interface Reader {
    Object read(Path p) throws IOException;
  }

  private static void check(String name, byte[] content, Reader reader) throws IOException {
    Path file = DIR.resolve(name);
    Files.write(file, content);
    try {
      reader.read(file);
    } catch (DatasetFormatException e) {
      assertEquals(file.toString(), e.file(), e.getMessage());
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    } catch (IOException e) {
      // an I/O failure is an allowed outcome (malformed input is not one of them)
    } catch (Throwable t) {
      fail(
          "reader of "
              + name
              + " threw "
              + t
              + " for input:\n"
              + new String(content, StandardCharsets.UTF_8),
          t);
    }
  }

  @Property(tries = 1000)
  void tripletCsv(@ForAll("damaged") byte[] content) throws IOException {
    check("fuzz.csv", content, TripletCsv::read);
  }

  @Property(tries = 1000)
  void tripletCsvLabeled(@ForAll("damaged") byte[] content) throws IOException {
    check("fuzz-labeled.csv", content, TripletCsv::readLabeled);
  }

  @Property(tries = 1000)
  void matrixMarket(@ForAll("damaged") byte[] content) throws IOException {
    check("fuzz.mtx", content, MatrixMarket::read);
  }

  @Property(tries = 1000)
  void movieLens100k(@ForAll("damaged") byte[] content) throws IOException {
    check("u.data", content, p -> RawRatings.read(p, RatingsFormat.MOVIELENS_100K));
  }

  @Property(tries = 1000)
  void movieLensDat(@ForAll("damaged") byte[] content) throws IOException {
    check("ratings.dat", content, p -> RawRatings.read(p, RatingsFormat.MOVIELENS_DAT));
  }

  @Property(tries = 1000)
  void movieLensCsv(@ForAll("damaged") byte[] content) throws IOException {
    check("ratings.csv", content, p -> RawRatings.read(p, RatingsFormat.MOVIELENS_CSV));
  }

  @Property(tries = 1000)
  void amazonCsv(@ForAll("damaged") byte[] content) throws IOException {
    check("amazon.csv", content, p -> RawRatings.read(p, RatingsFormat.AMAZON_CSV));
  }

  @Property(tries = 1000)
  void amazonJson(@ForAll("damaged") byte[] content) throws IOException {
    check("amazon.json", content, p -> RawRatings.read(p, RatingsFormat.AMAZON_JSON));
  }

  @Property(tries = 1000)
  void formatDetection(@ForAll("damaged") byte[] content) throws IOException {
    check("unnamed.txt", content, RatingsFormat::detect);
  }

  @Property(tries = 1000)
  void preprocessingOfWhateverWasRead(@ForAll("damaged") byte[] content) throws IOException {
    // what a reader accepts must not break the preprocessing behind the command line
    check(
        "pre.dat",
        content,
        p -> {
          try {
            return Preprocessing.builder()
                .kCore(1)
                .build()
                .apply(RawRatings.read(p, RatingsFormat.MOVIELENS_DAT));
          } catch (IllegalArgumentException e) {
            if (e instanceof NumberFormatException) {
              throw e;
            }
            return null; // e.g. nothing left after filtering: a clear message, not a crash
          }
        });
  }

  @org.junit.jupiter.api.Test
  void matrixMarketDeclaringTooManyRows_isAFormatError() throws IOException {
    // found by the properties above: an IllegalArgumentException from the matrix builder
    Path file =
        Files.writeString(
            DIR.resolve("huge.mtx"),
            "%%MatrixMarket matrix coordinate integer general\n2147483647 3 0\n");
    DatasetFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DatasetFormatException.class, () -> MatrixMarket.read(file));
    assertEquals(file + ":2: rows must be in [0, 2147483638], found 2147483647", e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void missingFile_oneMessageNamingItAndWhatWasExpected() {
    Path missing = DIR.resolve("no-such-ratings.csv");
    java.nio.file.NoSuchFileException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.nio.file.NoSuchFileException.class,
            () -> RawRatings.read(missing, RatingsFormat.MOVIELENS_CSV));
    assertEquals(
        missing + ": no such file (expected a MOVIELENS_CSV ratings file)", e.getMessage());
    assertEquals(missing.toString(), e.getFile());
  }

  @org.junit.jupiter.api.Test
  void bytesThatAreNotUtf8_formatErrorWithTheLine() throws IOException {
    Path file = DIR.resolve("latin1.csv");
    Files.write(
        file,
        "userId,movieId,rating,timestamp\n1,1,4.0,9\n1,caf\u00e9,4.0,9\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    DatasetFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DatasetFormatException.class, () -> RawRatings.read(file, RatingsFormat.MOVIELENS_CSV));
    assertEquals(3, e.line(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ":3: expected UTF-8 text"), e.getMessage());
  }
}
