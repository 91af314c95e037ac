package dev.primer.dsl.activation;

import java.util.function.DoubleUnaryOperator;

/**
 * Expectations over a Gaussian, E[f(z)] for z ~ N(0, q), by Gauss quadrature: what {@link Gain}
 * uses to compute, from an activation's own formula, the second moment it passes on.
 * <pre>
 *   E[f(z)] = (1 / sqrt(pi)) * sum_i w_i f(sqrt(2 q) x_i)             Gauss-Hermite, n = 150
 * </pre>
 * exact for polynomials of degree &lt; 300 and spectrally accurate for smooth f (gelu, swish,
 * tanh, sigmoid: within 1e-12 of an adaptive integral at q = 1, 2e-7 for tanh at q = 4, whose
 * poles at ±i pi/2 then come near the real axis; 64 points left gelu's off by
 * 7e-8 at q = 4, where Phi's step is narrow against the Gaussian). For f with a kink at 0 (relu,
 * leakyRelu, elu, selu) Gauss-Hermite converges only like n^-2 (selu's E[f^2] off by 2e-4 at
 * n = 64), so
 * {@link #expectationSplitAtZero} integrates each half-line on its own: with f = p on z &gt; 0 and
 * f = m on z &lt; 0, p and m each smooth on the whole line, let H(t) = p(t) + m(-t), H_e and H_o
 * its even and odd parts and K(t) = H_o(t) / t (even, smooth); then
 * <pre>
 *   E[f(z)] = E[H(z) 1(z &gt; 0)] = E[H_e(z)] / 2 + E[|z| K(z)] / 2
 *   E[|z| K(z)] = sqrt(2 q / pi) * sum_j v_j K(sqrt(2 q u_j))          Gauss-Laguerre, n = 40
 * </pre>
 * (substituting u = z^2 / (2 q) turns |z| e^(-z^2 / 2q) dz into q e^-u du), both parts smooth.
 *
 * <p>The nodes are the roots of the Hermite polynomials H_n (orthonormal recurrence) and of the
 * Laguerre polynomials L_n, found by Newton's method from asymptotic first guesses, with the
 * weights from the derivative at each root (Golub and Welsch 1969 compute the same nodes as the
 * eigenvalues of the Jacobi matrix; Press et al., Numerical Recipes, section 4.6, give the
 * guesses). Computed once, when the class loads.
 */
public final class GaussianQuadrature {
  private GaussianQuadrature() {
    throw new AssertionError("no instances");
  }

  /** Gauss-Hermite points, for the weight e^(-x^2) on the whole line. */
  static final int HERMITE_POINTS = 150;

  /** Gauss-Laguerre points, for the weight e^(-u) on [0, infinity). */
  static final int LAGUERRE_POINTS = 40;

  private static final double[][] HERMITE = hermite(HERMITE_POINTS);
  private static final double[][] LAGUERRE = laguerre(LAGUERRE_POINTS);

