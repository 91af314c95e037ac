package dev.primer.dsl.base;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How Primer writes numbers: the one place for every number format, of the spec language's text
 * form ({@link #format}, {@link #argument}) and of the reports and tables built on it
 * ({@link #compact}, {@link #threeDigits}, {@link #percent(double)}, {@link #fixed}).
 */
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
   * A call's argument as the text form writes it: a double by {@link #format}, a {@link Shape} or
   * an {@code int[]} as its numbers ({@code 28,28,1}), an enum as its lower-case name, anything
   * else by toString.
   */
  public static String argument(Object a) {
    if (a instanceof Double d) {
      return format(d);
    }
    if (a instanceof Shape s) {
      return s.toArguments();
    }
    if (a instanceof int[] dims) {
      return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
    if (a instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    return a.toString();
  }

  /**
   * Three significant digits, short and readable at any scale, as diagnosis reports write them:
   * plain between 0.001 and 99999 with trailing zeros dropped ({@code 0.0312}, {@code 1.41},
   * {@code 256}; {@code 1.23e+03} where {@code %.3g} itself goes scientific), {@code %.2e} outside
   * ({@code 3.12e-05}); {@code nan}, {@code inf}, {@code -inf}.
   */
  public static String compact(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return "0";
    }
    double a = Math.abs(x);
    if (a >= 1e-3 && a < 1e5) {
      String s = String.format(Locale.ROOT, "%.3g", x);
      if (s.contains("e")) {
        return s;
      }
      return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
    return String.format(Locale.ROOT, "%.2e", x);
  }

  /**
   * {@code %.3g} with the trailing zeros of the fraction dropped, before an exponent too
   * ({@code 0.100} to {@code 0.1}, {@code 1.00e+03} to {@code 1e+03}; {@code 100} stays): how the
   * summary labels a sampler's numbers.
   */
  public static String threeDigits(double v) {
    return String.format(Locale.ROOT, "%.3g", v)
        .replaceFirst("(\\.\\d*?)0+(?=e|$)", "$1").replaceFirst("\\.(?=e|$)", "");
  }

  private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{4,}(E-?\\d+)?");

  /** {@code text} with every decimal of four or more fraction digits by {@link #threeDigits}. */
  public static String threeDigitsIn(String text) {
    Matcher m = LONG_DECIMAL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, threeDigits(Double.parseDouble(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A fraction as a percentage with one decimal: {@code 12.5%}; {@code nan} for NaN. */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? "nan" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /**
   * A fraction as a percentage with {@code decimals} decimals ({@code 97.25%}), or {@code -} (a
   * table's empty cell) when it is not finite.
   */
  public static String percent(double fraction, int decimals) {
    return Double.isFinite(fraction) ? fixed(100 * fraction, decimals) + "%" : "-";
  }

  /** {@code v} with {@code decimals} decimals ({@code 0.3071}), or {@code -} when not finite. */
  public static String fixed(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
  }

  /** A count with thousands separators: {@code 23,808}. */
  public static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
