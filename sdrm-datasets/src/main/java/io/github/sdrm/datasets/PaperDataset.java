package io.github.sdrm.datasets;

import java.net.URI;

/**
 * The four datasets of the SDRM paper, from their official public files. Only ML-100K's checksum is
 * pinned (SHA-256 of the extracted {@code u.data}, verified on a real copy); the others are
 * downloaded without verification until a checksum has been verified, and say so in the log.
 */
public enum PaperDataset {
  /** MovieLens 100K (GroupLens). */
  ML_100K(
      new DatasetSource(
          "ml-100k",
          URI.create("https://files.grouplens.org/datasets/movielens/ml-100k.zip"),
          "ml-100k/u.data",
          "u.data",
          RatingsFormat.MOVIELENS_100K,
          "06416e597f82b7342361e41163890c81036900f418ad91315590814211dca490")),
  /** MovieLens 1M (GroupLens); checksum not pinned yet. */
  ML_1M(
      new DatasetSource(
          "ml-1m",
          URI.create("https://files.grouplens.org/datasets/movielens/ml-1m.zip"),
          "ml-1m/ratings.dat",
          "ratings.dat",
          RatingsFormat.MOVIELENS_DAT,
          null)),
  /** Amazon Digital Music, ratings only (McAuley lab, 2018 release); checksum not pinned yet. */
  ADM(
      new DatasetSource(
          "adm",
          URI.create(
              "https://jmcauley.ucsd.edu/data/amazon_v2/categoryFilesSmall/Digital_Music.csv"),
          null,
          "Digital_Music.csv",
          RatingsFormat.AMAZON_CSV,
          null)),
  /** Amazon Luxury Beauty, ratings only (McAuley lab, 2018 release); checksum not pinned yet. */
  ALB(
      new DatasetSource(
          "alb",
          URI.create(
              "https://jmcauley.ucsd.edu/data/amazon_v2/categoryFilesSmall/Luxury_Beauty.csv"),
          null,
          "Luxury_Beauty.csv",
          RatingsFormat.AMAZON_CSV,
          null));

  private final DatasetSource source;

  PaperDataset(DatasetSource source) {
    this.source = source;
  }

  /** The official source. */
  public DatasetSource source() {
    return source;
  }

  /** Looks a dataset up by its short name ("ml-100k", "ml-1m", "adm", "alb"). */
  public static PaperDataset byName(String name) {
    for (PaperDataset d : values()) {
      if (d.source.name().equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "dataset must be one of ml-100k, ml-1m, adm, alb; found " + name);
  }
}
