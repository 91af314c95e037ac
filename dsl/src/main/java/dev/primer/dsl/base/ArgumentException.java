package dev.primer.dsl.base;

/**
 * A call's arguments do not fit its {@link Signature}: too many or too few, or one of the wrong
 * type. {@link #argument()} says which one, so a parser can point at it.
 */
public final class ArgumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int argument;

  ArgumentException(int argument, String message) {
    super(message);
    this.argument = argument;
  }

  /** The index (from 0) of the argument at fault, or -1 where the count is wrong. */
  public int argument() {
    return argument;
  }
}
