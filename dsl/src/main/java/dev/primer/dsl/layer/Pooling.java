package dev.primer.dsl.layer;

import dev.primer.dsl.base.Shape;
import java.util.List;

/** The window arithmetic shared by max and average pooling. */
final class Pooling {
  private Pooling() {
    throw new AssertionError("no instances");
  }

  static void check(int pool, int stride, Padding padding) {
    Inputs.requirePositive("pool size", pool);
    Inputs.requirePositive("stride", stride);
    if (padding == null) {
      throw new IllegalArgumentException("padding must be valid or same, got null");
    }
  }

  static Shape outputShape(Shape input, int pool, int stride, Padding padding) {
    Inputs.requireImage(input);
    return Shape.of(
        padding.outputLength(input.dim(0), pool, stride, "height"),
        padding.outputLength(input.dim(1), pool, stride, "width"),
        input.dim(2));
  }

  /** {@code 2}, {@code 3,2} or {@code 3,2,same}: trailing defaults left out. */
  static List<Object> arguments(int pool, int stride, Padding padding) {
    if (padding != Padding.VALID) {
      return List.of(pool, stride, padding);
    }
    return stride != pool ? List.of(pool, stride) : List.of(pool);
  }
}
