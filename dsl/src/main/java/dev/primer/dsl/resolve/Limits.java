package dev.primer.dsl.resolve;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.Shape;

/**
 * The sizes a spec may ask for. They are checked whenever a spec with an input shape is built or
 * read (so {@code summary}, {@code init} and {@code compile} all refuse a spec past them, naming
 * the layer), long before TensorFlow would allocate anything. A spec within them may still be too
 * big for the machine at hand: whether its parameters fit in memory is checked when it is
 * compiled, not here (a summary only reads shapes and works for any spec within these limits).
 */
public final class Limits {
  private Limits() {
    throw new AssertionError("no instances");
  }

  /**
   * The most values one tensor may hold: a parameter, or one example leaving a layer. 2^31 - 1:
   * TensorFlow indexes many kernels with 32-bit integers and a Java array holds no more, so a
   * bigger tensor could be neither initialized nor read back.
   */
  public static final long MAX_TENSOR_VALUES = Integer.MAX_VALUE;

  /** The most values all parameters of a net may hold together: 2^32, 16 GiB as float32. */
  public static final long MAX_PARAMETERS = 1L << 32;

  /**
   * The most layers one residual or repeat may write out (its block's layers times its copies,
   * nested ones included): resolution makes an entry for each, so a typo such as
   * {@code repeat(100000000, ...)} is refused before that work starts.
   */
  public static final long MAX_LAYERS = 1_000_000;

  /**
   * Checks how many layers one residual or repeat writes out.
   *
   * @throws IllegalArgumentException if {@code layers} is more than {@link #MAX_LAYERS}
   */
  public static void checkLayers(long layers) {
    if (layers > MAX_LAYERS) {
      throw new IllegalArgumentException("would write out " + (layers == Long.MAX_VALUE
          ? "more than " + Numbers.grouped(Long.MAX_VALUE) : Numbers.grouped(layers))
          + " layers, too many: a block may write out at most " + Numbers.grouped(MAX_LAYERS));
    }
  }

  /**
   * Checks one tensor.
   *
   * @param what how the message names it: {@code "kernel"}, {@code "output"}
   * @throws IllegalArgumentException if it holds more than {@link #MAX_TENSOR_VALUES}
   */
  public static void checkTensor(String what, Shape shape) {
    if (shape.size() > MAX_TENSOR_VALUES) {
      throw new IllegalArgumentException(what + " " + shape + " would hold "
          + Numbers.grouped(shape.size()) + " values, too large: one tensor may hold at most "
          + Numbers.grouped(MAX_TENSOR_VALUES) + " (TensorFlow's 32-bit sizes)");
    }
  }

  /**
   * Checks the parameter count of a net up to and including some layer.
   *
   * @throws IllegalArgumentException if {@code total} is more than {@link #MAX_PARAMETERS}
   */
  static void checkTotal(long total) {
    if (total > MAX_PARAMETERS) {
      throw new IllegalArgumentException("the net would have " + Numbers.grouped(total)
          + " parameters up to here, too large: a net may have at most "
          + Numbers.grouped(MAX_PARAMETERS));
    }
  }
}
