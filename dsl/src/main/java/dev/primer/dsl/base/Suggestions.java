package dev.primer.dsl.base;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean …?" for a mistyped word: the closest known word by edit distance. */
public final class Suggestions {
  private Suggestions() {
    throw new AssertionError("no instances");
  }

  /**
   * The known word closest to {@code word} by Levenshtein distance, if within a third of the
   * word's length (at least 1, at most 3 edits).
   */
  public static Optional<String> closest(String word, Collection<String> known) {
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    return known.stream()
        .filter(k -> distance(word, k) <= limit)
        .min(Comparator.comparingInt(k -> distance(word, k)));
  }

  /** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
