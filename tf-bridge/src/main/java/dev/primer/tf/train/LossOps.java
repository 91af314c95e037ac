package dev.primer.tf.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The loss and accuracy ops, per example; callers reduce over the batch. */
public final class LossOps {
  private LossOps() {
    throw new AssertionError("no instances");
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
