package dev.primer.tf.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Our Student t (the series of Abramowitz &amp; Stegun 26.7.3–4) against commons-math3's, which
 * computes it another way (the regularized incomplete beta), and against the table values every
 * statistics book prints.
 */
class StudentTTest {

  @Test
  void theTwoSidedQuantileMatchesCommonsMathForEveryDofUpToSixty() {
    for (int dof = 1; dof <= 60; dof++) {
      TDistribution reference = new TDistribution(null, dof);
      for (double coverage : new double[] {0.5, 0.8, 0.9, 0.95, 0.99, 0.999}) {
        double expected = reference.inverseCumulativeProbability((1 + coverage) / 2);
        assertThat(StudentT.twoSidedQuantile(coverage, dof)).as("dof %d, coverage %s", dof,
            coverage).isCloseTo(expected, within(1e-7 * expected));
      }
    }
  }

  @Test
  void theProbabilityAndPValueMatchCommonsMath() {
    for (int dof : new int[] {1, 2, 3, 4, 5, 7, 10, 29, 30, 100, 1000}) {
      TDistribution reference = new TDistribution(null, dof);
      for (double t : new double[] {0, 0.1, 0.5, 1, 2, 3.5, 10, 50}) {
        double expected = 2 * reference.cumulativeProbability(-t);
        assertThat(StudentT.twoSidedPValue(t, dof)).as("dof %d, t %s", dof, t)
            .isCloseTo(expected, within(1e-12));
        assertThat(StudentT.twoSidedPValue(-t, dof)).isEqualTo(StudentT.twoSidedPValue(t, dof));
      }
    }
  }

  @Test
  void theTableValuesOfANinetyFivePercentInterval() {
    assertThat(StudentT.twoSidedQuantile(0.95, 1)).isCloseTo(12.706, within(5e-4));
    assertThat(StudentT.twoSidedQuantile(0.95, 2)).isCloseTo(4.303, within(5e-4));
    assertThat(StudentT.twoSidedQuantile(0.95, 4)).isCloseTo(2.776, within(5e-4));
    assertThat(StudentT.twoSidedQuantile(0.95, 9)).isCloseTo(2.262, within(5e-4));
    // the normal limit
    assertThat(StudentT.twoSidedQuantile(0.95, 100_000)).isCloseTo(1.95996, within(1e-4));
    assertThat(StudentT.twoSidedProbability(Double.POSITIVE_INFINITY, 3)).isEqualTo(1);
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> StudentT.twoSidedQuantile(0.95, 0))
        .hasMessage("Student t: degrees of freedom must be >= 1, got 0");
    assertThatThrownBy(() -> StudentT.twoSidedQuantile(1, 3))
        .hasMessage("Student t: coverage must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> StudentT.twoSidedPValue(Double.NaN, 3))
        .hasMessage("Student t: t is NaN");
  }
}
