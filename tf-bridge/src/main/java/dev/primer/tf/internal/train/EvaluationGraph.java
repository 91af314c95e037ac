package dev.primer.tf.internal.train;

import dev.primer.tf.internal.graph.Forward;
import dev.primer.tf.train.ClassMetrics;
import dev.primer.tf.train.Loss;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Loss and correct-count sums of a fed batch through the inference forward pass, for one loss,
 * and for outputs of more than one value the batch's confusion matrix and class-rank counts
 * ({@link ClassMetrics}). Batches are fed from Java; sums are added up across batches.
 */
final class EvaluationGraph {
  final Placeholder<TFloat32> targets;
  final Operand<TFloat32> lossSum;
  final Operand<TFloat32> correct;
  /** [classes, classes]: row = actual class, column = predicted; empty for one output value. */
  final Optional<Operand<TFloat32>> confusion;
  /** [classes]: examples whose class ranked r among the outputs; empty for one output value. */
  final Optional<Operand<TFloat32>> rankCounts;

  EvaluationGraph(Ops root, Forward inference, int outputSize, Loss loss) {
    Ops tf = root.withSubScope("evaluate");
    targets = tf.withName("targets").placeholder(TFloat32.class,
        Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, outputSize)));
    LossOps.Rows rows = LossOps.rows(tf, inference, outputSize);
    lossSum = tf.sum(LossOps.perExample(tf, loss, rows, targets), tf.constant(0));
    correct = LossOps.correct(tf, loss, rows, targets);
    // class metrics where the target is one class of several (not multi-label sigmoid outputs)
    if (LossOps.oneClassPerExample(loss, outputSize)) {
      Operand<TFloat32> output = LossOps.scores(loss, rows);
      Operand<TInt32> classes = tf.constant(outputSize);
      Operand<TFloat32> on = tf.constant(1f);
      Operand<TFloat32> off = tf.constant(0f);
      Operand<TInt64> actual = tf.math.argMax(targets, tf.constant(1));
      Operand<TInt64> predicted = tf.math.argMax(output, tf.constant(1));
      Operand<TFloat32> actualOneHot = tf.oneHot(actual, classes, on, off);
      confusion = Optional.of(tf.linalg.matMul(actualOneHot,
          tf.oneHot(predicted, classes, on, off), MatMul.transposeA(true)));
      // rank = #{j : not (output_j <= output_t)}: ties count for the class; a NaN at the class
      // ranks every class above it, so the example is in no top k
      Operand<TFloat32> atClass = tf.sum(tf.math.mul(output, actualOneHot), tf.constant(1),
          org.tensorflow.op.core.Sum.keepDims(true));
      Operand<TInt32> rank = tf.sum(tf.dtypes.cast(
          tf.math.logicalNot(tf.math.lessEqual(output, atClass)), TInt32.class), tf.constant(1));
      rankCounts = Optional.of(tf.sum(tf.oneHot(rank, classes, on, off), tf.constant(0)));
    } else {
      confusion = Optional.empty();
      rankCounts = Optional.empty();
    }
  }
}
