package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Damaged model files — the committed golden file truncated, with bytes flipped, with counts and
 * shapes overwritten by huge or negative numbers, or with bytes inserted — either load or fail with
 * {@link ModelFormatException} naming the file; never another exception, never an {@link
 * OutOfMemoryError} from a size read out of the file.
 */
class ModelFileFuzzProperties {
  private static final byte[] GOLDEN;
  private static final Path DIR;

  static {
    try (InputStream in = ModelFileFuzzProperties.class.getResourceAsStream("golden-v1.sdrm")) {
      GOLDEN = in.readAllBytes();
      DIR = Files.createTempDirectory("sdrm-model-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Offsets of the golden file's small positive longs: shape entries among them. */
  private static final int[] SMALL_LONGS = smallLongOffsets();

  private static int[] smallLongOffsets() {
    ByteBuffer buffer = ByteBuffer.wrap(GOLDEN);
    return java.util.stream.IntStream.range(0, GOLDEN.length - 8)
        .filter(i -> buffer.getLong(i) >= 1 && buffer.getLong(i) <= 100_000)
        .toArray();
  }

  private static final int[] HUGE = {
    Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1, 1 << 30, 999_999_999, 65_535
  };

  @AfterContainer
  static void deleteDir() throws IOException {
    try (var files = Files.list(DIR)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(DIR);
  }

  static byte[] damage(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] b = GOLDEN.clone();
    int edits = 1 + rnd.nextInt(3);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = rnd.nextInt(b.length);
      switch (rnd.nextInt(5)) {
        case 0 -> b = Arrays.copyOf(b, at); // truncated
        case 1 -> b[at] ^= (byte) (1 << rnd.nextInt(8)); // one bit flipped
        case 2 -> { // an int (a count, a rank, a size) overwritten
          if (at + 4 <= b.length) {
            ByteBuffer.wrap(b, at, 4).putInt(HUGE[rnd.nextInt(HUGE.length)]);
          }
        }
        case 3 -> { // a long (a shape entry) overwritten
          if (rnd.nextBoolean() && SMALL_LONGS.length > 0) {
            at = SMALL_LONGS[rnd.nextInt(SMALL_LONGS.length)];
          }
          if (at + 8 <= b.length) {
            ByteBuffer.wrap(b, at, 8)
                .putLong(
                    rnd.nextBoolean() ? Long.MAX_VALUE : (long) HUGE[rnd.nextInt(HUGE.length)]);
          }
        }
        default -> { // bytes inserted
          byte[] extra = new byte[1 + rnd.nextInt(8)];
          rnd.nextBytes(extra);
          byte[] c = new byte[b.length + extra.length];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(extra, 0, c, at, extra.length);
          System.arraycopy(b, at, c, at + extra.length, b.length - at);
          b = c;
        }
      }
    }
    return b;
  }

  @Property(tries = 1000)
  void damagedModelFile_loadsOrFailsClearly(@ForAll long seed) throws IOException {
    byte[] content = damage(seed);
    Path file = DIR.resolve("damaged.sdrm");
    Files.write(file, content);
    try {
      FittedSdrm.load(file);
    } catch (ModelFormatException e) {
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    } catch (IOException e) {
      // an I/O failure is an allowed outcome
    } catch (Throwable t) {
      fail(
          "loading a damaged model file (seed "
              + seed
              + ", "
              + content.length
              + " bytes)"
              + " threw "
              + t,
          t);
    }
  }

  @org.junit.jupiter.api.Test
  void overflowingShape_isReportedNotAllocated() throws IOException {
    // seed -4 overwrites a shape entry so that the product of the shape overflowed a long and
    // reached new float[-8] (found by the property above)
    Path file = DIR.resolve("overflow.sdrm");
    Files.write(file, damage(-4));
    ModelFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ModelFormatException.class, () -> FittedSdrm.load(file));
    assertTrue(e.getMessage().startsWith(file + " is"), e.getMessage());
  }
}
