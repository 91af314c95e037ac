package dev.primer.dsl.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quadrature and the moments AUTO computes with it, against closed forms and a fine Riemann
 * sum computed here.
 */
class GaussianQuadratureTest {

  /**
   * sum_i f(z_i) p(z_i) dz over [-40 sqrt q, 40 sqrt q], 400,001 points: for the smooth, fast
   * decaying integrands here the error is far below the 1e-8 asked.
   */
  private static double riemann(java.util.function.DoubleUnaryOperator f, double q) {
    int points = 400_001;
    double half = 40 * Math.sqrt(q);
    double dz = 2 * half / (points - 1);
    double sum = 0;
    for (int i = 0; i < points; i++) {
      double z = -half + i * dz;
      sum += f.applyAsDouble(z) * Math.exp(-z * z / (2 * q));
    }
    return sum * dz / Math.sqrt(2 * Math.PI * q);
  }

  @Test
  void nodesAndWeightsIntegrateGaussianMomentsExactly() {
    double[][] rule = GaussianQuadrature.hermite(GaussianQuadrature.HERMITE_POINTS);
    assertThat(java.util.Arrays.stream(rule[1]).sum()).isCloseTo(Math.sqrt(Math.PI),
        within(1e-13));
    // E[z^(2k)] = q^k (2k - 1)!! for z ~ N(0, q)
    double q = 1.7;
    double doubleFactorial = 1;
    for (int k = 1; k <= 10; k++) {
      doubleFactorial *= 2 * k - 1;
      int power = 2 * k;
      double expected = Math.pow(q, k) * doubleFactorial;
      assertThat(GaussianQuadrature.expectation(z -> Math.pow(z, power), q))
          .as("E[z^%d]", power).isCloseTo(expected, within(1e-12 * expected));
    }
    double[][] laguerre = GaussianQuadrature.laguerre(GaussianQuadrature.LAGUERRE_POINTS);
    // int_0^inf u^k e^-u du = k!
    double factorial = 1;
    for (int k = 0; k <= 12; k++) {
      factorial *= Math.max(1, k);
      double sum = 0;
      for (int j = 0; j < laguerre[0].length; j++) {
        sum += laguerre[1][j] * Math.pow(laguerre[0][j], k);
      }
      assertThat(sum).as("int u^%d e^-u", k).isCloseTo(factorial, within(1e-11 * factorial));
    }
  }

  @ParameterizedTest(name = "q = {0}")
  @ValueSource(doubles = {0.25, 1, 2.5, 9})
  void reluHalvesTheSecondMoment(double q) {
    assertThat(Gain.secondMoment(Activation.relu(), q)).isCloseTo(q / 2, within(1e-13 * q));
    assertThat(Gain.mean(Activation.relu(), q))
        .isCloseTo(Math.sqrt(q / (2 * Math.PI)), within(1e-13));
    // leakyRelu(a): (1 + a^2) q / 2, both halves exactly
    assertThat(Gain.secondMoment(Activation.leakyRelu(0.2), q))
        .isCloseTo(1.04 * q / 2, within(1e-13 * q));
  }

  @Test
  void tanhIsLinearForSmallVariance() {
    // tanh(z) = z - z^3/3 + ...: E[tanh^2] = q - 2 E[z^4]/3 + O(q^3) = q - 2 q^2 + O(q^3)
    double q = 1e-3;
    assertThat(Gain.secondMoment(Activation.tanh(), q))
        .isCloseTo(q - 2 * q * q, within(20 * q * q * q));
  }

  @Test
  void eluAndSeluMatchTheirClosedForms() {
    // for z ~ N(0, q): E[(e^z - 1)^2 1(z < 0)] = e^(2q) Phi(-2 sqrt q) - 2 e^(q/2) Phi(-sqrt q) + 1/2
    for (double q : new double[] {0.5, 1, 3}) {
      double negative = Math.exp(2 * q) * phi(-2 * Math.sqrt(q))
          - 2 * Math.exp(q / 2) * phi(-Math.sqrt(q)) + 0.5;
      assertThat(Gain.secondMoment(Activation.elu(), q)).as("elu, q = %s", q)
          .isCloseTo(q / 2 + negative, within(1e-12));
    }
    // SELU's constants make N(0, 1) its fixed point: mean 0, second moment 1
    assertThat(Gain.secondMoment(Activation.selu(), 1)).isCloseTo(1, within(1e-8));
    assertThat(Gain.mean(Activation.selu(), 1)).isCloseTo(0, within(1e-8));
  }

  /** The standard normal CDF, by {@link Erf} (checked against tabled values below). */
  private static double phi(double x) {
    return (1 + Erf.erf(x / Math.sqrt(2))) / 2;
  }

  @ParameterizedTest(name = "q = {0}")
  @ValueSource(doubles = {0.5, 1, 4})
  void smoothActivationsMatchAFineRiemannSum(double q) {
    for (Activation a : new Activation[] {Activation.gelu(), Activation.swish(),
        Activation.tanh(), Activation.sigmoid()}) {
      double riemann = riemann(z -> a.apply(z) * a.apply(z), q);
      // 150 points: ~1e-12 for q <= 1; at q = 4 tanh's poles at ±i pi/2 come within 0.56 of the
      // real axis in the rule's variable, and the error grows to ~2e-7 (harmless for a scale)
      assertThat(Gain.secondMoment(a, q)).as("%s, q = %s", a, q)
          .isCloseTo(riemann, within(q <= 1 ? 1e-9 : 1e-6));
    }
  }

  @Test
  void erfAgreesWithGeluDefinitionAndKnownValues() {
    // erf(1) and erf(0.5) (Abramowitz and Stegun, table 7.1), erfc(4) = 1.541725790e-8
    assertThat(Erf.erf(1)).isCloseTo(0.8427007929497149, within(1e-15));
    assertThat(Erf.erf(0.5)).isCloseTo(0.5204998778130465, within(1e-15));
    // 1 - erf(4) in double: erf(4) is rounded to 1.1e-16, so that is the tolerance
    assertThat(1 - Erf.erf(4)).isCloseTo(1.541725790028002e-8, within(2e-16));
    assertThat(Erf.erf(-2)).isCloseTo(-0.9953222650189527, within(1e-15));
  }

  @Test
  void maxPoolingMomentIsTheOrderStatistic() {
    // k = 1 is the plain moment; for relu and k = 2, E[relu(max)^2] = E[max(z1, z2)^2 1(max > 0)]
    assertThat(Gain.momentOfMax(Activation.relu(), 1, 1, 2)).isCloseTo(0.5, within(1e-12));
    double riemann2d = 0;
    int n = 1601;
    double h = 16.0 / (n - 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double a = -8 + i * h;
        double b = -8 + j * h;
        double m = Math.max(0, Math.max(a, b));
        riemann2d += m * m * Math.exp(-(a * a + b * b) / 2);
      }
    }
    riemann2d *= h * h / (2 * Math.PI);
    assertThat(Gain.momentOfMax(Activation.relu(), 1, 2, 2)).isCloseTo(riemann2d, within(1e-4));
  }
}
