package dev.primer.tf.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests. */
final class IdxFixtures {
  private IdxFixtures() {
  }

  /** The grey level of pixel {@code k} of image {@code i} in {@link #images}: varied, and 0 and 255 occur. */
  static int grey(int image, int k) {
    return (image * 37 + k * 11) % 256;
  }

  /** A header of big-endian 32-bit fields (unsigned values up to 2^32 - 1). */
  static byte[] header(long... fields) {
    ByteBuffer b = ByteBuffer.allocate(4 * fields.length);
    for (long f : fields) {
      b.putInt((int) f);
    }
    return b.array();
  }

  /** A complete image file of {@code count} images of {@code rows x cols} with {@link #grey} pixels. */
  static byte[] images(int count, int rows, int cols) {
    byte[] head = header(0x00000803, count, rows, cols);
    byte[] all = Arrays.copyOf(head, head.length + count * rows * cols);
    for (int i = 0; i < count; i++) {
      for (int k = 0; k < rows * cols; k++) {
        all[head.length + i * rows * cols + k] = (byte) grey(i, k);
      }
    }
    return all;
  }

  /** A complete label file. */
  static byte[] labels(int... labels) {
    byte[] head = header(0x00000801, labels.length);
    byte[] all = Arrays.copyOf(head, head.length + labels.length);
    for (int i = 0; i < labels.length; i++) {
      all[head.length + i] = (byte) labels[i];
    }
    return all;
  }

  /** Labels 0, 1, ..., 9, 0, 1, ... */
  static int[] cyclicLabels(int count, int offset) {
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (i + offset) % 10;
    }
    return labels;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Path write(Path file, byte[] bytes) {
    try {
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the four MNIST files: {@code train} and {@code test} 28x28 images with cyclic labels
   * (the test labels start at 3), plain or gzip-compressed with the {@code .gz} name.
   */
  static void writeMnist(Path dir, int train, int test, boolean gzip) {
    write(dir, MnistFiles.TRAIN_IMAGES, images(train, 28, 28), gzip);
    write(dir, MnistFiles.TRAIN_LABELS, labels(cyclicLabels(train, 0)), gzip);
    write(dir, MnistFiles.TEST_IMAGES, images(test, 28, 28), gzip);
    write(dir, MnistFiles.TEST_LABELS, labels(cyclicLabels(test, 3)), gzip);
  }

  static Path write(Path dir, String name, byte[] plain, boolean gzip) {
    return gzip ? write(dir.resolve(name + ".gz"), gzip(plain)) : write(dir.resolve(name), plain);
  }
}
