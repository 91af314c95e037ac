package dev.primer.tf;

import dev.primer.dsl.base.Shape;

/**
 * The values of one parameter, copied out of TensorFlow.
 *
 * @param name as in the summary: {@code dense_0/kernel}
 * @param shape its shape
 * @param values row-major, {@code shape.size()} of them; the array belongs to the caller
 */
public record ParameterValues(String name, Shape shape, float[] values) {

  /** Checks that {@code values} holds exactly {@code shape.size()} values; does not copy them. */
  public ParameterValues {
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(name + ": " + values.length + " values for shape "
          + shape + " (" + shape.size() + ")");
    }
  }
}
