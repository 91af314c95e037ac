package dev.primer.tf.diagnose;

import java.util.Locale;

/** How diagnosis reports write numbers: short, and readable at any scale. */
final class Numbers {
  private Numbers() {
    throw new AssertionError("no instances");
  }

  /**
   * Three significant digits: plain between 0.001 and 99999 ({@code 0.0312}, {@code 1.41},
   * {@code 256}), scientific outside ({@code 3.12e-05}); {@code nan}, {@code inf}, {@code -inf}.
   */
  static String format(double x) {
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

  /** A fraction as a percentage with one decimal: {@code 12.5%}. */
  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "nan" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }
}
