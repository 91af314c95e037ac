package dev.primer.samples.report;

import java.util.regex.Pattern;

/** Text made safe for HTML, and the small judgements the report's tables make. */
final class Html {
  private static final Pattern NUMERIC =
      Pattern.compile("[-+]?[0-9][0-9.,]*( ?± ?[0-9.]+)?( ?(%|s))?");

  private Html() {
    throw new AssertionError("no instances");
  }

  /** {@code text} with {@code & < > " '} as character references. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether a table cell reads as a number: {@code 97.15%}, {@code 2.3013}, {@code 8.0 s}. */
  static boolean looksNumeric(String cell) {
    return NUMERIC.matcher(cell.trim()).matches();
  }
}
