/**
 * Internal, no compatibility promise (see {@link dev.primer.tf.internal}). The ops behind
 * training, evaluation and prediction: the one builder of a training step ({@link
 * dev.primer.tf.internal.train.StepGraph}, used by fit, the diagnosis and the benchmark), the
 * losses and optimizer steps as ops, the training set held in variables, copies of variables
 * inside TensorFlow ({@link dev.primer.tf.internal.train.VariableSnapshot}: undoing a diverged
 * epoch, restoring the best), and the evaluation and prediction runs.
 */
package dev.primer.tf.internal.train;
