package dev.primer.samples.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.dsl.base.Shape;
import dev.primer.samples.report.RunDescription;
import dev.primer.tf.compare.DepthRuns;
import dev.primer.tf.compare.DepthSweep;
import dev.primer.tf.compare.DepthSweepListener;
import dev.primer.tf.compare.DepthSweepPlan;
import dev.primer.tf.compare.DepthSweepResult;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A small depth sweep presented: its table and its results files. */
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
}
