package dev.primer.dsl.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TruncatedNormalTest {

  /** erf by its Maclaurin series, exact to rounding for |x| <= 2. */
  private static double erf(double x) {
    double sum = 0;
    double power = x; // x^(2n+1) / n!
    for (int n = 0; n < 60; n++) {
      sum += (n % 2 == 0 ? 1 : -1) * power / (2 * n + 1);
      power *= x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  @Test
  void theConstantIsTheStdOfAUnitNormalTruncatedAtTwo() {
    // Var of N(0,1) restricted to (-a, a): 1 - 2 a phi(a) / (2 Phi(a) - 1),
    // and 2 Phi(a) - 1 = erf(a / sqrt 2)
    double a = 2;
    double density = Math.exp(-a * a / 2) / Math.sqrt(2 * Math.PI);
    double mass = erf(a / Math.sqrt(2));
    double std = Math.sqrt(1 - 2 * a * density / mass);
    assertThat(TruncatedNormal.STD_OF_UNIT_TRUNCATED).isCloseTo(std, within(1e-15));
    assertThat(erf(1)).isCloseTo(0.8427007929497149, within(1e-15)); // the series itself
  }

  @Test
  void effectiveStdIsShrunkByTheConstant() {
    assertThat(new TruncatedNormal(0, 0.05).effectiveStd())
        .isCloseTo(0.05 * 0.87962566103423978, within(1e-17));
    assertThat(new TruncatedNormal(3, 1).effectiveStd())
        .isEqualTo(TruncatedNormal.STD_OF_UNIT_TRUNCATED);
  }

  @Test
  void heNormalDrawsTheVarianceItsFormulaAsksFor() {
    Fans fans = new Fans(784, 256);
    Sampler s = Inits.HE_NORMAL.choose(
        new Target(Role.KERNEL, new int[] {784, 256}, fans, java.util.Optional.empty(),
            Cell.NONE, 0, 256));
    double effective = ((TruncatedNormal) s).effectiveStd();
    assertThat(effective * effective).isCloseTo(2.0 / 784, within(1e-15));
  }
}
