package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Means and standard deviations against values worked out by hand. */
class StatisticsTest {
  /** 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32. */
  private static final float[] VALUES = {2, 4, 4, 4, 5, 5, 7, 9};

  @Test
  void populationAndSampleStandardDeviationsDivideByNAndNMinusOne() {
    assertThat(Statistics.mean(VALUES)).isEqualTo(5);
    assertThat(Statistics.populationStd(VALUES)).isEqualTo(2); // sqrt(32 / 8)
    List<Double> asList = List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0);
    assertThat(Statistics.mean(asList)).isEqualTo(5);
    assertThat(Statistics.sampleStd(asList)).isCloseTo(Math.sqrt(32.0 / 7), within(1e-15));
  }

  @Test
  void theTwoPassStdStaysExactWhereTheMeanDwarfsTheSpread() {
    // mean 10000, every value 1 away from it
    float[] shifted = {9999, 10001, 9999, 10001};
    assertThat(Statistics.populationStd(shifted)).isEqualTo(1);
  }

  @Test
  void rmsAndNormAreTheSecondMomentsRootAndTheEuclideanLength() {
    float[] v = {3, 4};
    assertThat(Statistics.sumOfSquares(v)).isEqualTo(25);
    assertThat(Statistics.norm(v)).isEqualTo(5);
    assertThat(Statistics.rms(v)).isCloseTo(Math.sqrt(12.5), within(1e-15));
    assertThat(Statistics.sum(v)).isEqualTo(7);
  }

  @Test
  void nonFiniteRunsAreLeftOutAndTooFewValuesGiveNaN() {
    assertThat(Statistics.mean(List.of(1.0, Double.NaN, 3.0))).isEqualTo(2);
    assertThat(Statistics.sampleStd(List.of(1.0, Double.POSITIVE_INFINITY, 3.0)))
        .isCloseTo(Math.sqrt(2), within(1e-15));
    assertThat(Statistics.sampleStd(List.of(1.0, Double.NaN))).isNaN();
    assertThat(Statistics.mean(List.<Double>of())).isNaN();
    assertThat(Statistics.populationStd(new float[0])).isNaN();
  }
}
