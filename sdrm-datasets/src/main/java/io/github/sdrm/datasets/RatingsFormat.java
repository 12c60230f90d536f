package io.github.sdrm.datasets;

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
