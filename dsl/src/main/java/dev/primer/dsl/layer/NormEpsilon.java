package dev.primer.dsl.layer;

/**
 * The epsilon a normalization adds to the variance before its square root ({@link BatchNorm},
 * {@link LayerNorm}): one check for both, so their messages stay alike.
 */
final class NormEpsilon {
  private NormEpsilon() {}

  /**
   * Checks that {@code epsilon} is &gt; 0 and finite.
   *
   * @throws IllegalArgumentException {@code "epsilon must be > 0 and finite, got 0.0"}
   */
  static void check(double epsilon) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be > 0 and finite, got " + epsilon);
    }
  }
}
