package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.base.Shape;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.InMemoryDataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's own rules: seeds that never wrap, a batch the training set can fill. */
class ComparisonPlanTest {

  /** {@code n} examples of 4 values, classes 0 and 1 in turn. */
  private static Dataset examples(int n) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
    }
    return InMemoryDataset.ofClasses(new float[n * 4], Shape.of(4), labels, 2);
  }

  @Test
  void seedsCountUpFromTheFirst() {
    assertThat(ComparisonPlan.seeds(42, 3)).containsExactly(42L, 43L, 44L);
    assertThat(ComparisonPlan.seeds(-2, 2)).containsExactly(-2L, -1L);
    assertThat(ComparisonPlan.seeds(Long.MAX_VALUE, 1)).containsExactly(Long.MAX_VALUE);
    assertThat(ComparisonPlan.seeds(Long.MAX_VALUE - 1, 2))
        .containsExactly(Long.MAX_VALUE - 1, Long.MAX_VALUE);
  }

  @Test
  void seedsThatWouldPassTheLargestAreRefusedNotWrapped() {
    // before: LongStream.range(MAX, MAX + 2) overflowed to an empty list ("needs at least one
    // seed"), and the CLI's summary printed a negative last seed
    assertThatThrownBy(() -> ComparisonPlan.seeds(Long.MAX_VALUE, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 seeds from 9223372036854775807 would pass the largest seed,"
            + " 9223372036854775807; the first seed can be at most 9223372036854775806");
    assertThatThrownBy(() -> ComparisonPlan.seeds(Long.MAX_VALUE - 5, Integer.MAX_VALUE))
        .hasMessageStartingWith("2147483647 seeds from 9223372036854775802 would pass");
  }

  @Test
  void aBatchLargerThanTheTrainingSetIsRefused() {
    ComparisonPlan plan = ComparisonPlan.defaults().withBatchSize(100_000);
    assertThatThrownBy(() -> plan.checkTrainingSet(examples(8000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batch size 100000 is larger than the training set (8,000 examples);"
            + " use a batch size of at most 8000");
    plan.withBatchSize(8000).checkTrainingSet(examples(8000));
  }

  @Test
  void aComparisonRefusesTheBatchBeforeItsFirstRun() {
    ComparisonPlan plan = ComparisonPlan.defaults().withSpec(
            dev.primer.dsl.Net.parse("input(4).dense(2).softmax()"))
        .withSchemes("zeros").withEpochs(1).withBatchSize(11);
    List<String> heard = new ArrayList<>();
    ComparisonListener listener = new ComparisonListener() {
      @Override
      public void runStarted(int index, int total, String scheme, long seed) {
        heard.add(scheme);
      }
    };

    assertThatThrownBy(() -> Comparison.run(plan, examples(10), examples(4), listener))
        .hasMessage("batch size 11 is larger than the training set (10 examples);"
            + " use a batch size of at most 10");
    assertThat(heard).isEmpty();
  }

  @Test
  void aComparisonRefusesASchemeTheNetCannotTakeBeforeItsFirstRun() {
    // before: zeros trained first, then the comparison threw in the middle of its runs
    ComparisonPlan plan = ComparisonPlan.defaults().withSpec(
            dev.primer.dsl.Net.parse("input(4).dense(2).softmax()"))
        .withSchemes("zeros", "delta_orthogonal").withEpochs(1).withBatchSize(2);
    List<String> heard = new ArrayList<>();
    ComparisonListener listener = new ComparisonListener() {
      @Override
      public void runStarted(int index, int total, String scheme, long seed) {
        heard.add(scheme);
      }
    };

    assertThatThrownBy(() -> Comparison.run(plan, examples(10), examples(4), listener))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("scheme 'delta_orthogonal' cannot initialize this net: ");
    assertThat(heard).isEmpty();
  }

  @Test
  void aDepthSweepRefusesTheBatchBeforeItsFirstRun() {
    DepthSweepPlan plan = DepthSweepPlan.defaults().withDepths(1).withWidth(2)
        .withBatchSize(64);
    List<Integer> heard = new ArrayList<>();
    DepthSweepListener listener = new DepthSweepListener() {
      @Override
      public void depthStarted(int index, int total, int depth,
          dev.primer.dsl.spec.NetSpec net) {
        heard.add(depth);
      }
    };

    assertThatThrownBy(() -> DepthSweep.run(plan, examples(1), examples(1), listener))
        .hasMessage("batch size 64 is larger than the training set (1 example);"
            + " use a batch size of at most 1");
    assertThat(heard).isEmpty();
  }
}
