package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/**
 * Statistics over seeds: the mean and its 95% Student t interval, and the paired t test against
 * the best, checked against commons-math3 (a test dependency only) and against hand figures.
 */
class SchemeSummaryTest {

  /** One completed run of {@code scheme} with {@code seed} ending at {@code accuracy}. */
  private static SchemeRun run(String scheme, long seed, double accuracy) {
    List<EpochRow> rows = List.of(new EpochRow(1, 0.3, 0.3, accuracy, 1));
    return new SchemeRun(scheme, seed, rows, RunStatus.ofHistory(rows, 10), 1);
  }

  private static List<SchemeRun> runs(Map<String, double[]> bySeed) {
    List<SchemeRun> runs = new ArrayList<>();
    bySeed.forEach((scheme, accuracies) -> {
      for (int i = 0; i < accuracies.length; i++) {
        runs.add(run(scheme, 42 + i, accuracies[i]));
      }
    });
    return runs;
  }

  @Test
  void theIntervalIsTheMeanPlusMinusTTimesTheStandardError() {
    double[] x = {0.9363, 0.9350, 0.9378};
    SeedMean m = SeedMean.of(List.of(x[0], x[1], x[2]));
    double mean = (x[0] + x[1] + x[2]) / 3;
    double sd = Math.sqrt(((x[0] - mean) * (x[0] - mean) + (x[1] - mean) * (x[1] - mean)
        + (x[2] - mean) * (x[2] - mean)) / 2);
    double t = new TDistribution(null, 2).inverseCumulativeProbability(0.975); // 4.303
    assertThat(m.seeds()).isEqualTo(3);
    assertThat(m.mean()).isCloseTo(mean, within(1e-15));
    assertThat(m.standardDeviation()).isCloseTo(sd, within(1e-15));
    assertThat(m.halfWidth()).isCloseTo(t * sd / Math.sqrt(3), within(1e-9));
    assertThat(m.low()).isLessThan(mean);
    assertThat(m.high()).isGreaterThan(mean);
    assertThat(m.intervalWords()).isEqualTo("93.29–93.98%");
  }

  @Test
  void oneSeedHasNoIntervalAndNoTest() {
    SeedMean one = SeedMean.of(List.of(0.95, Double.NaN));
    assertThat(one.seeds()).isEqualTo(1);
    assertThat(one.hasInterval()).isFalse();
    assertThat(one.low()).isNaN();
    assertThat(one.intervalWords()).isEqualTo("one seed: no interval");
    assertThat(SeedMean.of(List.of(Double.NaN)).intervalWords())
        .isEqualTo("no seed finished an epoch");

    Map<String, double[]> bySeed = new LinkedHashMap<>();
    bySeed.put("glorot_uniform", new double[] {0.9445});
    bySeed.put("he_normal", new double[] {0.9505});
    List<SchemeSummary> summaries = SchemeSummary.of(runs(bySeed));
    assertThat(summaries.get(1).versusBest().verdict()).isEqualTo(VersusBest.Verdict.BEST);
    VersusBest glorot = summaries.get(0).versusBest();
    assertThat(glorot.verdict()).isEqualTo(VersusBest.Verdict.UNTESTED);
    assertThat(glorot.describe()).isEqualTo("one seed: no test");
    assertThat(glorot.meanDifference()).isCloseTo(0.006, within(1e-12));
  }

  @Test
  void thePairedTestMatchesCommonsMathAndMarksTheIndistinguishable() {
    // the final accuracies of the default comparison (3 seeds × 5 epochs), seeds 42, 43, 44
    Map<String, double[]> bySeed = new LinkedHashMap<>();
    bySeed.put("glorot_uniform", new double[] {0.9295, 0.9330, 0.9285});
    bySeed.put("he_normal", new double[] {0.9355, 0.9380, 0.9355});
    bySeed.put("auto", new double[] {0.9355, 0.9315, 0.9345});
    bySeed.put("orthogonal", new double[] {0.9275, 0.9280, 0.9225});
    List<SchemeSummary> summaries = SchemeSummary.of(runs(bySeed));

    assertThat(summaries).extracting(SchemeSummary::scheme)
        .containsExactly("glorot_uniform", "he_normal", "auto", "orthogonal");
    for (SchemeSummary s : summaries) {
      assertThat(s.versusBest().best()).isEqualTo("he_normal");
      if (s.scheme().equals("he_normal")) {
        assertThat(s.versusBest().verdict()).isEqualTo(VersusBest.Verdict.BEST);
        assertThat(s.versusBest().describe()).isEqualTo("best");
        continue;
      }
      double expected = new TTest().pairedTTest(bySeed.get("he_normal"),
          bySeed.get(s.scheme()));
      assertThat(s.versusBest().pValue()).as(s.scheme()).isCloseTo(expected, within(1e-9));
      assertThat(s.versusBest().pairs()).isEqualTo(3);
      assertThat(s.versusBest().verdict()).isEqualTo(expected < VersusBest.ALPHA
          ? VersusBest.Verdict.BELOW : VersusBest.Verdict.INDISTINGUISHABLE);
    }
    // scipy.stats.ttest_rel gives the same: glorot 0.0091, auto 0.3416, orthogonal 0.0192
    assertThat(summaries.get(0).versusBest().pValue()).isCloseTo(0.0091, within(5e-5));
    assertThat(summaries.get(2).versusBest().verdict())
        .isEqualTo(VersusBest.Verdict.INDISTINGUISHABLE);
    assertThat(summaries.get(2).versusBest().describe()).isEqualTo("≈ best (p = 0.342)");
    assertThat(summaries.get(3).versusBest().verdict()).isEqualTo(VersusBest.Verdict.BELOW);
  }

