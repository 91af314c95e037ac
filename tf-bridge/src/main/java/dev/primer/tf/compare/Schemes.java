package dev.primer.tf.compare;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Init;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schemes by name: the kernel initializers a comparison or a depth sweep tries, each written in
 * the spec language's text form ({@code he_normal}, {@code normal(0,0.01)}, {@code lsuv}) and
 * kept under that name. The one place a list of schemes is read, for the plans and the
 * {@code primer} command alike.
 * <pre>
 *   Map&lt;String, Init&gt; schemes = Schemes.parseList("zeros,normal(0,0.01),he_normal");
 * </pre>
 */
public final class Schemes {
  private Schemes() {
    throw new AssertionError("no instances");
  }

  /**
   * One initializer in the text form, surrounding blanks ignored.
   *
   * @throws IllegalArgumentException {@code scheme 'he_norml': column 1: unknown initializer ...}
   */
  public static Init parse(String text) {
    try {
      return Net.parseInit(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scheme '" + text.trim() + "': " + e.getMessage(), e);
    }
  }

  /**
   * Initializers by name, in the order given, each name trimmed and {@link #parse parsed}.
   *
   * @return an unmodifiable map that keeps the order
   * @throws IllegalArgumentException naming the scheme that does not parse
   */
  public static Map<String, Init> named(List<String> names) {
    Map<String, Init> schemes = new LinkedHashMap<>();
    for (String name : names) {
      schemes.put(name.trim(), parse(name));
    }
    return Collections.unmodifiableMap(schemes);
  }

  /**
   * A comma-separated list read into initializers by name, in order: {@link #split} then
   * {@link #named}.
   *
   * @throws IllegalArgumentException naming what is wrong with the list or the scheme
   */
  public static Map<String, Init> parseList(String list) {
    return named(split(list));
  }

  /**
   * Splits a comma-separated list at the commas outside parentheses, trimming each entry:
   * {@code zeros,normal(0,0.01),he_normal} is three schemes.
   *
   * @throws IllegalArgumentException for unbalanced parentheses ({@code unbalanced ')' at
   *     character 6 of 'zeros)'}) or an empty entry ({@code empty entry in 'zeros,,he'})
   */
  public static List<String> split(String list) {
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
          throw new IllegalArgumentException("unbalanced ')' at character " + (i + 1) + " of '"
              + list + "'");
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
      throw new IllegalArgumentException("unbalanced '(' in '" + list + "'");
    }
    parts.add(entry(current, list));
    return List.copyOf(parts);
  }

  private static String entry(StringBuilder current, String list) {
    String s = current.toString().trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty entry in '" + list + "'");
    }
    return s;
  }
}
