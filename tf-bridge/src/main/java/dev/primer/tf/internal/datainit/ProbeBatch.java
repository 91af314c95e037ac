package dev.primer.tf.internal.datainit;

import dev.primer.dsl.base.Shape;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.Shuffle;
import dev.primer.tf.internal.graph.BatchShapes;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The examples LSUV measures variances on: {@value #SIZE} distinct examples of the training set
 * (all of them, in order, when it has no more), drawn without replacement by a generator seeded
 * from the model's seed, so the same model and data always give the same batch. 512 values per
 * unit estimate a variance with a relative standard error of about sqrt(2 / 512) = 6% for one
 * unit, and a layer's variance pools all its units (and positions, for a convolution), so the
 * estimate is far tighter than LSUV's usual tolerance of 0.1.
 */
final class ProbeBatch {
  /** Examples in the batch when the data set has more. */
  static final int SIZE = 512;

  private final float[] features;
  private final int count;
  private final Shape exampleShape;

  private ProbeBatch(float[] features, int count, Shape exampleShape) {
    this.features = features;
    this.count = count;
    this.exampleShape = exampleShape;
  }

  /** The batch of {@code data} for {@code seed}. */
  static ProbeBatch draw(Dataset data, long seed) {
    int[] indices = indices(data.size(), seed);
    int exampleSize = Math.toIntExact(data.exampleShape().size());
    float[] features = new float[indices.length * exampleSize];
    float[] targets = new float[data.targetWidth()];
    for (int i = 0; i < indices.length; i++) {
      data.read(indices[i], 1, features, i * exampleSize, targets, 0);
    }
    return new ProbeBatch(features, indices.length, data.exampleShape());
  }

  /**
   * Which examples of a set of {@code size}: all when size &lt;= {@value #SIZE}, else the first
   * {@value #SIZE} of {@link Shuffle#sample} seeded by {@code seed}, sorted.
   */
  static int[] indices(int size, long seed) {
    if (size <= SIZE) {
      return IntStream.range(0, size).toArray();
    }
    int[] chosen = Shuffle.sample(size, SIZE, seed);
    Arrays.sort(chosen);
    return chosen;
  }

  /** Number of examples. */
  int count() {
    return count;
  }

  /** The batch as a tensor [count, example dims...]; the caller closes it. */
  TFloat32 tensor() {
    return TFloat32.tensorOf(BatchShapes.of(count, exampleShape),
        DataBuffers.of(features, true, false));
  }
}
