package dev.primer.tf.internal.train;

import dev.primer.tf.internal.graph.Forward;
import dev.primer.tf.train.Loss;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Loss and correct-count sums of a fed batch through the inference forward pass, for one loss.
 * Batches are fed from Java; sums are added up across batches.
 */
final class EvaluationGraph {
  final Placeholder<TFloat32> targets;
  final Operand<TFloat32> lossSum;
  final Operand<TFloat32> correct;

  EvaluationGraph(Ops root, Forward inference, int outputSize, Loss loss) {
    Ops tf = root.withSubScope("evaluate");
    targets = tf.withName("targets").placeholder(TFloat32.class,
        Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, outputSize)));
    LossOps.Rows rows = LossOps.rows(tf, inference, outputSize);
    lossSum = tf.sum(LossOps.perExample(tf, loss, rows, targets), tf.constant(0));
    correct = LossOps.correct(tf, loss, rows, targets);
  }
}
