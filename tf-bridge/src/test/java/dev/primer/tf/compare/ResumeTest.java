package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.base.Shape;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A comparison or sweep stopped after some runs and resumed with them gives the runs of an
 * uninterrupted one, bitwise (wall times aside), and trains only the missing ones.
 */
class ResumeTest {

  private static ImageDataset train;
  private static ImageDataset test;

  @BeforeAll
  static void data() {
    MnistSplit mnist = EmbeddedMnist.load();
    train = new ImageDataset(mnist.train().subset(0, 300), Shape.of(784), 10);
    test = new ImageDataset(mnist.test().subset(0, 100), Shape.of(784), 10);
  }

  /** Stops after {@code runs} runs have finished; records what it heard. */
  private static final class StopAfter implements DepthSweepListener {
    final int runs;
    final List<String> started = new ArrayList<>();
    final List<String> kept = new ArrayList<>();
    final List<Integer> sizesSoFar = new ArrayList<>();
    int finished;

    StopAfter(int runs) {
      this.runs = runs;
    }

    @Override
    public void runStarted(int index, int total, String scheme, long seed) {
      started.add(scheme + " " + seed);
    }

    @Override
    public void runFinished(SchemeRun run) {
      finished++;
    }

    @Override
    public void runKept(int index, int total, SchemeRun run) {
      kept.add(run.scheme() + " " + run.seed());
    }

    @Override
    public void runsSoFar(List<SchemeRun> soFar) {
      sizesSoFar.add(soFar.size());
    }

    @Override
    public void sweepSoFar(DepthSweepResult soFar) {
      sizesSoFar.add(soFar.allRuns().size());
    }

    @Override
    public boolean stopRequested() {
      return finished >= runs;
    }
  }

  private static List<SchemeRun> withoutTimes(List<SchemeRun> runs) {
    return runs.stream().map(r -> new SchemeRun(r.scheme(), r.seed(),
        r.epochs().stream().map(e -> new EpochRow(e.epoch(), e.trainLoss(), e.testLoss(),
            e.testAccuracy(), 0)).toList(), r.status(), 0, r.dataInit())).toList();
  }

  @Test
  void aStoppedComparisonResumedEqualsAnUninterruptedOne() {
    ComparisonPlan plan = ComparisonPlan.defaults().withSpec(dev.primer.dsl.Net.parse(
        "input(784).dense(32).relu().dense(10).softmax()")).withSchemes("he_normal", "lsuv")
        .withSeeds(List.of(1L, 2L)).withEpochs(2);
    List<SchemeRun> whole = Comparison.run(plan, train, test);

    StopAfter first = new StopAfter(2);
    List<SchemeRun> part = Comparison.run(plan, train, test, first, List.of());
    assertThat(part).hasSize(2);
    assertThat(plan.isComplete(part)).isFalse();
    assertThat(first.sizesSoFar).containsExactly(1, 2);

    StopAfter second = new StopAfter(Integer.MAX_VALUE);
    // the finished runs may come in any order
    List<SchemeRun> resumed = Comparison.run(plan, train, test, second,
        List.of(part.get(1), part.get(0)));
    assertThat(second.kept).containsExactly("he_normal 1", "he_normal 2");
    assertThat(second.started).containsExactly("lsuv 1", "lsuv 2");
    assertThat(second.sizesSoFar).containsExactly(3, 4);
    assertThat(plan.isComplete(resumed)).isTrue();
    assertThat(resumed.subList(0, 2)).isEqualTo(part);
    assertThat(withoutTimes(resumed)).isEqualTo(withoutTimes(whole));
  }

  @Test
  void aStoppedSweepResumedEqualsAnUninterruptedOne() {
    DepthSweepPlan plan = DepthSweepPlan.defaults().withDepths(1, 2).withWidth(16)
        .withSchemes("glorot_uniform", "he_normal").withEpochs(1).withBatchSize(32);
    DepthSweepResult whole = DepthSweep.run(plan, train, test);

    StopAfter first = new StopAfter(3);
    DepthSweepResult part = DepthSweep.run(plan, train, test, first);
    assertThat(part.isComplete()).isFalse();
    assertThat(part.depths()).extracting(DepthRuns::depth).containsExactly(1, 2);
    assertThat(part.at(2).runs()).hasSize(1);
    assertThat(first.sizesSoFar).containsExactly(1, 2, 3);

    StopAfter second = new StopAfter(Integer.MAX_VALUE);
    DepthSweepResult resumed = DepthSweep.run(plan, train, test, second,
        Map.of(1, part.at(1).runs(), 2, part.at(2).runs()));
    assertThat(second.started).containsExactly("he_normal 42");
    // the kept runs are heard before the first new run: a signal then keeps them, not nothing
    assertThat(second.sizesSoFar).containsExactly(3, 4);
    assertThat(second.kept)
        .containsExactly("glorot_uniform 42", "he_normal 42", "glorot_uniform 42");
    assertThat(resumed.isComplete()).isTrue();
    for (int depth : plan.depths()) {
      assertThat(withoutTimes(resumed.at(depth).runs()))
          .isEqualTo(withoutTimes(whole.at(depth).runs()));
    }
  }

  @Test
  void aFinishedRunThatIsNotThePlansIsRefused() {
    ComparisonPlan plan = ComparisonPlan.defaults().withSchemes("he_normal").withEpochs(1)
        .withSeeds(List.of(42L));
    RunStatus none = RunStatus.ofHistory(List.of(), 10);
    SchemeRun other = new SchemeRun("zeros", 42, List.of(), none, 1);
    assertThatThrownBy(() -> Comparison.run(plan, train, test, ComparisonListener.NONE,
        List.of(other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the finished run zeros seed 42 is not one of this comparison's:"
            + " schemes [he_normal], seeds [42]");
    SchemeRun he = new SchemeRun("he_normal", 42, List.of(), none, 1);
    assertThatThrownBy(() -> plan.inOrder(List.of(he, he)))
        .hasMessage("the finished run he_normal seed 42 is given twice");
  }
}
