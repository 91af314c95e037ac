package dev.primer.dsl.param;

/**
 * The classes of parameters muP treats alike, by which of their dimensions grow with the net's
 * width (Yang et al. 2022, Table 3 and Table 8). In a chain of dense layers the units of every
 * dense layer but the last are width; the net's input size and its output size are not.
 */
public enum WidthClass {
  /**
   * Only fan_out is width: the first dense layer's kernel ("input weights") and the bias of every
   * dense layer but the last ("all biases", whose fan_in is the constant input 1).
   */
  INPUT,
  /** fan_in and fan_out are both width: the kernels between two hidden layers. */
  HIDDEN,
  /** Only fan_in is width: the last dense layer's kernel ("output weights"). */
  OUTPUT,
  /** Neither is width (the last layer's bias, or a net of one dense layer): never rescaled. */
  FIXED;

  /** The class of a parameter whose fan_in and fan_out are width or not. */
  public static WidthClass of(boolean fanInIsWidth, boolean fanOutIsWidth) {
    return fanInIsWidth
        ? (fanOutIsWidth ? HIDDEN : OUTPUT)
        : (fanOutIsWidth ? INPUT : FIXED);
  }
}
