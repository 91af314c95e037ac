package dev.primer.tf.internal.train;

import dev.primer.tf.data.Dataset;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.SessionCalls;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The training set held inside TensorFlow: two variables (examples and targets) assigned once
 * per data set from placeholders, so each step only feeds the indices of its batch and slices
 * the batch in the graph. Holding the data in a variable rather than a constant keeps it out of
 * the graph definition (no slow first run) and out of initializers.
 */
public final class DataVariables {
  final Variable<TFloat32> features;
  final Variable<TFloat32> targets;
  private final Placeholder<TFloat32> featuresIn;
  private final Placeholder<TFloat32> targetsIn;
  private final Assign<TFloat32> loadFeatures;
  private final Assign<TFloat32> loadTargets;
  private Dataset loaded;

  /** Adds the variables, their placeholders and assigns under {@code data}. */
  public DataVariables(Ops tf) {
    Ops scope = tf.withSubScope("data");
    features = scope.withName("features").variable(Shape.unknown(), TFloat32.class);
    targets = scope.withName("targets").variable(Shape.unknown(), TFloat32.class);
    featuresIn = scope.withName("features_in")
        .placeholder(TFloat32.class, Placeholder.shape(Shape.unknown()));
    targetsIn = scope.withName("targets_in")
        .placeholder(TFloat32.class, Placeholder.shape(Shape.unknown()));
    loadFeatures = scope.assign(features, featuresIn, Assign.validateShape(false));
    loadTargets = scope.assign(targets, targetsIn, Assign.validateShape(false));
  }

  /** The examples' variable (to leave out of copies of a step's state). */
  public Variable<TFloat32> features() {
    return features;
  }

  /** The targets' variable. */
  public Variable<TFloat32> targets() {
    return targets;
  }

  /** Copies {@code dataset} into the variables, unless it is the one already there. */
  public void load(Session session, Dataset dataset) {
    if (dataset == loaded) {
      return;
    }
    int n = dataset.size();
    float[] x = new float[Math.toIntExact(n * dataset.exampleShape().size())];
    float[] y = new float[Math.toIntExact((long) n * dataset.targetWidth())];
    dataset.read(0, n, x, 0, y, 0);
    try (TFloat32 xt = TFloat32.tensorOf(BatchShapes.of(n, dataset.exampleShape()),
             DataBuffers.of(x, true, false));
         TFloat32 yt = TFloat32.tensorOf(Shape.of(n, dataset.targetWidth()),
             DataBuffers.of(y, true, false))) {
      SessionCalls.runner(session).feed(featuresIn, xt).feed(targetsIn, yt)
          .addTarget(loadFeatures).addTarget(loadTargets).run().close();
    }
    loaded = dataset;
  }
}
