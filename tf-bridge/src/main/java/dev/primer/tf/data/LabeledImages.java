package dev.primer.tf.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Grey-scale images with one class label each: an immutable value.
 *
 * <p>Layout: image {@code i} (0-based) has pixels at indices {@code i * rows * cols + r * cols + c}
 * of {@link #pixels()}, row-major, row 0 at the top. A stored grey level {@code g} in 0..255 reads
 * as the pixel value {@code g / 255f} in [0, 1] (0 = background, 1 = full ink); {@code g / 255f}
 * is the float nearest to the exact quotient, so 0 and 255 read as exactly 0 and 1.
 *
 * <p>Why a final class and not a record: a record's array components would be shared with whoever
 * built or read them (or copied on every access, if the canonical constructor and accessors copy),
 * and its equals would compare array identity. Here the grey levels are held once, as bytes (the
 * full MNIST training set takes 47 MB, not 188 MB as floats), no reference to the arrays ever
 * leaves this class, and every method that returns an array returns a fresh one. To read in a loop
 * without copying the whole set, use {@link #pixel}, {@link #label} or {@link #copyPixels}.
 */
public final class LabeledImages {
  private final int count;
  private final int rows;
  private final int cols;
  private final byte[] greys;
  private final int[] labels;

  private LabeledImages(int rows, int cols, byte[] greys, int[] labels) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("rows and cols must be at least 1, got " + rows + "x" + cols);
    }
    long expected = (long) labels.length * rows * cols;
    if (greys.length != expected) {
      throw new IllegalArgumentException("greys.length must be labels.length * rows * cols = " + expected
          + ", got " + greys.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("labels must be >= 0, got " + labels[i] + " at index " + i);
      }
    }
    this.count = labels.length;
    this.rows = rows;
    this.cols = cols;
    this.greys = greys;
    this.labels = labels;
  }

  /**
   * Copies the given arrays.
   *
   * @param greys  {@code labels.length * rows * cols} grey levels, read as unsigned (0..255)
   * @param labels one class per image, each {@code >= 0}
   * @throws IllegalArgumentException if a size does not fit or a label is negative
   */
  public static LabeledImages of(int rows, int cols, byte[] greys, int[] labels) {
    return new LabeledImages(rows, cols, greys.clone(), labels.clone());
  }

  /** Takes ownership of arrays nobody else references (the readers' fresh arrays); no copy. */
  static LabeledImages adopt(int rows, int cols, byte[] greys, int[] labels) {
    return new LabeledImages(rows, cols, greys, labels);
  }

  /** Number of images (and labels). */
  public int count() {
    return count;
  }

  /** The height of each image in pixels. */
  public int rows() {
    return rows;
  }

  /** The width of each image in pixels. */
  public int cols() {
    return cols;
  }

  /** {@code rows * cols}. */
  public int pixelsPerImage() {
    return rows * cols;
  }

  /** The class of image {@code image}. */
  public int label(int image) {
    return labels[Objects.checkIndex(image, count)];
  }

  /** A fresh array of all {@link #count()} labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** The stored grey level, 0..255. */
  public int grey(int image, int row, int col) {
    return greys[offset(image, row, col)] & 0xFF;
  }

  /** {@code grey(image, row, col) / 255f}, in [0, 1]. */
  public float pixel(int image, int row, int col) {
    return grey(image, row, col) / 255f;
  }

  /** A fresh array of all {@code count * rows * cols} grey levels (unsigned bytes). */
  public byte[] greys() {
    return greys.clone();
  }

  /** A fresh array of all {@code count * rows * cols} pixel values in [0, 1]; 4 bytes each. */
  public float[] pixels() {
    float[] all = new float[greys.length];
    copyPixels(0, count, all, 0);
    return all;
  }

  /** A fresh array of the {@code rows * cols} pixel values of one image. */
  public float[] image(int image) {
    Objects.checkIndex(image, count);
    float[] one = new float[pixelsPerImage()];
    copyPixels(image, 1, one, 0);
    return one;
  }

  /**
   * Writes the pixel values of images {@code from .. from + images - 1} into
   * {@code dst[dstOffset ..]}, {@code images * rows * cols} floats: fills a batch without
   * allocating.
   *
   * @throws IndexOutOfBoundsException if the images or the destination range do not exist
   */
  public void copyPixels(int from, int images, float[] dst, int dstOffset) {
    Objects.checkFromIndexSize(from, images, count);
    int per = pixelsPerImage();
    int length = Math.multiplyExact(images, per);
    Objects.checkFromIndexSize(dstOffset, length, dst.length);
    int src = from * per;
    for (int k = 0; k < length; k++) {
      dst[dstOffset + k] = (greys[src + k] & 0xFF) / 255f;
    }
  }

  /** A copy of images {@code from} (inclusive) to {@code to} (exclusive) with their labels. */
  public LabeledImages subset(int from, int to) {
    Objects.checkFromToIndex(from, to, count);
    int per = pixelsPerImage();
    return new LabeledImages(rows, cols, Arrays.copyOfRange(greys, from * per, to * per),
        Arrays.copyOfRange(labels, from, to));
  }

  private int offset(int image, int row, int col) {
    Objects.checkIndex(image, count);
    Objects.checkIndex(row, rows);
    Objects.checkIndex(col, cols);
    return (image * rows + row) * cols + col;
  }

  /** Equal when sizes, every grey level and every label are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof LabeledImages that
        && rows == that.rows && cols == that.cols
        && Arrays.equals(labels, that.labels) && Arrays.equals(greys, that.greys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rows, cols, Arrays.hashCode(labels), Arrays.hashCode(greys));
  }

  @Override
  public String toString() {
    return "LabeledImages[count=" + count + ", rows=" + rows + ", cols=" + cols + "]";
  }
}
