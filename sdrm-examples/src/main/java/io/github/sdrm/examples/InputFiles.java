package io.github.sdrm.examples;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.Dataset;
import io.github.sdrm.datasets.LabeledMatrix;
import io.github.sdrm.datasets.MatrixMarket;
import io.github.sdrm.datasets.Preprocessing;
import io.github.sdrm.datasets.RatingsFormat;
import io.github.sdrm.datasets.RawRatings;
import io.github.sdrm.datasets.TripletCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Input files of the command line: formats by name or content, and item alignment. */
final class InputFiles {
  /** {@code --format} names of the ratings formats, in the order the help lists them. */
  static final Map<String, RatingsFormat> RATINGS_FORMATS = new LinkedHashMap<>();

  static {
    RATINGS_FORMATS.put("u.data", RatingsFormat.MOVIELENS_100K);
    RATINGS_FORMATS.put("ratings.dat", RatingsFormat.MOVIELENS_DAT);
    RATINGS_FORMATS.put("ratings.csv", RatingsFormat.MOVIELENS_CSV);
    RATINGS_FORMATS.put("amazon-csv", RatingsFormat.AMAZON_CSV);
    RATINGS_FORMATS.put("amazon-json", RatingsFormat.AMAZON_JSON);
  }

  private InputFiles() {}

  /** Reads any supported input; item ids are kept when the format has them. */
  static LabeledMatrix load(Path input, String format) throws IOException {
    requireFile(input);
    String f = formatName(input, format);
    RatingsFormat ratings = ratingsFormat(f);
    if (ratings == null) {
      return f.equals("mtx") ? MatrixMarket.read(input) : TripletCsv.readLabeled(input);
    }
    Dataset d = Preprocessing.defaults().apply(RawRatings.read(input, ratings));
    return LabeledMatrix.of(d);
  }

  /** Throws {@link NoSuchFileException} (reported as "file not found") unless a file. */
  static void requireFile(Path input) throws NoSuchFileException {
    if (!Files.isRegularFile(input)) {
      throw new NoSuchFileException(input.toString());
    }
  }

  /**
   * The format's command-line name: the one given, else Matrix Market and split CSV by their first
   * line (or a .mtx name), else {@link RatingsFormat#detect}.
   */
  static String formatName(Path input, String format) throws IOException {
    if (format != null) {
      return format;
    }
    if (input.getFileName().toString().endsWith(".mtx")) {
      return "mtx";
    }
    String first;
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.ISO_8859_1)) {
      first = in.readLine();
    }
    if (first != null && first.startsWith("%%MatrixMarket")) {
      return "mtx";
    }
    if (first != null && first.startsWith("# rows=")) {
      return "csv";
    }
    RatingsFormat detected = RatingsFormat.detect(input);
    for (Map.Entry<String, RatingsFormat> e : RATINGS_FORMATS.entrySet()) {
      if (e.getValue() == detected) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("no --format name for " + detected);
  }

  /**
   * The ratings format of a {@code --format} name, or null for the interaction formats {@code csv}
   * (split triplets) and {@code mtx}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  static RatingsFormat ratingsFormat(String f) {
    if (f.equals("csv") || f.equals("mtx")) {
      return null;
    }
    RatingsFormat r = RATINGS_FORMATS.get(f);
    if (r == null) {
      throw new IllegalArgumentException(
          "--format must be one of "
              + String.join(", ", RATINGS_FORMATS.keySet())
              + ", csv, mtx; found "
              + f);
    }
    return r;
  }

  /** Maps a synthetic matrix's columns onto the dataset's items by id. */
  static InteractionMatrix align(
      LabeledMatrix synthetic, List<String> itemIds, int items, String file) {
    List<String> ids = synthetic.itemIds();
    if (ids == null || itemIds == null) {
      if (synthetic.matrix().columns() != items) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s has %d items but the dataset has %d",
                file,
                synthetic.matrix().columns(),
                items));
      }
      return synthetic.matrix();
    }
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < itemIds.size(); i++) {
      column.put(itemIds.get(i), i);
    }
    int[] map = new int[ids.size()];
    for (int c = 0; c < ids.size(); c++) {
      Integer to = column.get(ids.get(c));
      if (to == null) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: item id '%s' is not an item of the preprocessed dataset",
                file,
                ids.get(c)));
      }
      map[c] = to;
    }
    InteractionMatrix.Builder b = InteractionMatrix.builder(synthetic.matrix().rows(), items);
    synthetic.matrix().forEachStored((r, c, v) -> b.add(r, map[c], v));
    return b.build();
  }

  /**
   * The folder of a dataset's reference splits, {@code data/sdrm-splits/name}.
   *
   * @throws IllegalArgumentException if it does not exist, naming the dataset and the folder
   */
  static Path splits(Path data, String name) {
    Path dir = data.resolve("sdrm-splits").resolve(name);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "no reference splits for dataset '" + name + "' at " + dir);
    }
    return dir;
  }

  /** Throws unless the folder that will hold {@code file} exists. */
  static void requireParentFolder(Path file, String option) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException(option + ": folder " + parent + " does not exist");
    }
  }
}
