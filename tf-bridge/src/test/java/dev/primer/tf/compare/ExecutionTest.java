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
 * Runs trained in parallel jobs or by shards are the runs of one sequential process, bitwise
 * (wall times aside): same seeds, same batches, same TensorFlow thread pool. Compared are every
 * epoch's losses and accuracy, the status and the data-init report; not the seconds, which are
 * wall time.
 */
class ExecutionTest {

  private static ImageDataset train;
  private static ImageDataset test;

  @BeforeAll
  static void data() {
    MnistSplit mnist = EmbeddedMnist.load();
    train = new ImageDataset(mnist.train().subset(0, 300), Shape.of(784), 10);
    test = new ImageDataset(mnist.test().subset(0, 100), Shape.of(784), 10);
  }

  private static List<SchemeRun> withoutTimes(List<SchemeRun> runs) {
    return runs.stream().map(r -> new SchemeRun(r.scheme(), r.seed(),
        r.epochs().stream().map(e -> new EpochRow(e.epoch(), e.trainLoss(), e.testLoss(),
            e.testAccuracy(), 0)).toList(), r.status(), 0, r.dataInit())).toList();
  }

  /** Records what it hears, and in which threads, from whatever thread calls. */
  private static final class Heard implements DepthSweepListener {
    final List<String> events = new ArrayList<>();
    final List<Integer> sizesSoFar = new ArrayList<>();
    int inside;
    int overlaps;

    private void enter(String event) {
      if (inside++ > 0) {
        overlaps++;
      }
      events.add(event);
      Thread.onSpinWait();
      inside--;
    }

    @Override
    public void runStarted(int index, int total, String scheme, long seed) {
      enter("start " + index + "/" + total + " " + scheme + " " + seed);
    }

    @Override
    public void runFinished(SchemeRun run) {
      enter("end " + run.scheme() + " " + run.seed());
    }

    @Override
    public void depthStarted(int index, int total, int depth, dev.primer.dsl.spec.NetSpec net) {
      enter("depth " + depth);
    }

    @Override
    public void runsSoFar(List<SchemeRun> soFar) {
      sizesSoFar.add(soFar.size());
    }

    @Override
    public void sweepSoFar(DepthSweepResult soFar) {
      sizesSoFar.add(soFar.allRuns().size());
    }
  }

  private static final ComparisonPlan PLAN = ComparisonPlan.defaults()
      .withSpec(dev.primer.dsl.Net.parse("input(784).dense(32).relu().dense(10).softmax()"))
      .withSchemes("he_normal", "lsuv", "normal(0,1)").withSeeds(List.of(1L, 2L)).withEpochs(1);

  @Test
  void parallelJobsAndShardsGiveTheSequentialRunsInPlanOrder() {
    List<SchemeRun> sequential = Comparison.run(PLAN, train, test);

    Heard heard = new Heard();
    List<SchemeRun> parallel = Comparison.run(PLAN, train, test, heard, List.of(),
        Execution.SEQUENTIAL.withJobs(3));
    assertThat(withoutTimes(parallel)).isEqualTo(withoutTimes(sequential));
    assertThat(heard.overlaps).isZero();
    assertThat(heard.sizesSoFar).containsExactly(1, 2, 3, 4, 5, 6);
    // runs start in the plan's order, whatever order they end in
    assertThat(heard.events.stream().filter(e -> e.startsWith("start")).toList()).containsExactly(
        "start 1/6 he_normal 1", "start 2/6 he_normal 2", "start 3/6 lsuv 1",
        "start 4/6 lsuv 2", "start 5/6 normal(0,1) 1", "start 6/6 normal(0,1) 2");

    List<ShardRuns> shards = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Shard shard = new Shard(i, 4); // 6 runs in 4 shards: sizes 2, 2, 1, 1
      List<SchemeRun> runs = Comparison.run(PLAN, train, test, ComparisonListener.NONE,
          List.of(), Execution.SEQUENTIAL.withShard(shard).withJobs(2));
      assertThat(runs).hasSize(shard.size(PLAN.runs()));
      shards.add(new ShardRuns("shard" + i, shard, runs));
    }
    assertThat(withoutTimes(PLAN.grid().merge(shards))).isEqualTo(withoutTimes(sequential));
  }

  @Test
  void aShardResumesOnlyItsOwnRuns() {
    Shard shard = new Shard(1, 2);
    List<SchemeRun> runs = Comparison.run(PLAN.withSchemes("he_normal", "zeros"), train, test,
        ComparisonListener.NONE, List.of(), Execution.SEQUENTIAL.withShard(shard));
    assertThat(runs).extracting(r -> r.scheme() + " " + r.seed())
        .containsExactly("he_normal 2", "zeros 2");
    assertThatThrownBy(() -> Comparison.run(PLAN.withSchemes("he_normal", "zeros"), train, test,
        ComparisonListener.NONE, runs, Execution.SEQUENTIAL.withShard(new Shard(0, 2))))
        .hasMessage("the finished run he_normal seed 2 belongs to shard 1/2, not to 0/2");
  }

  @Test
  void aSweepInJobsAndShardsGivesTheSequentialSweep() {
    DepthSweepPlan plan = DepthSweepPlan.defaults().withDepths(1, 3).withWidth(16)
        .withSchemes("glorot_uniform", "he_normal").withEpochs(1).withBatchSize(32);
    DepthSweepResult sequential = DepthSweep.run(plan, train, test);

    Heard heard = new Heard();
    DepthSweepResult parallel = DepthSweep.run(plan, train, test, heard, Map.of(),
        Execution.SEQUENTIAL.withJobs(2));
    assertThat(heard.overlaps).isZero();
    assertThat(heard.sizesSoFar).containsExactly(1, 2, 3, 4);
    assertThat(heard.events.stream().filter(e -> e.startsWith("depth")).toList())
        .containsExactly("depth 1", "depth 3");

    List<SweepShardRuns> shards = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Shard shard = new Shard(i, 3);
      DepthSweepResult part = DepthSweep.run(plan, train, test, DepthSweepListener.NONE,
          Map.of(), Execution.SEQUENTIAL.withShard(shard));
      Map<Integer, List<SchemeRun>> byDepth = new java.util.LinkedHashMap<>();
      part.depths().forEach(d -> byDepth.put(d.depth(), d.runs()));
      shards.add(new SweepShardRuns("shard" + i, shard, byDepth));
    }
    Map<Integer, List<SchemeRun>> merged = plan.grid().mergeDepths(plan.depths(), shards);
    for (int depth : plan.depths()) {
      assertThat(withoutTimes(parallel.at(depth).runs()))
          .isEqualTo(withoutTimes(sequential.at(depth).runs()));
      assertThat(withoutTimes(merged.get(depth)))
          .isEqualTo(withoutTimes(sequential.at(depth).runs()));
    }
  }
}
