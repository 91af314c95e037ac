package dev.primer.tf.train;

/** What training minimises, averaged over the examples of a batch. */
public enum Loss {
  /**
   * -sum_k y_k log softmax(z)_k, z the logits: the last layer's value before its softmax (or its
   * output when it has no activation). Targets are one-hot (or any distribution).
   */
  SOFTMAX_CROSS_ENTROPY,
  /** mean_k (output_k - y_k)^2 over the output values of an example. */
  MEAN_SQUARED_ERROR
}
