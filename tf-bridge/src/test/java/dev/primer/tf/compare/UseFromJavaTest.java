package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.base.Shape;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What README's "Use it from Java" shows, run as written: a program that depends on tf-bridge
 * alone loads the embedded digits, runs a scheme comparison and a depth sweep through the
 * library API and reads the results as values. Small subsets and one epoch keep it to seconds.
 */
class UseFromJavaTest {

  private static ImageDataset train;
  private static ImageDataset test;

  @BeforeAll
  static void data() {
    MnistSplit mnist = EmbeddedMnist.load();
    train = new ImageDataset(mnist.train().subset(0, 2000), Shape.of(784), 10);
    test = new ImageDataset(mnist.test().subset(0, 500), Shape.of(784), 10);
  }

  @Test
  void aComparisonGivesItsRunsAsValues() {
    ComparisonPlan plan = ComparisonPlan.defaults().withSchemes("zeros", "he_normal")
        .withEpochs(1).withSeeds(ComparisonPlan.seeds(ComparisonPlan.DEFAULT_SEED, 2));
    List<SchemeRun> runs = Comparison.run(plan, train, test);

    assertThat(runs).extracting(SchemeRun::scheme)
        .containsExactly("zeros", "zeros", "he_normal", "he_normal");
    SchemeRun zeros = runs.get(0);
    SchemeRun he = runs.get(2);
    // Zero kernels never break symmetry: every hidden unit stays 0 and the test loss stays at
    // ln 10, so it never learned; He's draw trains.
    assertThat(zeros.status().kind()).isEqualTo(RunStatus.Kind.NEVER_LEARNED);
    assertThat(zeros.epochs().get(0).testLoss()).isCloseTo(Math.log(10),
        org.assertj.core.api.Assertions.within(0.01 * Math.log(10)));
    assertThat(he.status().kind()).isEqualTo(RunStatus.Kind.LEARNED);
    assertThat(he.finalTestAccuracy()).isGreaterThan(0.6).isGreaterThan(
        zeros.finalTestAccuracy() + 0.5);
    assertThat(he.epochs()).hasSize(1);
    assertThat(he.seed()).isEqualTo(ComparisonPlan.DEFAULT_SEED);

    // over the two seeds: He is the best, zero init is below it by the paired t test (the
    // difference, about 0.7, is far larger than its spread between seeds)
    List<SchemeSummary> summaries = SchemeSummary.of(runs);
    assertThat(summaries).extracting(SchemeSummary::scheme).containsExactly("zeros", "he_normal");
    SchemeSummary zerosSummary = summaries.get(0);
    assertThat(summaries.get(1).versusBest().verdict()).isEqualTo(VersusBest.Verdict.BEST);
    assertThat(zerosSummary.versusBest().verdict()).isEqualTo(VersusBest.Verdict.BELOW);
    assertThat(zerosSummary.finalAccuracy().seeds()).isEqualTo(2);
    assertThat(zerosSummary.finalAccuracy().mean()).isBetween(zerosSummary.finalAccuracy().low(),
        zerosSummary.finalAccuracy().high());
    assertThat(zerosSummary.status()).isEqualTo("never learned");
  }

  @Test
  void aDepthSweepGivesItsResultAsValues() {
    DepthSweepPlan plan = DepthSweepPlan.defaults().withDepths(1, 3).withWidth(32)
        .withSchemes("zeros", "he_normal").withEpochs(1).withBatchSize(16).withLearningRate(0.05);
    DepthSweepResult result = DepthSweep.run(plan, train, test);

    assertThat(result.depths()).extracting(DepthRuns::depth).containsExactly(1, 3);
    for (int depth : List.of(1, 3)) {
      assertThat(result.status(depth, "zeros")).isEqualTo("never learned");
      assertThat(result.status(depth, "he_normal")).isEqualTo("learned");
      assertThat(result.meanFinalAccuracy(depth, "he_normal"))
          .isGreaterThan(result.meanFinalAccuracy(depth, "zeros") + 0.5);
    }
    assertThat(result.at(3).net().toString()).isEqualTo(
        "input(784).dense(32).relu().dense(32).relu().dense(32).relu().dense(10).softmax()");
  }

  // Jackson's CSV module is no longer on this list: tf-bridge's CsvDataset reads tabular data
  // with it, so an app that reads its own CSV file needs nothing more than tf-bridge.
  @ParameterizedTest
  @ValueSource(strings = {"picocli.CommandLine", "org.knowm.xchart.XYChart",
      "org.apache.pdfbox.pdmodel.PDDocument"})
  void noCommandLineLibraryIsOnTheClasspath(String name) {
    assertThatThrownBy(() -> Class.forName(name)).isInstanceOf(ClassNotFoundException.class);
  }
}
