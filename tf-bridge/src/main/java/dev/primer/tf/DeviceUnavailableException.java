package dev.primer.tf;

/** The device asked for cannot be used here; the message says what was looked for. */
public final class DeviceUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The device cannot be used, for the reason in {@code message}. */
  public DeviceUnavailableException(String message) {
    super(message);
  }
}
