package dev.primer.tf.data;

/**
 * The content of an IDX image file: {@code count} images of {@code rows x cols} unsigned bytes,
 * image after image, each row-major.
 *
 * @param greys a fresh array of {@code count * rows * cols} grey levels (0..255 as unsigned
 *              bytes); the reader hands it over and keeps no reference
 */
record IdxImages(int count, int rows, int cols, byte[] greys) {
}
