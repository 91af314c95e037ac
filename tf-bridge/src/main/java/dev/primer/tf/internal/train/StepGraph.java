package dev.primer.tf.internal.train;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.internal.graph.Forward;
import dev.primer.tf.internal.graph.ForwardBuilder;
import dev.primer.tf.internal.graph.Mode;
import dev.primer.tf.internal.graph.NetVariables;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The one builder of a training step, used by fit ({@link TrainingGraph}), the diagnosis (its
 * {@link #pass}, differentiated further) and the benchmark ({@code FedBatchTrainer}): the
 * training-mode forward pass of a batch, the batch's mean loss and correct count, the loss's
 * gradients with respect to the trainable parameters only, the optimizer's apply ops, batch
 * norm's moving averages and the step counter.
 *
 * <p>Ordering makes the step correct and reproducible: every apply op waits for all gradients,
 * the step counter is incremented after the applies and the moving-average updates, and the
 * {@link #train} target waits for all of it.
 *
 * @param forward the training-mode forward pass
 * @param loss the batch's mean loss, a scalar
 * @param correct how many examples of the batch are classified right, a scalar
 * @param train the target that runs one step
 */
public record StepGraph(Forward forward, Operand<TFloat32> loss, Operand<TFloat32> correct,
    Op train) {

  /**
   * The forward half of a step on a batch {@code x} with targets {@code y} (shape [batch,
   * outputSize]): the training-mode pass, the mean loss (named {@code loss}) and correct count.
   */
  public record Pass(Forward forward, Operand<TFloat32> loss, Operand<TFloat32> correct) {}

  /**
   * The forward half of a step; see {@link Pass}.
   *
   * @param step keys dropout's masks; a constant for a pass that is no training step
   */
  public static Pass pass(Ops tf, ResolvedNet net, NetVariables variables, Operand<TFloat32> x,
      Operand<TFloat32> y, Operand<TInt64> step, long seed, Loss lossKind) {
    Forward forward = ForwardBuilder.build(tf, net, variables, x, Mode.TRAIN, step, seed);
    LossOps.Rows rows = LossOps.rows(tf, forward, Math.toIntExact(net.output().size()));
    Operand<TFloat32> loss = tf.withName("loss").math.mean(
        LossOps.perExample(tf, lossKind, rows, y), tf.constant(0));
    Operand<TFloat32> correct = LossOps.correct(tf, rows.output(), y);
    return new Pass(forward, loss, correct);
  }

  /**
   * A whole training step on a batch {@code x} with targets {@code y}: {@link #pass} keyed by the
   * value of {@code step}, then gradients, the optimizer, the moving averages and {@code step}
   * incremented by one.
   */
  public static StepGraph build(Ops tf, ResolvedNet net, NetVariables variables,
      Operand<TFloat32> x, Operand<TFloat32> y, Variable<TInt64> step, long seed,
      Optimizer optimizer, Loss lossKind) {
    Pass pass = pass(tf, net, variables, x, y, tf.identity(step), seed, lossKind);
    List<String> names = variables.trainableNames();
    List<Variable<TFloat32>> trainable = names.stream().map(variables::get).toList();
    Gradients gradients = tf.gradients(pass.loss(), trainable);
    List<Op> ops = new ArrayList<>(
        OptimizerOps.step(tf, optimizer, names, trainable, gradients.dy()));
    Ops afterGradients = tf.withControlDependencies(new ArrayList<Op>(gradients.dy()));
    ops.addAll(pass.forward().updates());
    ops.add(tf.withControlDependencies(List.copyOf(ops)).assignAdd(step, tf.constant(1L)));
    Op train = afterGradients.withControlDependencies(ops).withName("train").noOp();
    return new StepGraph(pass.forward(), pass.loss(), pass.correct(), train);
  }
}
