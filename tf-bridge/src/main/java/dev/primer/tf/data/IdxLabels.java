package dev.primer.tf.data;

/**
 * The content of an IDX label file.
 *
 * @param labels a fresh array of {@code count} labels (unsigned bytes); the reader hands it over
 *               and keeps no reference
 */
record IdxLabels(int count, byte[] labels) {
}
