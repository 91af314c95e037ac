package dev.primer.dsl.init;

import java.util.Optional;

/** The value and rank rules the initializer records share, each with its one message form. */
final class Checks {
  private Checks() {
    throw new AssertionError("no instances");
  }

  /**
   * @throws IllegalArgumentException {@code "orthogonal: gain must be > 0, got 0.0"} unless
   *     {@code value} is positive and finite
   */
  static void positive(String init, String what, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(init + ": " + what + " must be > 0, got " + value);
    }
  }

  /**
   * @throws IllegalArgumentException {@code "sparse: std must be > 0 and finite, got -1.0"}
   *     unless {@code value} is positive and finite
   */
  static void positiveFinite(String init, String what, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          init + ": " + what + " must be > 0 and finite, got " + value);
    }
  }

  /**
   * Empty where the parameter fits, else {@code needs} and what it got:
   * {@code "orthogonal needs a parameter of rank >= 2, bias has rank 1"}.
   */
  static Optional<String> rank(boolean fits, String needs, Role role, int rank) {
    return fits ? Optional.empty()
        : Optional.of(needs + ", " + role.paramName() + " has rank " + rank);
  }
}
