package dev.primer.dsl.base;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one example, without the batch dimension: {@code [784]} for a flat vector,
 * {@code [28, 28, 1]} for a height x width x channels image, {@code [28, 28]} for a sequence of
 * 28 steps of 28 features. Immutable.
 */
public final class Shape {
  private final int[] dims;

  private Shape(int[] dims) {
    this.dims = dims;
  }

  /**
   * @throws IllegalArgumentException if there are no dimensions or one is not positive
   */
  public static Shape of(int... dims) {
    if (dims.length == 0) {
      throw new IllegalArgumentException("a shape needs at least one dimension");
    }
    for (int d : dims) {
      if (d <= 0) {
        throw new IllegalArgumentException(
            "dimensions must be > 0, got " + Arrays.toString(dims));
      }
    }
    return new Shape(dims.clone());
  }

  /** The number of dimensions. */
  public int rank() {
    return dims.length;
  }

  /** The size of dimension {@code axis}, from 0. */
  public int dim(int axis) {
    return dims[axis];
  }

  /** The last dimension: features, channels or units. */
  public int last() {
    return dims[dims.length - 1];
  }

  /** Number of values in one example: the product of the dimensions. */
  public long size() {
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** The dimensions, a copy. */
  public int[] toArray() {
    return dims.clone();
  }

  /** The dimensions as the text form writes them: {@code 28,28,1}. */
  public String toArguments() {
    return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape other && Arrays.equals(dims, other.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** {@code [28, 28, 1]}. */
  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
