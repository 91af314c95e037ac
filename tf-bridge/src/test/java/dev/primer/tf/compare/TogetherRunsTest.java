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
 * Runs trained together in one graph are the runs trained one by one: the same epochs, losses,
 * accuracies and statuses, bitwise (wall times aside), for every layer kind, with a diverging
 * run among them, next to schemes that must train alone; a comparison stopped during a group, or
 * between groups, keeps exactly the groups finished before.
 */
class TogetherRunsTest {

  private static ImageDataset train;
  private static ImageDataset test;

  @BeforeAll
  static void data() {
    MnistSplit mnist = EmbeddedMnist.load();
    train = new ImageDataset(mnist.train().subset(0, 320), Shape.of(784), 10);
    test = new ImageDataset(mnist.test().subset(0, 150), Shape.of(784), 10);
  }

  /** Records what it heard. */
  private static final class Heard implements ComparisonListener {
    final List<String> events = new ArrayList<>();
    int steps;

    @Override
    public void grouping(String description) {
      events.add("grouping: " + description);
    }

    @Override
    public void runsStarted(List<PlannedRun> runs, int total) {
      events.add("together " + runs.stream().map(PlannedRun::index).toList() + " of " + total);
    }

    @Override
    public void runStarted(int index, int total, String scheme, long seed) {
      events.add("started " + index + " " + scheme + " " + seed);
    }

    @Override
    public void step(int epoch, long step, long stepsPerEpoch, int epochs, double loss) {
      steps++;
    }

    @Override
    public void runFinished(SchemeRun run) {
      events.add("finished " + run.scheme() + " " + run.seed());
    }
  }

  private static List<SchemeRun> withoutTimes(List<SchemeRun> runs) {
    return runs.stream().map(r -> new SchemeRun(r.scheme(), r.seed(),
        r.epochs().stream().map(e -> new EpochRow(e.epoch(), e.trainLoss(), e.testLoss(),
            e.testAccuracy(), 0)).toList(), r.status(), 0, r.dataInit())).toList();
  }

  @Test
  void togetherEqualsSeparateBitwiseWithLsuvAlone() {
    ComparisonPlan plan = ComparisonPlan.defaults().withGrouping(RunGrouping.TOGETHER)
        .withSpec(Net.parse("input(784).dense(32).batchNorm().relu().dropout(0.2).dense(16)"
            + ".tanh().dense(10).softmax()"))
        .withSchemes("he_normal", "normal(0,1)", "lsuv", "orthogonal")
        .withSeeds(List.of(1L, 2L)).withEpochs(2).withBatchSize(50);
    Heard heard = new Heard();
    List<SchemeRun> together = Comparison.run(plan, train, test, heard, List.of());
    List<SchemeRun> separate = Comparison.run(plan.withGrouping(RunGrouping.SEPARATE), train,
        test);

    assertThat(withoutTimes(together)).isEqualTo(withoutTimes(separate));
    assertThat(together).allSatisfy(r -> assertThat(r.epochs()).hasSize(2));
    assertThat(heard.events).containsExactly(
        "grouping: 6 runs train together, in one group; 2 runs train one by one: scheme"
            + " 'lsuv': dense_0/kernel initializes from data (lsuv(0.1,10): orthogonal, then"
            + " scaled on data)",
        "together [1, 2, 3, 4, 7, 8] of 8",
        "finished he_normal 1", "finished he_normal 2", "finished normal(0,1) 1",
        "finished normal(0,1) 2", "finished orthogonal 1", "finished orthogonal 2",
        "started 5 lsuv 1", "finished lsuv 1", "started 6 lsuv 2", "finished lsuv 2");
    // 320 / 50: 7 steps an epoch, 2 epochs; once for the group, once per run alone
    assertThat(heard.steps).isEqualTo(14 + 2 * 14);
  }

  @Test
  void aDivergingRunStopsAloneAsItWouldAlone() {
    ComparisonPlan plan = ComparisonPlan.defaults().withGrouping(RunGrouping.TOGETHER)
        .withSpec(Net.parse("input(784).dense(32).relu().dense(10).softmax()"))
        .withSchemes("he_normal", "normal(0,1e20)").withSeeds(List.of(7L))
        .withOptimizer(Optimizer.sgd(0.5)).withEpochs(2);
    List<SchemeRun> together = Comparison.run(plan, train, test);
    List<SchemeRun> separate = Comparison.run(plan.withGrouping(RunGrouping.SEPARATE), train,
        test);

    assertThat(together.get(1).status().kind()).isEqualTo(RunStatus.Kind.DIVERGED);
    assertThat(together.get(0).status().kind()).isNotEqualTo(RunStatus.Kind.DIVERGED);
    assertThat(together.get(0).epochs()).hasSize(2);
    assertThat(withoutTimes(together)).isEqualTo(withoutTimes(separate));
  }

