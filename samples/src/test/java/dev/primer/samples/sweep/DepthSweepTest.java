package dev.primer.samples.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.dsl.base.Shape;
import dev.primer.samples.compare.EpochRow;
import dev.primer.samples.compare.RunStatus;
import dev.primer.samples.compare.SchemeRun;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import dev.primer.samples.report.RunDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The depth sweep through its Java API, as a program would use it. */
class DepthSweepTest {

  private static ImageDataset train;
  private static ImageDataset test;

  @BeforeAll
  static void data() {
    MnistSplit mnist = EmbeddedMnist.load();
    train = new ImageDataset(mnist.train().subset(0, 256), Shape.of(784), 10);
    test = new ImageDataset(mnist.test().subset(0, 128), Shape.of(784), 10);
  }

  @Test
  void aTinySweepRunsEveryDepthAndSchemeAndTabulatesThem() {
    DepthSweepPlan plan = DepthSweepPlan.defaults().withDepths(2, 3).withWidth(16).withEpochs(1)
        .withBatchSize(32);
    List<String> started = new ArrayList<>();
    DepthSweepResult result = DepthSweep.run(plan, train, test, new DepthSweepListener() {
      @Override
      public void depthStarted(int index, int total, int depth,
          dev.primer.dsl.spec.NetSpec net) {
        started.add(index + "/" + total + ": " + net);
      }
    });

    assertThat(started).containsExactly(
        "1/2: input(784).dense(16).relu().dense(16).relu().dense(10).softmax()",
        "2/2: input(784).dense(16).relu().dense(16).relu().dense(16).relu().dense(10).softmax()");
    assertThat(result.depths()).extracting(DepthRuns::depth).containsExactly(2, 3);
    for (DepthRuns depth : result.depths()) {
      assertThat(depth.runs()).extracting(SchemeRun::scheme)
          .containsExactly("glorot_uniform", "he_normal");
      assertThat(depth.runs()).allSatisfy(r -> assertThat(r.epochs()).hasSize(1));
      // Accuracies are fractions of the 128 test images.
      assertThat(depth.runs()).allSatisfy(r ->
          assertThat(r.finalTestAccuracy() * 128).isCloseTo(
              Math.rint(r.finalTestAccuracy() * 128), org.assertj.core.api.Assertions.within(1e-6)));
    }

    List<List<String>> rows = DepthSweepTable.rows(result);
    assertThat(rows.get(0)).containsExactly("depth", "glorot_uniform", "he_normal");
    assertThat(rows).extracting(r -> r.get(0)).containsExactly("depth", "2", "3");
    assertThat(rows.get(1).get(2)).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f%% %s",
        100 * result.meanFinalAccuracy(2, "he_normal"), result.status(2, "he_normal")));

    String csv = DepthSweepFiles.csv(result);
    String[] lines = csv.split("\n");
    assertThat(lines[0]).isEqualTo(
        "depth,scheme,seed,epoch,train_loss,test_loss,test_accuracy,seconds,status");
    assertThat(lines).hasSize(1 + 2 * 2);
    assertThat(lines[1]).startsWith("2,glorot_uniform,42,1,");
    assertThat(lines[4]).startsWith("3,he_normal,42,1,");

    JsonNode json = DepthSweepFiles.json(result, new RunDescription("test", "nets", Map.of(),
        Map.of(), Map.of()));
    assertThat(json.get("format").asText()).isEqualTo("primer-depth-sweep/1");
    assertThat(json.get("depths")).hasSize(2);
    assertThat(json.get("depths").get(1).get("runs")).hasSize(2);
    assertThat(json.get("depths").get(0).get("schemes").get("he_normal").get("status").asText())
        .isEqualTo(result.status(2, "he_normal"));
  }

  @Test
  void aDepthMeansHiddenLayers() {
    DepthSweepPlan plan = DepthSweepPlan.defaults().withWidth(8);
    assertThat(plan.net(2, Shape.of(784), 10).toString())
        .isEqualTo("input(784).dense(8).relu().dense(8).relu().dense(10).softmax()");
    assertThat(plan.net(1, Shape.of(28, 28, 1), 10).toString())
        .isEqualTo("input(28,28,1).flatten().dense(8).relu().dense(10).softmax()");
    assertThat(plan.optimizer().describe()).isEqualTo("sgd(lr=" + plan.learningRate() + ")");
    assertThat(plan.runs()).isEqualTo(5 * 2);
  }

  @Test
  void aStalledRunThatLearnsLaterIsASlowStart() {
    double chance = Math.log(10);
    RunStatus stalled = new RunStatus(RunStatus.Kind.STALLED, "", 0);
    SchemeRun late = new SchemeRun("s", 1, List.of(new EpochRow(1, chance, chance, 0.1, 1),
        new EpochRow(2, 1.0, 0.9, 0.7, 2)), stalled, 2);
    SchemeRun never = new SchemeRun("s", 2, List.of(new EpochRow(1, chance, chance, 0.1, 1),
        new EpochRow(2, chance, chance * 0.995, 0.11, 2)), stalled, 2);
    assertThat(SweepStatus.of(List.of(late), 10)).isEqualTo("slow start");
    assertThat(SweepStatus.of(List.of(never), 10)).isEqualTo("stalled");
    assertThat(SweepStatus.of(List.of(late, never), 10)).isEqualTo("slow start 1/2, stalled 1/2");
  }

  @Test
  void badPlansAreRefusedNamingTheValue() {
    DepthSweepPlan plan = DepthSweepPlan.defaults();
    assertThatThrownBy(() -> plan.withDepths(List.of()))
        .hasMessage("depth sweep: needs at least one depth");
    assertThatThrownBy(() -> plan.withDepths(2, 0))
        .hasMessage("depth sweep: every depth must be >= 1 (hidden layers), got 0 in [2, 0]");
    assertThatThrownBy(() -> plan.withDepths(2, 2))
        .hasMessage("depth sweep: depths must be distinct, got [2, 2]");
    assertThatThrownBy(() -> plan.withWidth(0))
        .hasMessage("depth sweep: width must be >= 1, got 0");
    assertThatThrownBy(() -> plan.withLearningRate(Double.NaN))
        .hasMessage("depth sweep: the learning rate must be a finite number > 0, got NaN");
    assertThatThrownBy(() -> plan.withEpochs(0))
        .hasMessage("depth sweep: epochs and batch size must be >= 1, got 0 and 64");
    assertThatThrownBy(() -> plan.withSchemes("he_normal", "nonsense"))
        .hasMessageStartingWith("depth sweep: scheme 'nonsense': ");
    assertThatThrownBy(() -> plan.withSeeds(List.of()))
        .hasMessage("depth sweep: needs at least one seed");
  }
}