  /**
   * E[f(z)] for z ~ N(0, q), by Gauss-Hermite quadrature: for f smooth on the whole line.
   *
   * @param q the variance, &gt;= 0 (0 gives f(0))
   */
  public static double expectation(DoubleUnaryOperator f, double q) {
    checkVariance(q);
    double[] x = HERMITE[0];
    double[] w = HERMITE[1];
    double scale = Math.sqrt(2 * q);
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += w[i] * f.applyAsDouble(scale * x[i]);
    }
    return sum / Math.sqrt(Math.PI);
  }

  /**
   * E[f(z)] for z ~ N(0, q), where f is {@code positive} for z &gt; 0 and {@code negative} for
   * z &lt; 0, each smooth on the whole line: exact to about 1e-12 where plain Gauss-Hermite over
   * the kink is not (see the class comment).
   */
  public static double expectationSplitAtZero(
      DoubleUnaryOperator positive, DoubleUnaryOperator negative, double q) {
    checkVariance(q);
    if (q == 0) {
      return (positive.applyAsDouble(0) + negative.applyAsDouble(0)) / 2;
    }
    DoubleUnaryOperator h = t -> positive.applyAsDouble(t) + negative.applyAsDouble(-t);
    double even = expectation(z -> (h.applyAsDouble(z) + h.applyAsDouble(-z)) / 2, q);
    double[] u = LAGUERRE[0];
    double[] v = LAGUERRE[1];
    double odd = 0;
    for (int j = 0; j < u.length; j++) {
      double t = Math.sqrt(2 * q * u[j]);
      odd += v[j] * (h.applyAsDouble(t) - h.applyAsDouble(-t)) / (2 * t);
    }
    return even / 2 + Math.sqrt(2 * q / Math.PI) * odd / 2;
  }

  private static void checkVariance(double q) {
    if (!(q >= 0) || !Double.isFinite(q)) {
      throw new IllegalArgumentException("variance must be finite and >= 0, got " + q);
    }
  }

  /** {nodes, weights} of the n-point rule for e^(-x^2): roots of H_n by Newton's method. */
  static double[][] hermite(int n) {
    double[] x = new double[n];
    double[] w = new double[n];
    double piToMinusQuarter = Math.pow(Math.PI, -0.25);
    double z = 0;
    for (int i = 0; i < (n + 1) / 2; i++) {
      // first guesses for the largest roots, then from the two before (roots move inwards)
      if (i == 0) {
        z = Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -1.0 / 6);
      } else if (i == 1) {
        z -= 1.14 * Math.pow(n, 0.426) / z;
      } else if (i == 2) {
        z = 1.86 * z - 0.86 * x[0];
      } else if (i == 3) {
        z = 1.91 * z - 0.91 * x[1];
      } else {
        z = 2 * z - x[i - 2];
      }
      double derivative = 0;
      for (int iteration = 0; iteration < 100; iteration++) {
        // orthonormal Hermite recurrence: h_j = z sqrt(2/j) h_{j-1} - sqrt((j-1)/j) h_{j-2}
        double p1 = piToMinusQuarter;
        double p2 = 0;
        for (int j = 1; j <= n; j++) {
          double p3 = p2;
          p2 = p1;
          p1 = z * Math.sqrt(2.0 / j) * p2 - Math.sqrt((j - 1.0) / j) * p3;
        }
        derivative = Math.sqrt(2.0 * n) * p2;
        double step = p1 / derivative;
        z -= step;
        if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) {
          break;
        }
      }
      x[i] = z;
      x[n - 1 - i] = -z;
      w[i] = 2 / (derivative * derivative);
      w[n - 1 - i] = w[i];
    }
    return new double[][] {x, w};
  }

  /** {nodes, weights} of the n-point rule for e^(-u) on [0, inf): roots of L_n by Newton. */
  static double[][] laguerre(int n) {
    double[] u = new double[n];
    double[] v = new double[n];
    double z = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0) {
        z = 3.0 / (1 + 2.4 * n);
      } else if (i == 1) {
        z += 15.0 / (1 + 2.5 * n);
      } else {
        double ai = i - 1;
        z += ((1 + 2.55 * ai) / (1.9 * ai)) * (z - u[i - 2]);
      }
      double derivative = 0;
      double previous = 0;
      for (int iteration = 0; iteration < 100; iteration++) {
        // Laguerre recurrence: j L_j = (2j - 1 - z) L_{j-1} - (j - 1) L_{j-2}
        double p1 = 1;
        double p2 = 0;
        for (int j = 1; j <= n; j++) {
          double p3 = p2;
          p2 = p1;
          p1 = ((2 * j - 1 - z) * p2 - (j - 1) * p3) / j;
        }
        derivative = (n * p1 - n * p2) / z;
        previous = p2;
        double step = p1 / derivative;
        z -= step;
        if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) {
          break;
        }
      }
      u[i] = z;
      v[i] = -1 / (derivative * n * previous);
    }
    return new double[][] {u, v};
  }
}
