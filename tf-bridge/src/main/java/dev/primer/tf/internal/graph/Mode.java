package dev.primer.tf.internal.graph;

/** Which forward pass: the two share every variable but differ in dropout and batch norm. */
public enum Mode {
  /** Dropout active; batch norm uses the batch's statistics and updates its moving averages. */
  TRAIN,
  /** Dropout off; batch norm uses its moving averages. For evaluation, prediction, diagnosis. */
  INFER
}
