package dev.primer.dsl.base;

/** How the text form writes numbers; shared by every printer of the spec language. */
public final class Numbers {
  private Numbers() {
    throw new AssertionError("no instances");
  }

  /**
   * A double as the text form writes it: integral values without a fraction ({@code 0},
   * {@code 2}), others as {@link Double#toString} does, which parses back to the same double.
   */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /**
   * A layer argument as the text form writes it: a double by {@link #format}, a {@link Shape} as
   * its dimensions ({@code 28,28,1}), an enum as its lower-case name, anything else by toString.
   */
  public static String argument(Object a) {
    if (a instanceof Double d) {
      return format(d);
    }
    if (a instanceof Shape s) {
      return s.toArguments();
    }
    if (a instanceof Enum<?> e) {
      return e.name().toLowerCase(java.util.Locale.ROOT);
    }
    return a.toString();
  }
}
