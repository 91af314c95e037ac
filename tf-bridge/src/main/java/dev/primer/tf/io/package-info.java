/**
 * Files: NumPy {@code .npz} archives of weights and atomic writes.
 */
package dev.primer.tf.io;
