/**
 * The two directory formats a {@link dev.primer.tf.Model} is kept in, and how to tell them
 * apart: Primer's own ({@link dev.primer.tf.Model#save}: the spec's text and a NumPy archive of
 * the weights) and a TensorFlow SavedModel ({@link dev.primer.tf.Model#exportSavedModel}: what
 * TensorFlow Serving, Python's {@code tf.saved_model.load} and TensorFlow Java's
 * {@code SavedModelBundle} read). {@link dev.primer.tf.saved.ModelDirectory#inspect} describes a
 * directory of either format without loading TensorFlow's runtime.
 */
package dev.primer.tf.saved;
