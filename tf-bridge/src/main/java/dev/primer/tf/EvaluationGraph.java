package dev.primer.tf;

import dev.primer.tf.graph.Forward;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.LossOps;
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
    int[] rows = {-1, outputSize};
    targets = tf.withName("targets").placeholder(TFloat32.class,
        Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, outputSize)));
    Operand<TFloat32> logits = tf.reshape(inference.logits(), tf.constant(rows));
    Operand<TFloat32> output = tf.reshape(inference.output(), tf.constant(rows));
    lossSum = tf.sum(LossOps.perExample(tf, loss, logits, output, targets), tf.constant(0));
    correct = LossOps.correct(tf, output, targets);
  }
}
