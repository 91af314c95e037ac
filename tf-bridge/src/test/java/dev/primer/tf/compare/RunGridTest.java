package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Joining shards' runs: the set one process gives, and a clear refusal for every defect. */
class RunGridTest {

  private static final RunGrid GRID = new RunGrid(List.of("zeros", "he_normal", "auto"),
      List.of(42L, 43L));

  private static SchemeRun run(String scheme, long seed) {
    return new SchemeRun(scheme, seed, List.of(new EpochRow(1, 1.0, 1.0, 0.5, 1.0)),
        RunStatus.failed("test"), 1.0);
  }

  private static List<SchemeRun> all() {
    List<SchemeRun> runs = new ArrayList<>();
    for (String scheme : GRID.schemes()) {
      for (long seed : GRID.seeds()) {
        runs.add(run(scheme, seed));
      }
    }
    return runs;
  }

  /** The runs of {@code shard}, by the rule, in reverse order (merge must not depend on it). */
  private static ShardRuns shard(int index, int count) {
    Shard shard = new Shard(index, count);
    List<SchemeRun> runs = new ArrayList<>(all().stream()
        .filter(r -> shard.holds(GRID.position(r.scheme(), r.seed()))).toList());
    java.util.Collections.reverse(runs);
    return new ShardRuns("dir" + index, shard, runs);
  }

  @Test
  void numbersRunsSchemesOuterSeedsInner() {
    assertThat(GRID.position("zeros", 42)).isZero();
    assertThat(GRID.position("zeros", 43)).isEqualTo(1);
    assertThat(GRID.position("auto", 43)).isEqualTo(5);
    assertThat(GRID.position("auto", 44)).isEqualTo(-1);
    assertThat(GRID.position("glorot_uniform", 42)).isEqualTo(-1);
  }

  @Test
  void mergingEveryShardGivesTheWholeSetInPlanOrder() {
    for (int count = 1; count <= 7; count++) {
      List<ShardRuns> shards = new ArrayList<>();
      for (int i = count - 1; i >= 0; i--) {
        shards.add(shard(i, count));
      }
      assertThat(GRID.merge(shards)).isEqualTo(all());
    }
  }

  @Test
  void refusesAMissingDuplicatedOrMixedShard() {
    assertThatThrownBy(() -> GRID.merge(List.of(shard(0, 3), shard(2, 3))))
        .hasMessage("shard 1/3 is missing; given: [0/3 (dir0), 2/3 (dir2)]");
    assertThatThrownBy(() -> GRID.merge(List.of(shard(0, 2), shard(0, 2), shard(1, 2))))
        .hasMessage("shard 0/2 is given twice: dir0 and dir0");
    assertThatThrownBy(() -> GRID.merge(List.of(shard(0, 2), shard(1, 3))))
        .hasMessage("the shards are of different cuts of the grid: dir0 is shard 0/2, dir1 is"
            + " shard 1/3");
    assertThatThrownBy(() -> GRID.merge(List.of()))
        .hasMessage("nothing to merge: no shard given");
  }

  @Test
  void refusesMissingForeignMisplacedAndDoubledRuns() {
    ShardRuns half = new ShardRuns("dir1", new Shard(1, 2), List.of(run("zeros", 43)));
    assertThatThrownBy(() -> GRID.merge(List.of(shard(0, 2), half)))
        .hasMessage("2 of 6 runs are missing (a shard that did not finish: continue it with"
            + " --resume): he_normal seed 43 (shard 1/2, dir1); auto seed 43 (shard 1/2, dir1)");
    ShardRuns foreign = new ShardRuns("dir1", new Shard(1, 2), List.of(run("zeros", 44)));
    assertThatThrownBy(() -> GRID.merge(List.of(shard(0, 2), foreign)))
        .hasMessage("dir1: the run zeros seed 44 is not one of the plan's runs");
    ShardRuns misplaced = new ShardRuns("dir1", new Shard(1, 2), List.of(run("zeros", 42)));
    assertThatThrownBy(() -> GRID.merge(List.of(shard(0, 2), misplaced)))
        .hasMessage("dir1: the run zeros seed 42 belongs to shard 0/2, not to its shard 1/2");
    ShardRuns doubled = new ShardRuns("dir1", new Shard(1, 2),
        List.of(run("zeros", 43), run("zeros", 43)));
    assertThatThrownBy(() -> GRID.merge(List.of(shard(0, 2), doubled)))
        .hasMessage("the run zeros seed 43 is given twice: in dir1 and in dir1");
  }

  @Test
  void mergesASweepDepthsOuter() {
    List<Integer> depths = List.of(2, 5);
    // 12 runs: depth 2 is 0..5, depth 5 is 6..11; shard 1/4 holds 1, 5, 9
    List<SweepShardRuns> shards = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Shard shard = new Shard(i, 4);
      Map<Integer, List<SchemeRun>> byDepth = new java.util.LinkedHashMap<>();
      for (int d = 0; d < depths.size(); d++) {
        int offset = d * GRID.size();
        byDepth.put(depths.get(d), all().stream()
            .filter(r -> shard.holds(offset + GRID.position(r.scheme(), r.seed()))).toList());
      }
      shards.add(new SweepShardRuns("dir" + i, shard, byDepth));
    }
    assertThat(shards.get(1).runsByDepth().get(2)).containsExactly(run("zeros", 43),
        run("auto", 43));
    assertThat(shards.get(1).runsByDepth().get(5)).containsExactly(run("he_normal", 43));
    assertThat(GRID.mergeDepths(depths, shards)).isEqualTo(Map.of(2, all(), 5, all()));
    List<SweepShardRuns> short1 = new ArrayList<>(shards);
    short1.set(1, new SweepShardRuns("dir1", new Shard(1, 4),
        Map.of(2, shards.get(1).runsByDepth().get(2))));
    assertThatThrownBy(() -> GRID.mergeDepths(depths, short1))
        .hasMessage("1 of 12 runs are missing (a shard that did not finish: continue it with"
            + " --resume): depth 5 he_normal seed 43 (shard 1/4, dir1)");
  }
}