  @Test
  void aPairedTestByHand() {
    Map<String, double[]> bySeed = new LinkedHashMap<>();
    bySeed.put("best", new double[] {0.9345, 0.9375, 0.9370});
    bySeed.put("close", new double[] {0.9320, 0.9360, 0.9335});
    // differences 0.0025, 0.0015, 0.0035 have mean 0.0025 and sd 0.001, so
    // t = 0.0025 / (0.001 / √3) = 4.33 on 2 dof: p = 0.0494, just below 0.05
    VersusBest close = SchemeSummary.of(runs(bySeed)).get(1).versusBest();
    assertThat(close.meanDifference()).isCloseTo(0.0025, within(1e-12));
    assertThat(close.pValue()).isCloseTo(0.0494, within(5e-4));
    assertThat(close.verdict()).isEqualTo(VersusBest.Verdict.BELOW);
    assertThat(close.describe()).isEqualTo("below (p = 0.049)");
  }

  @Test
  void aNoisyDifferenceIsIndistinguishable() {
    Map<String, double[]> bySeed = new LinkedHashMap<>();
    bySeed.put("a", new double[] {0.940, 0.930, 0.950});
    bySeed.put("b", new double[] {0.945, 0.920, 0.945});
    VersusBest b = SchemeSummary.of(runs(bySeed)).get(1).versusBest();
    // differences -0.005, 0.010, 0.005: mean 0.0033, sd 0.0076, t = 0.76, p = 0.53
    assertThat(b.verdict()).isEqualTo(VersusBest.Verdict.INDISTINGUISHABLE);
    assertThat(b.pValue()).isCloseTo(new TTest().pairedTTest(bySeed.get("a"), bySeed.get("b")),
        within(1e-9));
    assertThat(b.describe()).startsWith("≈ best (p = 0.5");
  }

  @Test
  void equalDifferencesAreDecidedWithoutDividingByZero() {
    Map<String, double[]> bySeed = new LinkedHashMap<>();
    bySeed.put("best", new double[] {0.9, 0.8});
    bySeed.put("same", new double[] {0.9, 0.8});
    bySeed.put("shifted", new double[] {0.85, 0.75});
    List<SchemeSummary> summaries = SchemeSummary.of(runs(bySeed));
    // "same" ties the best: the first of equals is the best
    assertThat(summaries.get(0).versusBest().verdict()).isEqualTo(VersusBest.Verdict.BEST);
    assertThat(summaries.get(1).versusBest().verdict())
        .isEqualTo(VersusBest.Verdict.INDISTINGUISHABLE);
    assertThat(summaries.get(1).versusBest().pValue()).isEqualTo(1);
    assertThat(summaries.get(2).versusBest().verdict()).isEqualTo(VersusBest.Verdict.BELOW);
    assertThat(summaries.get(2).versusBest().describe()).isEqualTo("below (p < 0.001)");
  }

  @Test
  void aSeedWithoutAnAccuracyIsLeftOutOfTheMeanAndThePairs() {
    List<SchemeRun> runs = new ArrayList<>(runs(Map.of("a", new double[] {0.9, 0.91, 0.92})));
    runs.add(run("b", 42, 0.8));
    runs.add(new SchemeRun("b", 43, List.of(), RunStatus.diverged("d", 3), 1));
    runs.add(run("b", 44, 0.82));
    SchemeSummary b = SchemeSummary.of(runs).get(1);
    assertThat(b.finalAccuracy().seeds()).isEqualTo(2);
    assertThat(b.finalAccuracy().mean()).isCloseTo(0.81, within(1e-12));
    assertThat(b.versusBest().pairs()).isEqualTo(2);
    assertThat(b.status()).isEqualTo("learned 2/3, diverged 1/3");
  }
}
