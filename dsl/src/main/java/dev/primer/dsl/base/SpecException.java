package dev.primer.dsl.base;

/**
 * An invalid spec, reported while the spec is built (never first inside TensorFlow).
 *
 * <p>The message says where (layer index and kind, or the column of parsed text), the rule, and
 * the value received, e.g. {@code "layer 2 (dense): units must be > 0, got 0"}.
 */
public class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An invalid spec, described by {@code message}. */
  public SpecException(String message) {
    super(message);
  }

  /** A rule broken by the layer at {@code index} of kind {@code kind}. */
  public static SpecException atLayer(int index, String kind, String rule) {
    return new SpecException("layer " + index + " (" + kind + "): " + rule);
  }
}
