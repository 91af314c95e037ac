package dev.primer.dsl.base;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" for a mistyped word: the known word that differs only in case, else the
 * closest known word by edit distance (a swap of two neighbouring letters counts as one edit).
 */
public final class Suggestions {
  private Suggestions() {
    throw new AssertionError("no instances");
  }

  /**
   * The known word equal to {@code word} but for case ({@code RELU}: {@code relu}); else the
   * known word closest to it by {@link #distance}, ignoring case, if within a third of the
   * word's length (at least 1, at most 3 edits; {@code rleu}: {@code relu}). Among equally close
   * words the first listed.
   */
  public static Optional<String> closest(String word, Collection<String> known) {
    Optional<String> sameLetters = known.stream().filter(word::equalsIgnoreCase).findFirst();
    if (sameLetters.isPresent()) {
      return sameLetters;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    String best = null;
    int bestDistance = limit + 1;
    for (String k : known) {
      // the distance is at least the difference in length: a long hostile word costs nothing
      if (Math.abs(k.length() - word.length()) < bestDistance) {
        int d = distance(lower, k.toLowerCase(Locale.ROOT));
        if (d < bestDistance) {
          best = k;
          bestDistance = d;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Edit distance with adjacent transpositions (optimal string alignment): insertions,
   * deletions, substitutions and swaps of two neighbouring letters, each costing 1.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
