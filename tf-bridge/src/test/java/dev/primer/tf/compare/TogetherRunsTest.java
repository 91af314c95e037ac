package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs trained together in one graph mean what the same runs trained one by one mean: the same
 * epochs, statuses and divergence steps, losses and accuracies equal to float rounding.
 */
class TogetherRunsTest {

  private static ImageDataset train;
  private static ImageDataset test;

  @BeforeAll
  static void data() {
    MnistSplit mnist = EmbeddedMnist.load();
    train = new ImageDataset(mnist.train().subset(0, 640), Shape.of(784), 10);
    test = new ImageDataset(mnist.test().subset(0, 300), Shape.of(784), 10);
  }

  /** Records what it heard. */
  private static final class Heard implements ComparisonListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void grouping(String description) {
      events.add("grouping " + description);
    }

    @Override
    public void runsStarted(List<PlannedRun> runs, int total) {
      events.add("together " + runs.size() + " of " + total);
    }

    @Override
    public void runStarted(int index, int total, String scheme, long seed) {
      events.add("started " + index + " " + scheme + " " + seed);
    }

    @Override
    public void runFinished(SchemeRun run) {
      events.add("finished " + run.scheme() + " " + run.seed());
    }
  }

  @Test
  void togetherEqualsSeparateToFloatRounding() {
    ComparisonPlan plan = ComparisonPlan.defaults()
        .withSpec(Net.parse("input(784).dense(32).relu().dense(16).tanh().dense(10).softmax()"))
        .withSchemes("he_normal", "normal(0,1)", "orthogonal", "lsuv")
        .withSeeds(List.of(1L, 2L)).withEpochs(3).withBatchSize(64);
    Heard heard = new Heard();
    List<SchemeRun> together = Comparison.run(plan, train, test, heard, List.of());
    List<SchemeRun> separate = Comparison.run(plan.withGrouping(RunGrouping.SEPARATE), train,
        test);
    System.out.println(heard.events);
    for (int i = 0; i < together.size(); i++) {
      SchemeRun a = together.get(i);
      SchemeRun b = separate.get(i);
      System.out.println(a.scheme() + " " + a.seed() + " " + a.status().describe() + " / " + b.status().describe());
      for (int e = 0; e < a.epochs().size(); e++) {
        EpochRow x = a.epochs().get(e);
        EpochRow y = b.epochs().get(e);
        System.out.printf("  %d train %.9g %.9g (%.2e)  test %.9g %.9g (%.2e) acc %.5f %.5f%n", x.epoch(),
            x.trainLoss(), y.trainLoss(), Math.abs(x.trainLoss() - y.trainLoss()) / y.trainLoss(),
            x.testLoss(), y.testLoss(), Math.abs(x.testLoss() - y.testLoss()) / y.testLoss(),
            x.testAccuracy(), y.testAccuracy());
      }
    }
  }
}
