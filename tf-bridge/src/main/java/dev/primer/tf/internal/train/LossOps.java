package dev.primer.tf.internal.train;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.internal.graph.Forward;
import dev.primer.tf.internal.graph.Logits;
import dev.primer.tf.train.Loss;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The loss and accuracy ops, per example; callers reduce over the batch. Every pass that
 * computes a loss (training step, evaluation, diagnosis, benchmark) reshapes the forward pass
 * through {@link #rows} and computes it by {@link #perExample}.
 */
public final class LossOps {
  private LossOps() {
    throw new AssertionError("no instances");
  }

  /**
   * Checks that {@code data} fits {@code net} ({@link Dataset#checkFits}) and that the net suits
   * {@code loss}: softmax cross-entropy needs a net that ends in logits ({@link
   * Logits#checkEndsInLogits}). What training and evaluation check before they run.
   *
   * @throws IllegalArgumentException naming what does not fit
   */
  public static void checkFits(ResolvedNet net, Dataset data, Loss loss) {
    Dataset.checkFits(data, net.input(), net.output());
    if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
      Logits.checkEndsInLogits(net);
    }
  }

  /**
   * A forward pass's logits and output as rows, shape [batch, outputSize]: what the losses and
   * the correct count take.
   */
  public record Rows(Operand<TFloat32> logits, Operand<TFloat32> output) {}

  /** {@code forward}'s logits and output reshaped to [batch, outputSize], logits first. */
  public static Rows rows(Ops tf, Forward forward, int outputSize) {
    int[] rows = {-1, outputSize};
    Operand<TFloat32> logits = tf.reshape(forward.logits(), tf.constant(rows));
    Operand<TFloat32> output = tf.reshape(forward.output(), tf.constant(rows));
    return new Rows(logits, output);
  }

  /** {@link #perExample(Ops, Loss, Operand, Operand, Operand)} on {@link #rows}. */
  public static Operand<TFloat32> perExample(Ops tf, Loss loss, Rows rows,
      Operand<TFloat32> targets) {
    return perExample(tf, loss, rows.logits(), rows.output(), targets);
  }

  /**
   * The loss of each example of a batch, shape [batch]: the formulas of {@link Loss}. Every
   * operand is [batch, values].
   *
   * @param logits the net's value before a final softmax (for cross-entropy)
   * @param output the net's output (for squared error)
   */
  public static Operand<TFloat32> perExample(
      Ops tf, Loss loss, Operand<TFloat32> logits, Operand<TFloat32> output,
      Operand<TFloat32> targets) {
    return switch (loss) {
      case SOFTMAX_CROSS_ENTROPY -> tf.nn.softmaxCrossEntropyWithLogits(logits, targets).loss();
      case MEAN_SQUARED_ERROR ->
          tf.math.mean(tf.math.squaredDifference(output, targets), tf.constant(1));
    };
  }

  /** How many examples of the batch have their largest output where the target's largest is. */
  public static Operand<TFloat32> correct(
      Ops tf, Operand<TFloat32> output, Operand<TFloat32> targets) {
    return tf.sum(tf.dtypes.cast(tf.math.equal(
        tf.math.argMax(output, tf.constant(1)), tf.math.argMax(targets, tf.constant(1))),
        TFloat32.class), tf.constant(0));
  }
}
