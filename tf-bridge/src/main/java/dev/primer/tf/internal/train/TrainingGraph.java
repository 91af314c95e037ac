package dev.primer.tf.internal.train;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Fit's training step for one (optimizer, loss): gather the batch by index from the data
 * variables, then the {@link StepGraph}. Each step feeds only {@link #indices} and runs the same
 * fetches and target, so TensorFlow builds one executor for the whole fit.
 *
 * @param indices the batch's example indices, fed each step
 * @param step the step's ops
 */
public record TrainingGraph(Placeholder<TInt32> indices, StepGraph step) {

  /** Adds the step under {@code fit} to the model's graph. */
  public static TrainingGraph build(CompiledGraph g, DataVariables data, Optimizer optimizer,
      Loss loss) {
    Ops tf = g.tf().withSubScope("fit");
    ResolvedNet net = g.net();
    Placeholder<TInt32> indices = tf.withName("batch_indices")
        .placeholder(TInt32.class, Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1)));
    Operand<TFloat32> x = tf.reshape(tf.gather(data.features, indices, tf.constant(0)),
        tf.constant(BatchShapes.dims(BatchShapes.ANY, net.input())));
    int[] rows = {-1, g.outputSize()};
    Operand<TFloat32> y =
        tf.reshape(tf.gather(data.targets, indices, tf.constant(0)), tf.constant(rows));
    StepGraph step = StepGraph.build(tf, net, g.variables(), x, y, g.step(), g.seed(), optimizer,
        loss);
    return new TrainingGraph(indices, step);
  }
}
