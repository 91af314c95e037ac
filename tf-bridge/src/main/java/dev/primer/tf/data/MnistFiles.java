package dev.primer.tf.data;

import java.util.List;

/**
 * The MNIST file set: the four standard names, the 28x28 image size and the ten classes, and how an
 * image file and a label file become one {@link LabeledImages}. Shared by the directory reader,
 * the embedded set and the downloader, so that any data set shipped like MNIST (Fashion-MNIST,
 * Kuzushiji-MNIST: same names, 28x28 grey images, labels 0..9) reads unchanged.
 */
final class MnistFiles {
  static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  /** In the order they are looked for and read. */
  static final List<String> NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

  static final String GZIP_SUFFIX = ".gz";
  static final int ROWS = 28;
  static final int COLS = 28;

  private MnistFiles() {
    throw new AssertionError("no instances");
  }

  /**
   * Reads a pair: images must be 28x28, the counts must match, and every label must be in 0..9.
   *
   * @throws DataFileException naming the file and the problem
   */
  static LabeledImages read(IdxSource images, IdxSource labels) {
    IdxImages pixels = IdxReader.readImages(images, ROWS, COLS);
    IdxLabels classes = IdxReader.readLabels(labels);
    if (classes.count() != pixels.count()) {
      throw DataFileException.countMismatch(labels.name(), classes.count(), images.name(), pixels.count());
    }
    byte[] raw = classes.labels();
    int[] checked = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      int label = raw[i] & 0xFF;
      if (label >= MnistSplit.CLASSES) {
        throw DataFileException.labelOutOfRange(labels.name(), i, label, IdxLayout.LABELS_HEADER_BYTES + (long) i,
            MnistSplit.CLASSES);
      }
      checked[i] = label;
    }
    return LabeledImages.adopt(pixels.rows(), pixels.cols(), pixels.greys(), checked);
  }
}
