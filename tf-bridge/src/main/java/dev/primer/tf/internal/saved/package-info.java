/**
 * Internal, no compatibility promise (see {@link dev.primer.tf.internal}). A model as a
 * TensorFlow SavedModel: the inference-only graph written with the model's weights
 * ({@link dev.primer.tf.internal.saved.SavedModelWriter}) and the weights read back from one
 * ({@link dev.primer.tf.internal.saved.SavedModelReader}).
 */
package dev.primer.tf.internal.saved;
