package dev.primer.tf.internal.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The distributions initial weights should follow, recomputed here from their formulas (never
 * from the code under test), and checks of drawn values against them whose tolerances come from
 * the sample size.
 *
 * <p>Tolerances. For n independent draws of a distribution with mean mu, variance s2 and fourth
 * central moment m4:
 * <ul>
 *   <li>the sample mean has standard error sqrt(s2 / n);
 *   <li>the sample variance has variance (m4 - s2^2 (n - 3) / (n - 1)) / n, so standard error
 *       about sqrt((m4 - s2^2) / n): for a normal (m4 = 3 s2^2) that is s2 sqrt(2 / n), for a
 *       uniform (m4 = 9/5 s2^2) s2 sqrt(0.8 / n);
 * </ul>
 * and both are checked to within {@link #Z} standard errors (two-sided p about 6e-7 each). The
 * Kolmogorov-Smirnov test (and the other goodness-of-fit tests) must give p &gt;
 * {@link #KS_ALPHA}: with some 230 such tests in the suite, correct initializers fail one with
 * probability about 2% (the smallest p-value seen is 0.014). Seeds are fixed, so each test is
 * deterministic: a pass stays a pass until the draws change.
 */
final class InitStatistics {
  private InitStatistics() {
    throw new AssertionError("no instances");
  }

  /** Standard errors allowed for a sample mean or variance. */
  static final double Z = 5;

  /** The p-value below which a Kolmogorov-Smirnov test rejects. */
  static final double KS_ALPHA = 1e-4;

  /**
   * -ln(1e-6): n independent draws all miss an interval of probability mass eps with probability
   * (1 - eps)^n &lt;= exp(-eps n), which is 1e-6 for eps = {@code MISS} / n.
   */
  static final double MISS = Math.log(1e6);

  private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);
  private static final double PHI_2 = STANDARD.density(2);
  /** P(Z &lt;= -2) for Z ~ N(0, 1). */
  private static final double LOWER_TAIL_2 = STANDARD.cumulativeProbability(-2);
  /** P(-2 &lt; Z &lt; 2) for Z ~ N(0, 1). */
  private static final double MASS_2 = STANDARD.cumulativeProbability(-2, 2);
  /**
   * Second and fourth moments of N(0, 1) truncated to (-2, 2), by integrating by parts:
   * E[X^2] = 1 - 2 a phi(a) / Z, E[X^4] = 3 E[X^2] - 2 a^3 phi(a) / Z with a = 2, Z = P(|N| &lt; a).
   */
  static final double TRUNCATED_M2 = 1 - 2 * 2 * PHI_2 / MASS_2;
  static final double TRUNCATED_M4 = 3 * TRUNCATED_M2 - 2 * 8 * PHI_2 / MASS_2;
  /** Standard deviation of N(0, 1) truncated to (-2, 2): 0.8796256610342398. */
  static final double TRUNCATED_STD = Math.sqrt(TRUNCATED_M2);

  // ------------------------------------------------------------------ fans, recomputed

  /** Product of all dimensions but the last two (1 for a matrix). */
  static long receptiveField(int[] shape) {
    long r = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      r *= shape[i];
    }
    return r;
  }

  static long fanIn(int[] shape) {
    return receptiveField(shape) * shape[shape.length - 2];
  }

  static long fanOut(int[] shape) {
    return receptiveField(shape) * shape[shape.length - 1];
  }

  // ------------------------------------------------------------------ expected distributions

  /** What the values of a parameter should look like. */
  sealed interface Expected
      permits UniformOn, SumOfTwoUniforms, NormalWith, TruncatedNormalWith, ConstantAt {
    double mean();

    double variance();

    /** E[(X - mean)^4]. */
    double fourthCentralMoment();

    RealDistribution distribution();
  }

  /** U[lo, hi). */
  record UniformOn(double lo, double hi) implements Expected {
    static UniformOn symmetric(double limit) {
      return new UniformOn(-limit, limit);
    }

    @Override public double mean() { return (lo + hi) / 2; }
    @Override public double variance() { return (hi - lo) * (hi - lo) / 12; }
    @Override public double fourthCentralMoment() { return Math.pow(hi - lo, 4) / 80; }
    @Override public RealDistribution distribution() { return new UniformRealDistribution(lo, hi); }
  }

  /**
   * U(-bound, bound) + U(-bound, bound), independent: triangular on [-2 bound, 2 bound],
   * variance 2 bound^2 / 3, E[X^4] = 2 E[U^4] + 6 E[U^2]^2 = 2 bound^4 / 5 + 2 bound^4 / 3.
   */
  record SumOfTwoUniforms(double bound) implements Expected {
    @Override public double mean() { return 0; }
    @Override public double variance() { return 2 * bound * bound / 3; }
    @Override public double fourthCentralMoment() { return 16 * Math.pow(bound, 4) / 15; }
    @Override public RealDistribution distribution() {
      return new org.apache.commons.math3.distribution.TriangularDistribution(
          -2 * bound, 0, 2 * bound);
    }
  }

  /** N(mean, std^2), not truncated. */
  record NormalWith(double mean, double std) implements Expected {
    @Override public double variance() { return std * std; }
    @Override public double fourthCentralMoment() { return 3 * Math.pow(std, 4); }
    @Override public RealDistribution distribution() { return new NormalDistribution(mean, std); }
  }

  /** N(mean, std^2) conditioned on |x - mean| &lt; 2 std; {@code std} is before truncation. */
  record TruncatedNormalWith(double mean, double std) implements Expected {
    @Override public double variance() { return std * std * TRUNCATED_M2; }
    @Override public double fourthCentralMoment() { return Math.pow(std, 4) * TRUNCATED_M4; }
    @Override public RealDistribution distribution() { return new TruncatedNormal(mean, std); }
  }

  /** Every value equal. */
  record ConstantAt(double value) implements Expected {
    @Override public double mean() { return value; }
    @Override public double variance() { return 0; }
    @Override public double fourthCentralMoment() { return 0; }
    @Override public RealDistribution distribution() {
      throw new UnsupportedOperationException("a constant has no KS test");
    }
  }

  /** The CDF of N(mean, std^2) truncated to mean +- 2 std, built from the normal's. */
  static final class TruncatedNormal extends AbstractRealDistribution {
    private static final long serialVersionUID = 1L;
    private final double mean;
    private final double std;

    TruncatedNormal(double mean, double std) {
      super(null);
      this.mean = mean;
      this.std = std;
    }

    @Override
    public double density(double x) {
      double z = (x - mean) / std;
      return Math.abs(z) > 2 ? 0 : STANDARD.density(z) / (std * MASS_2);
    }

    @Override
    public double cumulativeProbability(double x) {
      double z = (x - mean) / std;
      if (z <= -2) {
        return 0;
      }
      if (z >= 2) {
        return 1;
      }
      return (STANDARD.cumulativeProbability(z) - LOWER_TAIL_2) / MASS_2;
    }

    @Override public double getNumericalMean() { return mean; }
    @Override public double getNumericalVariance() { return std * std * TRUNCATED_M2; }
    @Override public double getSupportLowerBound() { return mean - 2 * std; }
    @Override public double getSupportUpperBound() { return mean + 2 * std; }
    @Override public boolean isSupportLowerBoundInclusive() { return false; }
    @Override public boolean isSupportUpperBoundInclusive() { return false; }
    @Override public boolean isSupportConnected() { return true; }
  }

  /**
   * One coordinate of a uniformly random point on the sphere of radius {@code scale} in R^dim
   * (a column of a Haar-random matrix with orthonormal columns): X^2 / scale^2 ~ Beta(1/2,
   * (dim - 1)/2), symmetric about 0.
   */
  static final class SphereCoordinate extends AbstractRealDistribution {
    private static final long serialVersionUID = 1L;
    private final BetaDistribution squared;
    private final int dim;
    private final double scale;

    SphereCoordinate(int dim, double scale) {
      super(null);
      this.dim = dim;
      this.scale = scale;
      this.squared = new BetaDistribution(0.5, (dim - 1) / 2.0);
    }

    @Override
    public double density(double x) {
      double t = x / scale;
      return t == 0 || Math.abs(t) >= 1 ? 0 : squared.density(t * t) * Math.abs(t) / scale;
    }

    @Override
    public double cumulativeProbability(double x) {
      double t = x / scale;
      if (t <= -1) {
        return 0;
      }
      if (t >= 1) {
        return 1;
      }
      double half = squared.cumulativeProbability(t * t) / 2;
      return t < 0 ? 0.5 - half : 0.5 + half;
    }

    @Override public double getNumericalMean() { return 0; }
    @Override public double getNumericalVariance() { return scale * scale / dim; }
    @Override public double getSupportLowerBound() { return -scale; }
    @Override public double getSupportUpperBound() { return scale; }
    @Override public boolean isSupportLowerBoundInclusive() { return true; }
    @Override public boolean isSupportUpperBoundInclusive() { return true; }
    @Override public boolean isSupportConnected() { return true; }
  }

  // ------------------------------------------------------------------ checks

  /**
   * Checks {@code values} against {@code expected}: exact for a constant; otherwise support,
   * mean, variance, shape near the edges and a KS test, as each distribution allows.
   */
  static void assertDrawnFrom(float[] values, Expected expected, String what) {
    int n = values.length;
    if (expected instanceof ConstantAt c) {
      float value = (float) c.value();
      for (int i = 0; i < n; i++) {
        if (values[i] != value) {
          throw new AssertionError(what + ": value " + i + " is " + values[i] + ", expected "
              + value + " everywhere");
        }
      }
      return;
    }
    double[] x = toDoubles(values);
    double min = Arrays.stream(x).min().orElseThrow();
    double max = Arrays.stream(x).max().orElseThrow();
    if (expected instanceof UniformOn u) {
      // float32 rounding of lo + u * (hi - lo) may land a relative 1e-7 outside
      double slack = 1e-6 * Math.max(Math.abs(u.lo()), Math.abs(u.hi()));
      assertThat(min).as("%s: min", what).isGreaterThanOrEqualTo(u.lo() - slack);
      assertThat(max).as("%s: max", what).isLessThanOrEqualTo(u.hi() + slack);
      // both ends are reached: all n draws miss an end interval of mass MISS / n with p <= 1e-6
      double edge = (u.hi() - u.lo()) * MISS / n;
      assertThat(min).as("%s: min near lo=%s", what, u.lo()).isLessThan(u.lo() + edge);
      assertThat(max).as("%s: max near hi=%s", what, u.hi()).isGreaterThan(u.hi() - edge);
    } else if (expected instanceof TruncatedNormalWith t) {
      double bound = 2 * t.std() * (1 + 1e-6) + 1e-6 * Math.abs(t.mean());
      double furthest = Math.max(t.mean() - min, max - t.mean());
      assertThat(furthest).as("%s: furthest from the mean, vs 2 std = %s", what, 2 * t.std())
          .isLessThanOrEqualTo(bound);
      // the truncated density is smallest at the edges, phi(2) / P(|N| < 2) = 0.0566 per std,
      // so the two edge bands of width d std hold mass >= 0.113 d; all n draws miss them with
      // p <= 1e-6 for d = MISS / (0.113 n)
      double band = MISS / (2 * PHI_2 / MASS_2 * n);
      assertThat(furthest).as("%s: values reach the truncation edge", what)
          .isGreaterThan((2 - band) * t.std());
    } else if (expected instanceof SumOfTwoUniforms t) {
      // support [-2b, 2b]; a quarter of the mass lies beyond b, where one U(-b, b) never goes
      double b = t.bound();
      double furthest = Math.max(-min, max);
      assertThat(furthest).as("%s: furthest from 0, vs 2b = %s", what, 2 * b)
          .isLessThanOrEqualTo(2 * b * (1 + 1e-6));
      long beyond = Arrays.stream(x).filter(v -> Math.abs(v) > b).count();
      if (-n * Math.log(0.75) > MISS) {
        // all n draws stay within b with probability 0.75^n < 1e-6
        assertThat(beyond).as("%s: values beyond b = %s (a sum of two)", what, b).isPositive();
      }
      assertThat((double) beyond / n).as("%s: fraction beyond b", what)
          .isCloseTo(0.25, within(Z * Math.sqrt(0.25 * 0.75 / n)));
    } else if (expected instanceof NormalWith nd) {
      // untruncated: a fraction 2 Phi(-2) = 4.55% lies beyond 2 std (binomial standard error)
      double p = 2 * STANDARD.cumulativeProbability(-2);
      long beyond = Arrays.stream(x).filter(v -> Math.abs(v - nd.mean()) > 2 * nd.std()).count();
      if (-n * Math.log1p(-p) > MISS) {
        // all n draws stay within 2 std with probability (1 - p)^n < 1e-6
        assertThat(beyond).as("%s: values beyond 2 std (not truncated)", what).isPositive();
      }
      assertThat((double) beyond / n).as("%s: fraction beyond 2 std", what)
          .isCloseTo(p, within(Z * Math.sqrt(p * (1 - p) / n)));
    }
    assertMoments(x, expected, what);
    assertKolmogorovSmirnov(x, expected.distribution(), what);
  }

  /** Sample mean and variance within {@link #Z} standard errors of the expected ones. */
  static void assertMoments(double[] x, Expected expected, String what) {
    int n = x.length;
    double mean = Arrays.stream(x).average().orElseThrow();
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double variance = ss / (n - 1);
    double s2 = expected.variance();
    double meanError = Z * Math.sqrt(s2 / n);
    double varianceError = Z * Math.sqrt((expected.fourthCentralMoment() - s2 * s2) / n);
    assertThat(mean).as("%s: mean (n=%d, tolerance %s)", what, n, meanError)
        .isCloseTo(expected.mean(), within(meanError));
    assertThat(variance).as("%s: variance (n=%d, tolerance %s)", what, n, varianceError)
        .isCloseTo(s2, within(varianceError));
  }

  /** The one-sample Kolmogorov-Smirnov test does not reject at {@link #KS_ALPHA}. */
  static void assertKolmogorovSmirnov(double[] x, RealDistribution distribution, String what) {
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    double d = ks.kolmogorovSmirnovStatistic(distribution, x);
    double p = ks.kolmogorovSmirnovTest(distribution, x);
    assertThat(p).as("%s: KS p-value (D=%s, n=%d)", what, d, x.length)
        .isGreaterThan(KS_ALPHA);
  }

  static double[] toDoubles(float[] values) {
    double[] x = new double[values.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = values[i];
    }
    return x;
  }

  // ------------------------------------------------------------------ matrices

  /** Columns {@code [from, from + width)} of a row-major [rows, cols] matrix, as a matrix. */
  static double[][] columns(float[] values, int rows, int cols, int from, int width) {
    double[][] m = new double[rows][width];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) {
        m[r][c] = values[r * cols + from + c];
      }
    }
    return m;
  }

  /** The whole row-major [rows, cols] matrix. */
  static double[][] matrix(float[] values, int rows, int cols) {
    return columns(values, rows, cols, 0, cols);
  }

  /** W^T W of a [rows, cols] matrix. */
  static double[][] gramOfColumns(double[][] w) {
    int cols = w[0].length;
    double[][] g = new double[cols][cols];
    for (double[] row : w) {
      for (int i = 0; i < cols; i++) {
        for (int j = i; j < cols; j++) {
          g[i][j] += row[i] * row[j];
        }
      }
    }
    for (int i = 0; i < cols; i++) {
      for (int j = 0; j < i; j++) {
        g[i][j] = g[j][i];
      }
    }
    return g;
  }

  static double[][] transpose(double[][] w) {
    double[][] t = new double[w[0].length][w.length];
    for (int r = 0; r < w.length; r++) {
      for (int c = 0; c < w[0].length; c++) {
        t[c][r] = w[r][c];
      }
    }
    return t;
  }

  /** The largest |G - scale I| entry. */
  static double maxDeviationFromScaledIdentity(double[][] g, double scale) {
    double worst = 0;
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        worst = Math.max(worst, Math.abs(g[i][j] - (i == j ? scale : 0)));
      }
    }
    return worst;
  }

  /**
   * Orthonormal columns (rows &gt;= cols: W^T W = gain^2 I) or rows (W W^T = gain^2 I), to
   * float32 accuracy. Tolerance: a backward-stable QR in float32 (unit roundoff 6e-8) leaves
   * |Q^T Q - I| of order c k 6e-8 for k = max(rows, cols), a small constant c; 1e-6 k gain^2
   * allows c = 16 (about 1e-8 k was measured). A Gaussian matrix of the same scale is off by
   * order gain^2 / sqrt(k), at least 30 times more for every shape used here.
   */
  static void assertSemiOrthogonal(double[][] w, double gain, String what) {
    int rows = w.length;
    int cols = w[0].length;
    double[][] g = rows >= cols ? gramOfColumns(w) : gramOfColumns(transpose(w));
    int k = Math.max(rows, cols);
    double tolerance = 1e-6 * k * gain * gain;
    assertThat(maxDeviationFromScaledIdentity(g, gain * gain))
        .as("%s: max |%s - gain^2 I| for a [%d, %d] matrix, gain %s", what,
            rows >= cols ? "W^T W" : "W W^T", rows, cols, gain)
        .isLessThan(tolerance);
  }
}
