package io.github.sdrm.datasets;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The SDRM reference's preprocessing of raw ratings, each step configurable:
 *
 * <ol>
 *   <li>label = 1 when rating ≥ the like threshold (default 4), else 0; every rating is kept as a
 *       stored entry (a stored 0 is "disliked");
 *   <li>iterative k-core on positives (default 5): users and items with fewer than k label-1
 *       entries are dropped with all their entries, until none is left to drop (the result, the
 *       maximal such core, does not depend on the order of removals);
 *   <li>users and items indexed by ascending original id (numerically when every id is an integer,
 *       else as text);
 *   <li>users split by fractions (default 0.7 / 0.2 / rest) in index order, as the reference, or
 *       shuffled with a seed: train = first ⌊0.7·U⌋, test = next ⌊0.2·U⌋, valid = the rest.
 * </ol>
 *
 * Duplicate (user, item) ratings: by default the last one in file order is kept ({@link
 * Duplicates#KEEP_LAST}); {@link Duplicates#ERROR} rejects them.
 */
public final class Preprocessing {

  /** What to do with several ratings of one user for one item. */
  public enum Duplicates {
    /** Keep the rating that comes last in the file (the default). */
    KEEP_LAST,
    /** Keep the rating that comes first in the file. */
    KEEP_FIRST,
    /** Reject the input. */
    ERROR
  }

  private final double likeThreshold;
  private final int kCore;
  private final Duplicates duplicates;
  private final double trainFraction;
  private final double testFraction;
  private final Long shuffleSeed;

  private Preprocessing(Builder b) {
    likeThreshold = b.likeThreshold;
    kCore = b.kCore;
    duplicates = b.duplicates;
    trainFraction = b.trainFraction;
    testFraction = b.testFraction;
    shuffleSeed = b.shuffleSeed;
  }

  /** The reference's defaults. */
  public static Preprocessing defaults() {
    return builder().build();
  }

  /** A builder at the reference's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Applies every step.
   *
   * @throws IllegalArgumentException if the k-core removes every rating, or on a duplicate with
   *     {@link Duplicates#ERROR}
   */
  public Dataset apply(RawRatings raw) {
    Objects.requireNonNull(raw, "raw");
    // 1. one rating per (user, item), then labels
    Map<Long, Integer> kept = new HashMap<>(raw.size() * 2);
    for (int i = 0; i < raw.size(); i++) {
      long key = ((long) raw.user(i) << 32) | raw.item(i);
      Integer previous = kept.get(key);
      if (previous != null) {
        if (duplicates == Duplicates.ERROR) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "duplicate rating of user %s for item %s (ratings %d and %d in file order)",
                  raw.userId(raw.user(i)),
                  raw.itemId(raw.item(i)),
                  previous + 1,
                  i + 1));
        }
        if (duplicates == Duplicates.KEEP_FIRST) {
          continue;
        }
      }
      kept.put(key, i);
    }
    int[] entries = kept.values().stream().mapToInt(Integer::intValue).sorted().toArray();

    // 2. iterative k-core on positives
    boolean[] userAlive = new boolean[raw.userCount()];
    boolean[] itemAlive = new boolean[raw.itemCount()];
    Arrays.fill(userAlive, true);
    Arrays.fill(itemAlive, true);
    boolean changed = true;
    while (changed) {
      int[] userPos = new int[userAlive.length];
      int[] itemPos = new int[itemAlive.length];
      for (int e : entries) {
        int u = raw.user(e);
        int it = raw.item(e);
        if (userAlive[u] && itemAlive[it] && raw.rating(e) >= likeThreshold) {
          userPos[u]++;
          itemPos[it]++;
        }
      }
      changed = false;
      for (int u = 0; u < userAlive.length; u++) {
        if (userAlive[u] && userPos[u] < kCore) {
          userAlive[u] = false;
          changed = true;
        }
      }
      for (int it = 0; it < itemAlive.length; it++) {
        if (itemAlive[it] && itemPos[it] < kCore) {
          itemAlive[it] = false;
          changed = true;
        }
      }
    }

    // 3. ascending-id indexing
    int[] userIndex = index(userAlive, raw::userId);
    int[] itemIndex = index(itemAlive, raw::itemId);
    List<String> userIds = ids(userIndex, raw::userId);
    List<String> itemIds = ids(itemIndex, raw::itemId);
    if (userIds.isEmpty() || itemIds.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the %d-core on ratings >= %s removes every user and item of the %d ratings; lower"
                  + " kCore or the like threshold",
              kCore,
              likeThreshold,
              raw.size()));
    }
    InteractionMatrix.Builder b = InteractionMatrix.builder(userIds.size(), itemIds.size());
    for (int e : entries) {
      int u = userIndex[raw.user(e)];
      int it = itemIndex[raw.item(e)];
      if (u >= 0 && it >= 0) {
        b.add(u, it, raw.rating(e) >= likeThreshold ? 1 : 0);
      }
    }
    InteractionMatrix full = b.build();

    // 4. user split
    int n = full.rows();
    int[] order =
        shuffleSeed == null
            ? Permutations.range(0, n)
            : Permutations.random(n, new SplittableRandom(shuffleSeed));
    int nTrain = (int) Math.floor(trainFraction * n);
    int nTest = (int) Math.floor(testFraction * n);
    return new Dataset(
        full,
        userIds,
        itemIds,
        Arrays.copyOfRange(order, 0, nTrain),
        Arrays.copyOfRange(order, nTrain, nTrain + nTest),
        Arrays.copyOfRange(order, nTrain + nTest, n));
  }

  /** For every alive code its index in ascending-id order, -1 for dropped codes. */
  private static int[] index(boolean[] alive, java.util.function.IntFunction<String> id) {
    List<Integer> codes = new ArrayList<>();
    boolean numeric = true;
    for (int c = 0; c < alive.length; c++) {
      if (alive[c]) {
        codes.add(c);
        numeric &= isInteger(id.apply(c));
      }
    }
    Comparator<Integer> cmp =
        numeric
            ? Comparator.comparingLong(c -> Long.parseLong(id.apply(c)))
            : Comparator.comparing(id::apply);
    codes.sort(cmp);
    int[] index = new int[alive.length];
    Arrays.fill(index, -1);
    for (int i = 0; i < codes.size(); i++) {
      index[codes.get(i)] = i;
    }
    return index;
  }

  private static List<String> ids(int[] index, java.util.function.IntFunction<String> id) {
    int n = 0;
    for (int v : index) {
      n = Math.max(n, v + 1);
    }
    String[] out = new String[n];
    for (int c = 0; c < index.length; c++) {
      if (index[c] >= 0) {
        out[index[c]] = id.apply(c);
      }
    }
    return List.of(out);
  }

  private static boolean isInteger(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  /** Builds a {@link Preprocessing}; setters reject bad values at once. */
  public static final class Builder {
    private double likeThreshold = 4.0;
    private int kCore = 5;
    private Duplicates duplicates = Duplicates.KEEP_LAST;
    private double trainFraction = 0.7;
    private double testFraction = 0.2;
    private Long shuffleSeed;

    private Builder() {}

    /** Ratings at or above this are likes (label 1); default 4. */
    public Builder likeThreshold(double threshold) {
      if (!Double.isFinite(threshold)) {
        throw new IllegalArgumentException("likeThreshold must be finite, found " + threshold);
      }
      likeThreshold = threshold;
      return this;
    }

    /** Minimum positives per user and item; 0 or 1 disables the core (default 5). */
    public Builder kCore(int k) {
      if (k < 0) {
        throw new IllegalArgumentException("kCore must be at least 0, found " + k);
      }
      kCore = k;
      return this;
    }

    /** Policy for duplicate (user, item) ratings (default {@link Duplicates#KEEP_LAST}). */
    public Builder duplicates(Duplicates policy) {
      duplicates = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Train and test fractions of the users; valid gets the rest (default 0.7 and 0.2). */
    public Builder fractions(double train, double test) {
      if (!(train > 0 && test >= 0 && train + test <= 1)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "fractions must satisfy train > 0, test >= 0, train + test <= 1, found %s and %s",
                train,
                test));
      }
      trainFraction = train;
      testFraction = test;
      return this;
    }

    /** Shuffle users with this seed before splitting (default: index order, as the reference). */
    public Builder shuffle(long seed) {
      shuffleSeed = seed;
      return this;
    }

    /** Builds the configuration. */
    public Preprocessing build() {
      return new Preprocessing(this);
    }
  }
}