  @Test
  void separateIsAskedForOrOneRunTrainsAlone() {
    Heard asked = new Heard();
    ComparisonPlan plan = ComparisonPlan.defaults().withGrouping(RunGrouping.TOGETHER)
        .withSpec(Net.parse("input(784).dense(8).relu().dense(10).softmax()"))
        .withSchemes("he_normal", "zeros").withSeeds(List.of(3L)).withEpochs(1);
    Comparison.run(plan.withGrouping(RunGrouping.SEPARATE), train, test, asked, List.of());
    assertThat(asked.events).startsWith(
        "grouping: 2 runs train one by one: as the plan asks (separate runs)",
        "started 1 he_normal 3");

    Heard one = new Heard();
    Comparison.run(plan.withSchemes("he_normal"), train, test, one, List.of());
    assertThat(one.events).startsWith("grouping: 1 run trains alone", "started 1 he_normal 3");
  }

  /**
   * Stops once the {@code stopInGroup}-th group has started (so at its first check, between its
   * epochs), or once {@code stopAfterRuns} runs are finished; records what it heard.
   */
  private static final class StopDuring implements ComparisonListener {
    final List<String> events = new ArrayList<>();
    final List<Integer> sizesSoFar = new ArrayList<>();
    private final int stopInGroup;
    private final int stopAfterRuns;
    private int groups;

    StopDuring(int stopInGroup, int stopAfterRuns) {
      this.stopInGroup = stopInGroup;
      this.stopAfterRuns = stopAfterRuns;
    }

    @Override
    public void runsStarted(List<PlannedRun> runs, int total) {
      groups++;
      events.add("together " + runs.stream().map(PlannedRun::index).toList() + " of " + total);
    }

    @Override
    public void runFinished(SchemeRun run) {
      events.add("finished " + run.scheme() + " " + run.seed());
    }

    @Override
    public void runsSoFar(List<SchemeRun> runs) {
      sizesSoFar.add(runs.size());
    }

    @Override
    public boolean stopRequested() {
      return groups >= stopInGroup
          || (!sizesSoFar.isEmpty() && sizesSoFar.get(sizesSoFar.size() - 1) >= stopAfterRuns);
    }
  }

  /** 5 schemes x 2 seeds: 10 runs, two groups of 5; 2 epochs, so a group can stop between. */
  private static final ComparisonPlan TWO_GROUPS = ComparisonPlan.defaults()
      .withSpec(Net.parse("input(784).dense(8).relu().dense(10).softmax()"))
      .withSchemes("he_normal", "normal(0,1)", "orthogonal", "glorot_uniform", "zeros")
      .withSeeds(List.of(1L, 2L)).withEpochs(2);

  private static final List<String> FIRST_GROUP = List.of("together [1, 2, 3, 4, 5] of 10",
      "finished he_normal 1", "finished he_normal 2", "finished normal(0,1) 1",
      "finished normal(0,1) 2", "finished orthogonal 1");

  /** The first 5 runs of {@link #TWO_GROUPS}, each trained alone. */
  private static List<SchemeRun> firstFiveAlone() {
    StopDuring afterFive = new StopDuring(Integer.MAX_VALUE, 5);
    List<SchemeRun> alone = Comparison.run(TWO_GROUPS.withGrouping(RunGrouping.SEPARATE), train,
        test, afterFive, List.of());
    assertThat(alone).hasSize(5);
    return alone;
  }

  @Test
  void aStopDuringTheSecondGroupKeepsExactlyTheFirstGroupsRuns() {
    assertThat(TWO_GROUPS.grouping()).isEqualTo(RunGrouping.TOGETHER); // the default
    StopDuring inSecond = new StopDuring(2, Integer.MAX_VALUE);
    List<SchemeRun> kept = Comparison.run(TWO_GROUPS, train, test, inSecond, List.of());

    List<String> heard = new ArrayList<>(FIRST_GROUP);
    heard.add("together [6, 7, 8, 9, 10] of 10"); // started, stopped after its first epoch
    assertThat(inSecond.events).containsExactlyElementsOf(heard);
    assertThat(inSecond.sizesSoFar).containsExactly(1, 2, 3, 4, 5);
    assertThat(TWO_GROUPS.isComplete(kept)).isFalse();
    assertThat(kept).allSatisfy(r -> assertThat(r.epochs()).hasSize(2));
    assertThat(withoutTimes(kept)).isEqualTo(withoutTimes(firstFiveAlone()));
  }

  @Test
  void aStopBetweenGroupsStartsNoOtherGroup() {
    StopDuring afterFirst = new StopDuring(Integer.MAX_VALUE, 5);
    List<SchemeRun> kept = Comparison.run(TWO_GROUPS, train, test, afterFirst, List.of());

    assertThat(afterFirst.events).containsExactlyElementsOf(FIRST_GROUP);
    assertThat(kept).extracting(r -> r.scheme() + " " + r.seed()).containsExactly(
        "he_normal 1", "he_normal 2", "normal(0,1) 1", "normal(0,1) 2", "orthogonal 1");
    assertThat(kept).allSatisfy(r -> assertThat(r.epochs()).hasSize(2));
  }
}
