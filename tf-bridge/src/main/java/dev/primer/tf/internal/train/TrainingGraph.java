package dev.primer.tf.internal.train;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.train.Loss;
import java.util.Arrays;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Fit's training step for one optimizer kind, loss, clipping on or off and class weights on or
 * off: gather the batch by index from the data variables, then the {@link StepGraph} on the
 * kind's {@link OptimizerState}. Each step feeds only {@link #indices} and runs the same fetches
 * and target, so TensorFlow builds one executor for the whole fit. Everything that may differ
 * between fits of one such graph (rates, schedule, betas, clipping norm, class weights) is held
 * in variables and set before the fit ({@link TrainingGraphs}).
 *
 * @param indices the batch's example indices, fed each step
 * @param step the step's ops
 * @param state the optimizer kind's state
 * @param classWeights the class weights the loss is weighted by, if it is
 */
public record TrainingGraph(Placeholder<TInt32> indices, StepGraph step, OptimizerState state,
    Optional<SettableVector> classWeights) {

  /**
   * Adds the step under {@code fit} to the model's graph.
   *
   * @param classes the number of class weights, if the loss is weighted
   */
  public static TrainingGraph build(CompiledGraph g, DataVariables data, OptimizerState state,
      Loss loss, boolean clip, Optional<Integer> classes) {
    Ops tf = g.tf().withSubScope("fit");
    ResolvedNet net = g.net();
    Placeholder<TInt32> indices = tf.withName("batch_indices")
        .placeholder(TInt32.class, Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1)));
    Operand<TFloat32> x = tf.reshape(tf.gather(data.features, indices, tf.constant(0)),
        tf.constant(BatchShapes.dims(BatchShapes.ANY, net.input())));
    int[] rows = {-1, g.outputSize()};
    Operand<TFloat32> y =
        tf.reshape(tf.gather(data.targets, indices, tf.constant(0)), tf.constant(rows));
    Optional<SettableVector> weights = classes.map(k -> {
      float[] ones = new float[k];
      Arrays.fill(ones, 1f);
      return new SettableVector(tf, "class_weights", ones);
    });
    StepGraph step = StepGraph.build(tf, net, g.variables(), x, y, g.step(), g.seed(), state,
        loss, clip, weights.map(w -> w.read(tf)));
    return new TrainingGraph(indices, step, state, weights);
  }
}
