package dev.primer.dsl.base;

/**
 * Text as a message may quote it: every character a terminal would not show (control
 * characters such as BEL, format characters such as a zero-width space, line and paragraph
 * separators, spaces other than the plain one, unassigned code points and lone surrogates) is
 * written as a Java escape, {@code &#92;u0007} for BEL; a backslash is doubled, so the escape
 * cannot be mistaken for text that was typed.
 */
public final class Visible {
  private Visible() {
    throw new AssertionError("no instances");
  }

  /** {@code text} with each invisible character escaped: a, BEL, b reads {@code a&#92;u0007b}. */
  public static String of(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\\') {
        out.append("\\\\");
      } else if (shown(cp)) {
        out.appendCodePoint(cp);
      } else {
        for (char c : Character.toChars(cp)) {
          out.append(String.format("\\u%04X", (int) c));
        }
      }
    });
    return out.toString();
  }

  private static boolean shown(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR, Character.UNASSIGNED,
          Character.SURROGATE, Character.PRIVATE_USE -> false;
      default -> true;
    };
  }
}
