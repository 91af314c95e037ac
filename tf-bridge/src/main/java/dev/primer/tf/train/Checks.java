package dev.primer.tf.train;

/** Argument checks shared by the training values; each message names the value and the rule. */
final class Checks {
  private Checks() {
    throw new AssertionError("no instances");
  }

  static void positive(String owner, String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(owner + ": " + what + " must be > 0, got " + v);
    }
  }

  static void positive(String owner, String what, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(owner + ": " + what + " must be > 0, got " + v);
    }
  }

  static void unitInterval(String owner, String what, double v) {
    if (!(v > 0 && v < 1)) {
      throw new IllegalArgumentException(owner + ": " + what + " must be in (0, 1), got " + v);
    }
  }
}
