/**
 * TensorBoard event files: {@link dev.primer.tf.summary.TensorBoardWriter} writes scalars with
 * TensorFlow's own summary ops; {@link dev.primer.tf.summary.EventFiles} reads them back.
 */
package dev.primer.tf.summary;
