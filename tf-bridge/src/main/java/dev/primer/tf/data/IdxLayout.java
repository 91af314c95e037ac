package dev.primer.tf.data;

/**
 * What an IDX file must hold, as far as is known so far: used in error messages to say how many
 * bytes were expected and why.
 *
 * <p>Image files (magic {@code 0x00000803}): a 16-byte header of four big-endian 32-bit integers
 * (magic, count, rows, cols), then {@code count * rows * cols} unsigned bytes, image after image,
 * each row-major. Label files (magic {@code 0x00000801}): an 8-byte header (magic, count), then
 * {@code count} unsigned bytes. Before the header is read, only its length is known.
 *
 * @param description for example {@code "16-byte header + 100 images of 28x28 pixels"}
 * @param totalBytes  header plus data, in bytes
 */
record IdxLayout(String description, long totalBytes) {

  static final int IMAGES_HEADER_BYTES = 16;
  static final int LABELS_HEADER_BYTES = 8;

  static IdxLayout imagesHeader() {
    return new IdxLayout(IMAGES_HEADER_BYTES + "-byte header of an IDX image file", IMAGES_HEADER_BYTES);
  }

  static IdxLayout labelsHeader() {
    return new IdxLayout(LABELS_HEADER_BYTES + "-byte header of an IDX label file", LABELS_HEADER_BYTES);
  }

  /** The caller has checked that {@code count * rows * cols} fits the reader's limit. */
  static IdxLayout images(long count, long rows, long cols) {
    return new IdxLayout(IMAGES_HEADER_BYTES + "-byte header + " + count + " images of " + rows + "x" + cols
        + " pixels", IMAGES_HEADER_BYTES + count * rows * cols);
  }

  static IdxLayout labels(long count) {
    return new IdxLayout(LABELS_HEADER_BYTES + "-byte header + " + count + " labels", LABELS_HEADER_BYTES + count);
  }
}
