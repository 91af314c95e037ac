package dev.primer.dsl.base;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One typed argument of a {@link Signature}: its name (as usage lines show it), its type, and the
 * default a caller may leave it out for. Immutable: {@link #or} and {@link #orArgument} return a
 * new value.
 *
 * @param name the name in usage lines: {@code units}, {@code max_iterations}
 * @param type what the text form may write there
 * @param choices for {@link Type#CHOICE}, the enum whose lower-case constant names are allowed
 * @param fallback the default from the arguments before it, or null where it is required
 */
public record Param(
    String name, Type type, Class<? extends Enum<?>> choices,
    Function<List<Object>, Object> fallback) {

  /** What an argument must be, and the Java value it becomes. */
  public enum Type {
    /** A whole number: an {@link Integer}. */
    INTEGER,
    /** Any number: a {@link Double}. */
    NUMBER,
    /** One of an enum's lower-case names, read case-insensitively: the enum constant. */
    CHOICE,
    /** The rest of the arguments, at least one, each a whole number: an {@code int[]}. */
    INTEGERS,
    /** A quoted text ({@link Quoted}): a {@link String}. */
    TEXT,
    /** Anything the parser read (a number, a word, a call), passed on unchecked. */
    ANY
  }

  /** Checks that a name and a type are given. */
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** A whole number. */
  public static Param integer(String name) {
    return new Param(name, Type.INTEGER, null, null);
  }

  /** A number. */
  public static Param number(String name) {
    return new Param(name, Type.NUMBER, null, null);
  }

  /** One of the constants of {@code type}, written in lower case: {@code valid}, {@code same}. */
  public static Param choice(String name, Class<? extends Enum<?>> type) {
    return new Param(name, Type.CHOICE, type, null);
  }

  /** The rest of the arguments, whole numbers, at least one. */
  public static Param integers(String name) {
    return new Param(name, Type.INTEGERS, null, null);
  }

  /** A quoted text, such as a file name: {@code "base/weights.npz"}. */
  public static Param text(String name) {
    return new Param(name, Type.TEXT, null, null);
  }

  /** An argument read by its caller (an initializer in a step). */
  public static Param any(String name) {
    return new Param(name, Type.ANY, null, null);
  }

  /** This argument with default {@code value} when it is left out. */
  public Param or(Object value) {
    Objects.requireNonNull(value, "value");
    return new Param(name, type, choices, before -> value);
  }

  /** This argument, when left out, equal to the argument at {@code index} (stride = pool). */
  public Param orArgument(int index) {
    return new Param(name, type, choices, before -> before.get(index));
  }

  /** Whether a caller may leave it out. */
  public boolean optional() {
    return fallback != null;
  }

  /** The allowed words of a {@link Type#CHOICE}, in declaration order. */
  public List<String> words() {
    return Arrays.stream(choices.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
  }

  /** How a usage line shows it: its name, the words of a choice, {@code dims...} for the rest. */
  String usage() {
    return switch (type) {
      case CHOICE -> String.join("|", words());
      case INTEGERS -> name + "...";
      default -> name;
    };
  }
}
