package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Runs that train together are cut into the fewest groups, sizes within one of each other. */
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
}
