package dev.primer.tf;

/**
 * A valid spec whose parameters do not fit in this machine's memory; see {@link MemoryBudget}.
 * Thrown by {@code Model.compile} before TensorFlow allocates anything.
 */
public final class ModelTooLargeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The model does not fit, for the reason in {@code message}. */
  public ModelTooLargeException(String message) {
    super(message);
  }
}
