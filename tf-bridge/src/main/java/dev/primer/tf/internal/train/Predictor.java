package dev.primer.tf.internal.train;

import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.SessionCalls;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Prediction: the inference pass's outputs for examples fed in batches of {@link Evaluator#BATCH}. */
public final class Predictor {
  private final CompiledGraph g;

  /** A predictor on {@code g}'s inference pass. */
  public Predictor(CompiledGraph g) {
    this.g = g;
  }

  /**
   * The net's outputs for {@code examples} (row-major, a whole number of examples of the input
   * shape), row-major, {@code outputSize} values per example.
   *
   * @throws IllegalArgumentException if the values are not a whole number of examples
   */
  public float[] predict(float[] examples) {
    int exampleSize = (int) g.net().input().size();
    if (examples.length % exampleSize != 0) {
      throw new IllegalArgumentException("predict: " + examples.length + " values is not a whole"
          + " number of examples of shape " + g.net().input() + " (" + exampleSize + " each)");
    }
    int n = examples.length / exampleSize;
    int out = g.outputSize();
    float[] outputs = new float[n * out];
    for (int start = 0; start < n; start += Evaluator.BATCH) {
      int count = Math.min(Evaluator.BATCH, n - start);
      float[] x = new float[count * exampleSize];
      System.arraycopy(examples, start * exampleSize, x, 0, x.length);
      try (TFloat32 xt = TFloat32.tensorOf(BatchShapes.of(count, g.net().input()),
               DataBuffers.of(x, true, false));
           Result r = SessionCalls.runner(g.session()).feed(g.input(), xt)
               .fetch(g.inference().output()).run()) {
        float[] part = new float[count * out];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(part, false, false));
        System.arraycopy(part, 0, outputs, start * out, part.length);
      }
    }
    return outputs;
  }
}
