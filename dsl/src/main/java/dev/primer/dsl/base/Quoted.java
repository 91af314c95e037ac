package dev.primer.dsl.base;

import java.util.Objects;

/**
 * A quoted text argument of the text form, such as the file and array names of
 * {@code from("base/weights.npz","dense_0/kernel")}: kept apart from a bare word
 * ({@code he_normal}, {@code same}), which names a choice. Written between double quotes, with a
 * double quote and a backslash escaped by a backslash ({@code "C:\\nets\\w.npz"}).
 *
 * @param text the text itself, without quotes or escapes
 */
public record Quoted(String text) {

  /** Checks that there is a text (it may be empty). */
  public Quoted {
    Objects.requireNonNull(text, "text");
  }

  /** As the text form writes it: quoted, {@code "} and {@code \} escaped. */
  @Override
  public String toString() {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
