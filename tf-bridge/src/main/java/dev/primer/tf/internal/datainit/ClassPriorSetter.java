package dev.primer.tf.internal.datainit;

import dev.primer.dsl.init.ClassPrior;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.datainit.PriorBias;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.SessionCalls;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The class prior for one output bias: sums each class's targets over the whole training set
 * (read in chunks of {@value #CHUNK} examples), turns the frequencies into a bias by
 * {@link ClassPrior#bias} and assigns it through a placeholder.
 */
final class ClassPriorSetter {
  /** Examples read at a time while counting. */
  static final int CHUNK = 1024;
  /** How far a target row's sum may be from 1 (float rounding of soft labels). */
  static final double ROW_SUM_TOLERANCE = 1e-3;

  private final ResolvedLayer layer;
  private final Parameter bias;
  private final Placeholder<TFloat32> values;
  private final Assign<TFloat32> assign;

  private ClassPriorSetter(ResolvedLayer layer, Parameter bias, Placeholder<TFloat32> values,
      Assign<TFloat32> assign) {
    this.layer = layer;
    this.bias = bias;
    this.values = values;
    this.assign = assign;
  }

  static ClassPriorSetter build(CompiledGraph graph, ResolvedLayer layer, Parameter bias) {
    Ops tf = graph.tf().withSubScope("class_prior_" + layer.name());
    Placeholder<TFloat32> values = tf.withName("values").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(bias.size())));
    Assign<TFloat32> assign =
        tf.withName("set").assign(graph.variables().get(bias.name()), values);
    return new ClassPriorSetter(layer, bias, values, assign);
  }

  /**
   * Sets the bias from the targets of {@code data}.
   *
   * @throws IllegalArgumentException if the data has another number of classes, or a target
   *     row is not a distribution over the classes (naming the example)
   */
  PriorBias set(CompiledGraph graph, Dataset data) {
    int classes = data.targetWidth();
    if (classes != bias.size()) {
      throw new IllegalArgumentException("class_prior: " + bias.name() + " has " + bias.size()
          + " values, one per class, but the data has " + classes + " target values per example");
    }
    int n = data.size();
    int exampleSize = Math.toIntExact(data.exampleShape().size());
    float[] features = new float[Math.min(CHUNK, n) * exampleSize];
    float[] targets = new float[Math.min(CHUNK, n) * classes];
    double[] totals = new double[classes];
    for (int start = 0; start < n; start += CHUNK) {
      int count = Math.min(CHUNK, n - start);
      data.read(start, count, features, 0, targets, 0);
      for (int i = 0; i < count; i++) {
        double sum = 0;
        for (int k = 0; k < classes; k++) {
          float t = targets[i * classes + k];
          if (!(t >= 0) || Float.isInfinite(t)) {
            throw new IllegalArgumentException("class_prior needs each example's targets to be"
                + " class probabilities (one-hot labels); example " + (start + i) + " has "
                + t + " for class " + k);
          }
          sum += t;
          totals[k] += t;
        }
        if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
          throw new IllegalArgumentException("class_prior needs each example's targets to be"
              + " class probabilities (one-hot labels); the targets of example " + (start + i)
              + " sum to " + sum + ", not 1");
        }
      }
    }
    ClassPrior.Link link = ClassPrior.Link.of(layer.spec().activation());
    double[] values64 = ClassPrior.bias(totals, n, link);
    float[] values32 = new float[classes];
    List<Double> frequencies = new ArrayList<>();
    List<Double> biasList = new ArrayList<>();
    int absent = 0;
    for (int k = 0; k < classes; k++) {
      values32[k] = (float) values64[k];
      frequencies.add(totals[k] / n);
      biasList.add(values64[k]);
      if (totals[k] == 0) {
        absent++;
      }
    }
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(classes), DataBuffers.of(values32, true, false))) {
      SessionCalls.runner(graph.session()).feed(values, t).addTarget(assign).run().close();
    }
    return new PriorBias(bias.name(), layer.index(), link, frequencies, n, absent, biasList);
  }
}
