package io.github.sdrm.recsys;

import java.util.PriorityQueue;

/** Top-k selection over a score vector, for {@link Recommender#recommend}. */
final class TopK {
  private TopK() {}

  /**
   * The k best items by score (ties: lower index first), skipping {@code seen} (ascending) and NaN
   * scores, best first.
   */
  static int[] unseen(float[] scores, int[] seen, int k) {
    // a min-heap of the best k so far: the worst kept item on top
    PriorityQueue<Integer> heap =
        new PriorityQueue<>(
            k + 1, (a, b) -> better(scores, a, b) ? 1 : better(scores, b, a) ? -1 : 0);
    int s = 0;
    for (int i = 0; i < scores.length; i++) {
      while (s < seen.length && seen[s] < i) {
        s++;
      }
      if ((s < seen.length && seen[s] == i) || Float.isNaN(scores[i])) {
        continue;
      }
      if (heap.size() < k) {
        heap.add(i);
      } else if (better(scores, i, heap.peek())) {
        heap.poll();
        heap.add(i);
      }
    }
    int[] out = new int[heap.size()];
    for (int j = out.length - 1; j >= 0; j--) {
      out[j] = heap.poll();
    }
    return out;
  }

  /** Whether item a ranks above item b. */
  private static boolean better(float[] scores, int a, int b) {
    return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
  }
}
