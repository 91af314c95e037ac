package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.tf.internal.stacked.StackedNet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Runs that train together are cut into the fewest groups of at most {@link RunGroups#MOST_RUNS}
 * runs and at most what memory allows, sizes within one of each other.
 */
class RunGroupsTest {

  private static List<PlannedRun> runs(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> new PlannedRun(i, "s", i)).toList();
  }

  private static List<Integer> sizes(List<List<PlannedRun>> groups) {
    return groups.stream().map(List::size).toList();
  }

  @Test
  void cutsIntoTheFewestGroupsOfNearlyEqualSize() {
    assertThat(sizes(RunGroups.cut(runs(27), 62))).containsExactly(27);
    assertThat(sizes(RunGroups.cut(runs(27), 9))).containsExactly(9, 9, 9);
    assertThat(sizes(RunGroups.cut(runs(11), 4))).containsExactly(3, 4, 4);
    assertThat(sizes(RunGroups.cut(runs(28), 27))).containsExactly(14, 14);
    List<List<PlannedRun>> groups = RunGroups.cut(runs(10), 3);
    assertThat(groups.stream().flatMap(List::stream).map(PlannedRun::index).toList())
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
  }

  /** Every run of {@code plan}, numbered as {@link Comparison#run} numbers them. */
  private static List<PlannedRun> planned(ComparisonPlan plan) {
    List<PlannedRun> runs = new ArrayList<>();
    for (String scheme : plan.schemes().keySet()) {
      for (long seed : plan.seeds()) {
        runs.add(new PlannedRun(runs.size() + 1, scheme, seed));
      }
    }
    return runs;
  }

  @Test
  void theDefaultComparisonTrainsInThreeGroupsOfNine() {
    ComparisonPlan plan = ComparisonPlan.defaults();
    assertThat(plan.grouping()).isEqualTo(RunGrouping.TOGETHER);
    // memory alone would allow one group of all 27
    assertThat(StackedNet.groupSize(plan.spec().resolve())).isGreaterThan(27);
    RunGroups groups = RunGroups.of(plan, planned(plan));
    assertThat(sizes(groups.together())).containsExactly(9, 9, 9);
    assertThat(groups.alone()).isEmpty();
    assertThat(groups.together().stream().flatMap(List::stream).toList())
        .containsExactlyElementsOf(planned(plan));
    assertThat(groups.describe()).isEqualTo("27 runs train together, in 3 groups of up to 9 runs");
  }

  @Test
  void tenRunsTrainInTwoGroupsOfFive() {
    ComparisonPlan plan = ComparisonPlan.defaults()
        .withSchemes("zeros", "he_normal", "lecun_normal", "orthogonal", "glorot_uniform")
        .withSeeds(List.of(1L, 2L));
    RunGroups groups = RunGroups.of(plan, planned(plan));
    assertThat(sizes(groups.together())).containsExactly(5, 5);
    assertThat(groups.describe()).isEqualTo("10 runs train together, in 2 groups of up to 5 runs");
    assertThat(sizes(RunGroups.of(plan.withSeeds(List.of(1L)), planned(plan.withSeeds(
        List.of(1L)))).together())).containsExactly(5);
  }

  @Test
  void theMemoryCapStillAppliesWhereItIsSmaller() {
    // 784 * 5000 + 5000 + 5000 * 10 + 10 = 3,975,010 parameters: 2^24 / that = 4 runs a group
    ComparisonPlan plan = ComparisonPlan.defaults()
        .withSpec(Net.parse("input(784).dense(5000).relu().dense(10).softmax()"))
        .withSchemes("zeros", "he_normal", "lecun_normal", "orthogonal", "glorot_uniform")
        .withSeeds(List.of(1L, 2L));
    assertThat(StackedNet.groupSize(plan.spec().resolve())).isEqualTo(4);
    RunGroups groups = RunGroups.of(plan, planned(plan));
    assertThat(sizes(groups.together())).containsExactly(3, 3, 4);
    assertThat(groups.describe()).isEqualTo("10 runs train together, in 3 groups of up to 4 runs");
  }
}
