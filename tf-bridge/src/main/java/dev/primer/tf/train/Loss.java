package dev.primer.tf.train;

/**
 * What training minimises, averaged over the examples of a batch (weighted by class where
 * {@link FitOptions#withClassWeights} says so).
 */
public enum Loss {
  /**
   * -sum_k y_k log softmax(z)_k, z the logits: the last layer's value before its softmax (or its
   * output when it has no activation). Targets are one-hot (or any distribution). Accuracy: the
   * largest output where the target's largest is.
   */
  SOFTMAX_CROSS_ENTROPY,
  /**
   * mean_k (output_k - y_k)^2 over the output values of an example. Accuracy (where there are
   * several outputs): as for softmax cross-entropy.
   */
  MEAN_SQUARED_ERROR,
  /**
   * Binary cross-entropy for sigmoid outputs, one independent yes/no per output (one output:
   * a binary class; several: multi-label), averaged over the outputs of an example (Keras's
   * {@code binary_crossentropy}):
   * <pre>
   *   mean_k [ -y_k log sigmoid(z_k) - (1 - y_k) log(1 - sigmoid(z_k)) ]
   *     = mean_k [ softplus(z_k) - z_k y_k ]
   * </pre>
   * with z the logits: the last layer's value before its {@code sigmoid()} (or its output when
   * it has no activation), computed in the second, numerically stable form (TensorFlow's
   * softplus never overflows), never from the sigmoid's rounded output. Targets are in [0, 1]
   * (0/1 labels, or soft labels). Accuracy: an output counts as 1 where sigmoid(z) &gt; 0.5
   * (z &gt; 0), the fraction of outputs equal to their 0/1 target (Keras's {@code
   * binary_accuracy}); for one output that is the fraction of examples classified right.
   */
  BINARY_CROSS_ENTROPY,
  /**
   * Softmax cross-entropy at each position of a sequence output [steps, classes] (a per-position
   * output layer such as {@code dense(vocab).softmax()} after attention), averaged over the
   * positions of an example:
   * <pre>
   *   (1 / T) sum_t -sum_k y_tk log softmax(z_t)_k
   * </pre>
   * with z_t the logits of position t (the last layer's value before its softmax). Targets are
   * one-hot per position, [steps, classes] row-major (steps * classes values per example, as
   * wide as the output), or any distribution per position. The one-hot form is what
   * TensorFlow Java can differentiate (SparseSoftmaxCrossEntropyWithLogits has no gradient
   * there) and keeps targets as wide as the output for every pass; class ids per position
   * become such targets by {@code dev.primer.tf.data.SequenceTasks#ofPositionLabels}. Accuracy:
   * per example the fraction of positions whose largest output is where the target's largest is
   * (so the accuracy reported is the fraction of positions right). For a net whose output is
   * flat [classes] it is {@link #SOFTMAX_CROSS_ENTROPY}.
   */
  SOFTMAX_CROSS_ENTROPY_PER_POSITION
}
