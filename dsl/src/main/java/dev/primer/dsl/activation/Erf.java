package dev.primer.dsl.activation;

/**
 * The error function, for gelu's x * Phi(x) = x (1 + erf(x / sqrt 2)) / 2, to about 1e-14:
 * <pre>
 *   |x| &lt; 3:  erf(x)  = (2 / sqrt(pi)) sum_k (-1)^k x^(2k+1) / (k! (2k + 1))       (Taylor)
 *   x &gt;= 3:   erfc(x) = (e^(-x^2) / sqrt(pi)) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...))))
 * </pre>
 * the continued fraction (Abramowitz and Stegun 7.1.14) evaluated from 80 terms down, where the
 * series would cancel; erf(-x) = -erf(x).
 */
final class Erf {
  private Erf() {
    throw new AssertionError("no instances");
  }

  static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double a = Math.abs(x);
    double value;
    if (a < 3) {
      double term = a;
      double sum = a;
      double square = a * a;
      for (int k = 1; k < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
        term *= -square / k;
        sum += term / (2 * k + 1);
      }
      value = 2 / Math.sqrt(Math.PI) * sum;
    } else {
      double fraction = a;
      for (int k = 80; k >= 1; k--) {
        fraction = a + (k / 2.0) / fraction;
      }
      value = 1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / fraction;
    }
    return x < 0 ? -value : value;
  }
}
