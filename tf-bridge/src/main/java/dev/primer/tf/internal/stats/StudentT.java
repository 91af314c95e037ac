package dev.primer.tf.internal.stats;

/**
 * Student's t distribution with an integer number of degrees of freedom ν ≥ 1: the two-sided
 * probability {@code A(t | ν) = P(|T| <= t)}, the two-sided p-value and the quantile a
 * confidence interval needs. Exact finite series (Abramowitz &amp; Stegun, <i>Handbook of
 * Mathematical Functions</i>, 26.7.3 and 26.7.4), with θ = atan(t / √ν):
 * <pre>
 *   ν = 1:        A = 2θ/π
 *   ν odd  > 1:   A = (2/π) (θ + sin θ cos θ (1 + (2/3) cos²θ + ... + (2·4···(ν-3))/(1·3···(ν-2)) cos^(ν-3) θ))
 *   ν even:       A = sin θ (1 + (1/2) cos²θ + (1·3)/(2·4) cos⁴θ + ... + (1·3···(ν-3))/(2·4···(ν-2)) cos^(ν-2) θ)
 * </pre>
 * Each term is the one before times {@code cos²θ (k-1)/k} (k = 3, 5, ... for odd ν, k = 2, 4,
 * ... for even ν). A rises strictly from 0 to 1 with θ in (0, π/2), so the quantile is found by
 * bisection on θ to the last bit. Seeds are counted in integers, so integer ν is all a
 * comparison needs; this is why the bridge carries these few lines instead of a statistics
 * library at run time (commons-math3 stays a test dependency, the reference the tests check
 * against).
 */
public final class StudentT {
  private StudentT() {
    throw new AssertionError("no instances");
  }

  /**
   * {@code P(|T| <= t)} for {@code dof} degrees of freedom; 0 for t = 0 and negative t is taken
   * as |t|; 1 for infinite t.
   *
   * @throws IllegalArgumentException for {@code dof < 1} or NaN {@code t}
   */
  public static double twoSidedProbability(double t, int dof) {
    checkDof(dof);
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("Student t: t is NaN");
    }
    return ofAngle(Math.atan(Math.abs(t) / Math.sqrt(dof)), dof);
  }

  /**
   * The two-sided p-value of a t statistic: {@code P(|T| >= |t|) = 1 - A(|t| | dof)}.
   *
   * @throws IllegalArgumentException for {@code dof < 1} or NaN {@code t}
   */
  public static double twoSidedPValue(double t, int dof) {
    return 1 - twoSidedProbability(t, dof);
  }

  /**
   * The t with {@code P(|T| <= t) = coverage}: the multiplier of the standard error in a
   * two-sided interval of that coverage (12.706 for 95% and one degree of freedom, 4.303 for
   * two, 1.960 in the limit). Equal to the one-sided quantile at {@code (1 + coverage) / 2}.
   *
   * @throws IllegalArgumentException for {@code dof < 1} or a coverage outside (0, 1)
   */
  public static double twoSidedQuantile(double coverage, int dof) {
    checkDof(dof);
    if (!(coverage > 0 && coverage < 1)) {
      throw new IllegalArgumentException("Student t: coverage must be in (0, 1), got "
          + coverage);
    }
    double low = 0;
    double high = Math.PI / 2;
    while (true) {
      double mid = 0.5 * (low + high);
      if (mid <= low || mid >= high) {
        return Math.sqrt(dof) * Math.tan(mid);
      }
      if (ofAngle(mid, dof) < coverage) {
        low = mid;
      } else {
        high = mid;
      }
    }
  }

  /** A(θ | ν) by the series of the class comment. */
  private static double ofAngle(double theta, int dof) {
    double sin = Math.sin(theta);
    double cos = Math.cos(theta);
    double cos2 = cos * cos;
    if (dof % 2 == 0) {
      double term = 1;
      double sum = 1;
      for (int k = 2; k <= dof - 2; k += 2) {
        term *= cos2 * (k - 1) / k;
        sum += term;
      }
      return Math.min(1, sin * sum);
    }
    if (dof == 1) {
      return 2 * theta / Math.PI;
    }
    double term = 1;
    double sum = 1;
    for (int k = 3; k <= dof - 2; k += 2) {
      term *= cos2 * (k - 1) / k;
      sum += term;
    }
    return Math.min(1, 2 / Math.PI * (theta + sin * cos * sum));
  }

  private static void checkDof(int dof) {
    if (dof < 1) {
      throw new IllegalArgumentException("Student t: degrees of freedom must be >= 1, got "
          + dof);
    }
  }
}
