package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import java.util.List;

/**
 * A pooling layer over an image [height, width, channels]: each {@code pool x pool} window of
 * each channel becomes one value, the window moving by {@code stride} (default: {@code pool}).
 * Output [h', w', channels] with h' as {@link Padding} says. No parameters. Max and average
 * pooling differ only in what they take of a window.
 */
public sealed interface Pool2d extends Layer permits MaxPool2d, AvgPool2d {

  /** The window's side. */
  int pool();

  /** How far the window moves. */
  int stride();

  /** How the border is treated. */
  Padding padding();

  @Override
  default Shape outputShape(Shape input) {
    Inputs.requireImage(input);
    return Shape.of(
        padding().outputLength(input.dim(0), pool(), stride(), "height"),
        padding().outputLength(input.dim(1), pool(), stride(), "width"),
        input.dim(2));
  }

  /** Checks the arguments every pooling layer shares. */
  static void check(int pool, int stride, Padding padding) {
    Inputs.requirePositive("pool size", pool);
    Inputs.requirePositive("stride", stride);
    if (padding == null) {
      throw new IllegalArgumentException("padding must be valid or same, got null");
    }
  }

  /** How a pooling layer is built from its arguments. */
  @FunctionalInterface
  interface Factory<P extends Pool2d> {
    /** The pooling layer with these arguments. */
    P of(int pool, int stride, Padding padding);
  }

  /** {@code name(pool[,stride[,valid|same]])}: stride {@code pool}, valid padding. */
  static <P extends Pool2d> Signature<P> signature(String name, Class<P> type, Factory<P> make) {
    return Signature.named(name)
        .required(Param.integer("pool"))
        .optional(Param.integer("stride").orArgument(0))
        .optional(Param.choice("padding", Padding.class).or(Padding.VALID))
        .build(v -> make.of(v.integer(0), v.integer(1), v.get(2, Padding.class)),
            Signature.writing(type, p -> List.of(p.pool(), p.stride(), p.padding())));
  }
}
