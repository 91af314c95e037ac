package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Init;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Initializer names on the command line: one ({@code --scheme}) or a list ({@code --schemes}). */
final class Schemes {
  private Schemes() {
    throw new AssertionError("no instances");
  }

  /**
   * One initializer in the text form.
   *
   * @throws IllegalArgumentException naming the scheme and what is wrong with it
   */
  static Init parse(String text) {
    try {
      return Net.parseInit(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scheme '" + text.trim() + "': " + e.getMessage(), e);
    }
  }

  /**
   * A {@code --schemes} list read into initializers by name, in the order given.
   *
   * @throws IllegalArgumentException naming the list or the scheme that is wrong
   */
  static Map<String, Init> parseList(String list) {
    Map<String, Init> schemes = new LinkedHashMap<>();
    for (String name : split(list)) {
      schemes.put(name, parse(name));
    }
    return schemes;
  }

  /**
   * Splits a comma-separated list at the commas outside parentheses:
   * {@code zeros,normal(0,0.01),he_normal} is three schemes.
   *
   * @throws IllegalArgumentException for unbalanced parentheses or an empty entry
   */
  static List<String> split(String list) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException("--schemes: unbalanced ')' at character " + (i + 1)
              + " of '" + list + "'");
        }
      }
      if (c == ',' && depth == 0) {
        parts.add(entry(current, list));
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("--schemes: unbalanced '(' in '" + list + "'");
    }
    parts.add(entry(current, list));
    return parts;
  }

  private static String entry(StringBuilder current, String list) {
    String s = current.toString().trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("--schemes: empty entry in '" + list + "'");
    }
    return s;
  }
}
