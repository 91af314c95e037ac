package dev.primer.tf.io;

import java.util.Arrays;

/**
 * One float32 array of a NumPy {@code .npz} archive.
 *
 * @param name the key NumPy shows ({@code dense_0/kernel}); stored as {@code name + ".npy"}
 * @param shape C-order dimensions
 * @param data row-major values
 */
public record NpyArray(String name, int[] shape, float[] data) {

  /** Checks that no dimension is negative and that {@code data} holds exactly the shape's size. */
  public NpyArray {
    long size = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(name + ": negative dimension in "
            + Arrays.toString(shape));
      }
      size *= d;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds "
          + size + " values, got " + data.length);
    }
  }
}
