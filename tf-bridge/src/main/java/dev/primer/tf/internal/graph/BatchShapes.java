package dev.primer.tf.internal.graph;

import dev.primer.dsl.base.Shape;

/**
 * TensorFlow shapes of batches: an example's shape from {@code dsl} with the batch dimension in
 * front. The one place that conversion is written.
 */
public final class BatchShapes {
  private BatchShapes() {
    throw new AssertionError("no instances");
  }

  /** The batch dimension when it is not known until the graph runs. */
  public static final int ANY = -1;

  /** {@code [batch, example...]} as ints, for reshape ops; {@code batch} may be {@link #ANY}. */
  public static int[] dims(int batch, Shape example) {
    int[] dims = new int[example.rank() + 1];
    dims[0] = batch;
    for (int i = 0; i < example.rank(); i++) {
      dims[i + 1] = example.dim(i);
    }
    return dims;
  }

  /** {@code [batch, example...]} as a TensorFlow shape; {@code batch} may be {@link #ANY}. */
  public static org.tensorflow.ndarray.Shape of(int batch, Shape example) {
    int[] dims = dims(batch, example);
    long[] longs = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      longs[i] = dims[i];
    }
    return org.tensorflow.ndarray.Shape.of(longs);
  }

  /** A parameter's (or any unbatched) shape as a TensorFlow shape. */
  public static org.tensorflow.ndarray.Shape unbatched(Shape shape) {
    long[] longs = new long[shape.rank()];
    for (int i = 0; i < longs.length; i++) {
      longs[i] = shape.dim(i);
    }
    return org.tensorflow.ndarray.Shape.of(longs);
  }
}
