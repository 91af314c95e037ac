package dev.primer.dsl.layer;

/** How a convolution or pooling window treats the border. */
public enum Padding {
  /** No padding: output size floor((n - k) / stride) + 1; the window must fit (k &lt;= n). */
  VALID,
  /** Zero padding so that output size = ceil(n / stride). */
  SAME;

  /** The name in the text form: {@code valid}, {@code same}. */
  public String text() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The output length along one spatial axis.
   *
   * @throws IllegalArgumentException if a valid window does not fit
   */
  int outputLength(int n, int window, int stride, String axis) {
    if (this == SAME) {
      return (n + stride - 1) / stride;
    }
    if (window > n) {
      throw new IllegalArgumentException("window " + window + " is larger than the input's "
          + axis + " " + n + " with valid padding; use same padding or a smaller window");
    }
    return (n - window) / stride + 1;
  }
}
