package dev.primer.dsl.layer;

import dev.primer.dsl.base.Shape;

/** The input-rank rules shared by the layers, each with a message that says how to fix it. */
final class Inputs {
  private Inputs() {
    throw new AssertionError("no instances");
  }

  static void requireFlat(Shape input) {
    if (input.rank() != 1) {
      throw new IllegalArgumentException("needs a flat input [features], got " + input
          + "; add flatten() before it");
    }
  }

  static void requireImage(Shape input) {
    if (input.rank() != 3) {
      throw new IllegalArgumentException(
          "needs an image input [height, width, channels], got " + input
              + (input.rank() == 1
                  ? "; add reshape(height,width,channels) before it"
                  : "; reshape it to rank 3 first"));
    }
  }

  static void requireSequence(Shape input) {
    if (input.rank() != 2) {
      throw new IllegalArgumentException("needs a sequence input [steps, features], got " + input
          + "; add reshape(steps,features) before it");
    }
  }

  static void requirePositive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be > 0, got " + value);
    }
  }
}
