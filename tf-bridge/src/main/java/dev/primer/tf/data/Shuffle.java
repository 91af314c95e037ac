package dev.primer.tf.data;

import java.util.SplittableRandom;

/**
 * The one seeded shuffle of the bridge: Fisher–Yates (Durstenfeld's in-place form, Knuth's
 * Algorithm P) driven by a {@link SplittableRandom}. Every permutation of examples — an epoch's
 * order in training, the examples a probe batch draws, a benchmark's batches — comes from here,
 * so the same seed gives the same order everywhere.
 * <pre>
 *   for i = n-1 down to 1:  j = uniform integer in [0, i];  swap a[i], a[j]
 * </pre>
 */
public final class Shuffle {
  private Shuffle() {
    throw new AssertionError("no instances");
  }

  /** A permutation of {@code 0 .. n-1} drawn with a generator seeded by {@code seed}. */
  public static int[] permutation(int n, long seed) {
    return permutation(n, new SplittableRandom(seed));
  }

  /**
   * The order of epoch {@code epoch} (from 1, counted across a model's fits) of {@code n}
   * training examples shuffled with {@code shuffleSeed}: {@link #permutation} seeded by {@code
   * Seeds.forPurpose(shuffleSeed, "epoch " + epoch)}. What fit walks in batches, and what runs
   * of a comparison trained together walk, so each sees the batches it would see alone.
   */
  public static int[] epochOrder(int n, long shuffleSeed, int epoch) {
    return permutation(n, dev.primer.dsl.init.Seeds.forPurpose(shuffleSeed, "epoch " + epoch));
  }

  /**
   * A permutation of {@code 0 .. n-1} drawn with {@code random} (which advances by {@code n - 1}
   * draws), for callers that draw several permutations from one generator.
   */
  public static int[] permutation(int n, SplittableRandom random) {
    if (n < 0) {
      throw new IllegalArgumentException("permutation: n must be >= 0, got " + n);
    }
    int[] order = identity(n);
    for (int i = n - 1; i > 0; i--) {
      swap(order, i, random.nextInt(i + 1));
    }
    return order;
  }

  /**
   * {@code k} distinct indices of {@code 0 .. n-1} drawn without replacement, in the order drawn:
   * the first {@code k} steps of the forward form of the same shuffle (position {@code i} swaps
   * with a uniform position in {@code [i, n)}).
   *
   * @throws IllegalArgumentException unless {@code 0 <= k <= n}
   */
  public static int[] sample(int n, int k, long seed) {
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("sample: k must be in [0, " + n + "], got " + k);
    }
    int[] order = identity(n);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < k; i++) {
      swap(order, i, i + random.nextInt(n - i));
    }
    return java.util.Arrays.copyOf(order, k);
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
