package dev.primer.dsl.text;

import dev.primer.dsl.base.SpecException;

/**
 * Text that is not a valid spec. The message starts with the 1-based column where the problem
 * is, then says what was found and what was expected:
 * {@code "column 12: unknown step 'dence'; did you mean 'dense'?"}.
 */
public final class SpecParseException extends SpecException {
  private static final long serialVersionUID = 1L;

  private final int column;

  SpecParseException(int column, String problem) {
    super("column " + column + ": " + problem);
    this.column = column;
  }

  /** The 1-based column of the problem in the text. */
  public int column() {
    return column;
  }
}
