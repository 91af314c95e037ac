package dev.primer.dsl.base;

/**
 * The value rules that specs, initializers and training options share, each with its one message
 * form: who checks, what, the rule and the value received ({@code "adam: beta1 must be in (0, 1),
 * got 1.0"}).
 */
public final class Checks {
  private Checks() {
    throw new AssertionError("no instances");
  }

  /**
   * @throws IllegalArgumentException {@code "orthogonal: gain must be > 0, got 0.0"} unless
   *     {@code value} is positive, {@code "…: must be finite, got Infinity"} unless finite
   */
  public static void positive(String owner, String what, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(owner + ": " + what + " must be > 0, got " + value);
    }
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(owner + ": " + what + " must be finite, got " + value);
    }
  }

  /** @throws IllegalArgumentException {@code "fit: epochs must be > 0, got 0"} unless positive */
  public static void positive(String owner, String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(owner + ": " + what + " must be > 0, got " + value);
    }
  }

  /**
   * @throws IllegalArgumentException {@code "sparse: std must be > 0 and finite, got -1.0"}
   *     unless {@code value} is positive and finite
   */
  public static void positiveFinite(String owner, String what, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          owner + ": " + what + " must be > 0 and finite, got " + value);
    }
  }

  /**
   * @throws IllegalArgumentException {@code "adam: beta1 must be in (0, 1), got 1.0"} unless
   *     {@code 0 < value < 1}
   */
  public static void unitInterval(String owner, String what, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(owner + ": " + what + " must be in (0, 1), got " + value);
    }
  }
}
