package dev.primer.tf.data;

import java.math.BigInteger;

/**
 * Reads IDX files of unsigned bytes, the format of MNIST and of the data sets shipped like it
 * (Fashion-MNIST, Kuzushiji-MNIST), plain or gzip-compressed.
 *
 * <p>The format (Y. LeCun, C. Cortes, C. J. C. Burges, "The MNIST database"): big-endian 32-bit
 * integers, then the data.
 * <pre>
 *   images: [0] magic 0x00000803 (0x08 = unsigned byte, 3 dimensions)
 *           [4] count  [8] rows  [12] cols
 *           [16] count * rows * cols pixels, image by image, row-major; 0 = background
 *   labels: [0] magic 0x00000801 (0x08 = unsigned byte, 1 dimension)
 *           [4] count
 *           [8] count labels
 * </pre>
 *
 * <p>Every check happens before the data array is allocated: dimensions of at least 1, the
 * required image size if one is given, a total of at most {@link #MAX_DATA_BYTES}, and for plain
 * files the file's length. The file must end exactly where the header says.
 */
final class IdxReader {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  /**
   * The most data bytes a header may claim: 2^30 (1 GiB). Keeps {@code count * rows * cols}, and
   * a {@code float[]} of that many pixels, within Java's array limit; MNIST's training images are
   * 47,040,000 bytes, EMNIST ByClass's 547,178,688.
   */
  static final long MAX_DATA_BYTES = 1L << 30;

  private static final BigInteger MAX = BigInteger.valueOf(MAX_DATA_BYTES);

  private IdxReader() {
    throw new AssertionError("no instances");
  }

  /** Reads an image file of any image size. */
  static IdxImages readImages(IdxSource source) {
    return readImages(source, 0, 0);
  }

  /**
   * Reads an image file whose images must be {@code requiredRows x requiredCols} (0, 0: any).
   *
   * @throws DataFileException naming the file and the problem
   */
  static IdxImages readImages(IdxSource source, int requiredRows, int requiredCols) {
    String name = source.name();
    IdxLayout header = IdxLayout.imagesHeader();
    try (IdxStream in = IdxStream.open(source, header)) {
      long magic = in.readUnsignedInt(header);
      if (magic != IMAGES_MAGIC) {
        throw DataFileException.wrongMagic(name, magic, IMAGES_MAGIC, "IDX images: unsigned bytes, 3 dimensions");
      }
      long count = in.readUnsignedInt(header);
      long rows = in.readUnsignedInt(header);
      long cols = in.readUnsignedInt(header);
      if (rows == 0 || cols == 0) {
        throw DataFileException.zeroDimension(name, rows, cols);
      }
      if (requiredRows > 0 && (rows != requiredRows || cols != requiredCols)) {
        throw DataFileException.wrongImageSize(name, rows, cols, requiredRows, requiredCols);
      }
      BigInteger perImage = BigInteger.valueOf(rows).multiply(BigInteger.valueOf(cols));
      if (perImage.compareTo(MAX) > 0) {
        throw DataFileException.tooLarge(name, "images of " + rows + "x" + cols + " pixels = " + perImage
            + " bytes each", MAX_DATA_BYTES);
      }
      BigInteger total = perImage.multiply(BigInteger.valueOf(count));
      if (total.compareTo(MAX) > 0) {
        throw DataFileException.tooLarge(name, count + " images of " + rows + "x" + cols + " pixels = " + total
            + " bytes", MAX_DATA_BYTES);
      }
      IdxLayout layout = IdxLayout.images(count, rows, cols);
      in.requireAvailable(layout);
      byte[] greys = in.readData(total.longValueExact(), layout);
      in.expectEnd(layout);
      return new IdxImages((int) count, (int) rows, (int) cols, greys);
    }
  }

  /** @throws DataFileException naming the file and the problem */
  static IdxLabels readLabels(IdxSource source) {
    String name = source.name();
    IdxLayout header = IdxLayout.labelsHeader();
    try (IdxStream in = IdxStream.open(source, header)) {
      long magic = in.readUnsignedInt(header);
      if (magic != LABELS_MAGIC) {
        throw DataFileException.wrongMagic(name, magic, LABELS_MAGIC, "IDX labels: unsigned bytes, 1 dimension");
      }
      long count = in.readUnsignedInt(header);
      if (count > MAX_DATA_BYTES) {
        throw DataFileException.tooLarge(name, count + " labels = " + count + " bytes", MAX_DATA_BYTES);
      }
      IdxLayout layout = IdxLayout.labels(count);
      in.requireAvailable(layout);
      byte[] labels = in.readData(count, layout);
      in.expectEnd(layout);
      return new IdxLabels((int) count, labels);
    }
  }
}
