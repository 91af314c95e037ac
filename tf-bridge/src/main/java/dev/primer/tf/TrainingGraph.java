package dev.primer.tf;

import dev.primer.tf.graph.BatchShapes;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.graph.Forward;
import dev.primer.tf.graph.ForwardBuilder;
import dev.primer.tf.graph.Mode;
import dev.primer.tf.graph.NetVariables;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.LossOps;
import dev.primer.tf.train.Optimizer;
import dev.primer.tf.train.OptimizerOps;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The ops of one training step for one (optimizer, loss): gather the batch by index from the
 * data variables, run the training forward pass, compute the loss, its gradients with respect to
 * the trainable parameters only, and apply them; then batch norm's moving averages and the step
 * counter. Each step feeds only {@link #indices} and runs the same fetches and target, so
 * TensorFlow builds one executor for the whole fit.
 */
final class TrainingGraph {
  final Placeholder<TInt32> indices;
  final Operand<TFloat32> loss;
  final Operand<TFloat32> correct;
  final Op train;

  private TrainingGraph(
      Placeholder<TInt32> indices, Operand<TFloat32> loss, Operand<TFloat32> correct, Op train) {
    this.indices = indices;
    this.loss = loss;
    this.correct = correct;
    this.train = train;
  }

  static TrainingGraph build(
      Ops root, ResolvedNet net, NetVariables variables, DataVariables data,
      Variable<TInt64> step, long seed, Optimizer optimizer, Loss lossKind) {
    Ops tf = root.withSubScope("fit");
    Placeholder<TInt32> indices = tf.withName("batch_indices")
        .placeholder(TInt32.class, Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1)));
    Operand<TFloat32> x = tf.reshape(tf.gather(data.features, indices, tf.constant(0)),
        tf.constant(BatchShapes.dims(BatchShapes.ANY, net.input())));
    int[] rows = {-1, Math.toIntExact(net.output().size())};
    Operand<TFloat32> y =
        tf.reshape(tf.gather(data.targets, indices, tf.constant(0)), tf.constant(rows));
    Forward forward = ForwardBuilder.build(tf, net, variables, x, Mode.TRAIN,
        tf.identity(step), seed);
    Operand<TFloat32> logits = tf.reshape(forward.logits(), tf.constant(rows));
    Operand<TFloat32> output = tf.reshape(forward.output(), tf.constant(rows));
    Operand<TFloat32> loss = tf.withName("loss").math.mean(
        LossOps.perExample(tf, lossKind, logits, output, y), tf.constant(0));
    Operand<TFloat32> correct = LossOps.correct(tf, output, y);

    List<String> names = variables.trainableNames();
    List<Variable<TFloat32>> trainable = names.stream().map(variables::get).toList();
    Gradients gradients = tf.gradients(loss, trainable);
    List<Op> ops = new ArrayList<>(
        OptimizerOps.step(tf, optimizer, names, trainable, gradients.dy()));
    Ops afterGradients = tf.withControlDependencies(new ArrayList<Op>(gradients.dy()));
    ops.addAll(forward.updates());
    ops.add(tf.withControlDependencies(List.copyOf(ops)).assignAdd(step, tf.constant(1L)));
    Op train = afterGradients.withControlDependencies(ops).withName("train").noOp();
    return new TrainingGraph(indices, loss, correct, train);
  }
}
