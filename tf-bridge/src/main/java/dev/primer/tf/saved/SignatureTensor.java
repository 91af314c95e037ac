package dev.primer.tf.saved;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One input or output of a SavedModel's signature.
 *
 * @param name its name in the signature, such as {@code input}
 * @param tensor the graph tensor it stands for, such as {@code input:0}
 * @param dtype its element type as TensorFlow names it, lower case without {@code DT_}:
 *     {@code float}
 * @param shape its dimensions, -1 where any size goes (the batch); empty for a scalar
 */
public record SignatureTensor(String name, String tensor, String dtype, List<Long> shape) {

  /** Copies the shape. */
  public SignatureTensor {
    shape = List.copyOf(shape);
  }

  /** {@code input: float [-1, 784] (tensor input:0)}. */
  @Override
  public String toString() {
    return name + ": " + dtype + " "
        + shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"))
        + " (tensor " + tensor + ")";
  }
}
