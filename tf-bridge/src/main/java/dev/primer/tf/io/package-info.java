/**
 * Files: NumPy {@code .npz} archives of weights, atomic writes, and why a file operation failed
 * ({@link dev.primer.tf.io.IoReasons}), in words for error messages.
 */
package dev.primer.tf.io;
