package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.base.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A depth sweep's plan. */
class DepthSweepPlanTest {

  @Test
  void aDepthMeansHiddenLayers() {
    DepthSweepPlan plan = DepthSweepPlan.defaults().withWidth(8);
    assertThat(plan.net(2, Shape.of(784), 10).toString())
        .isEqualTo("input(784).dense(8).relu().dense(8).relu().dense(10).softmax()");
    assertThat(plan.net(1, Shape.of(28, 28, 1), 10).toString())
        .isEqualTo("input(28,28,1).flatten().dense(8).relu().dense(10).softmax()");
    assertThat(plan.optimizer().describe()).isEqualTo("sgd(lr=" + plan.learningRate() + ")");
    assertThat(plan.runs()).isEqualTo(5 * 2);
    assertThat(plan.depths()).containsExactly(2, 5, 10, 20, 30);
    assertThat(plan.schemes()).containsOnlyKeys("glorot_uniform", "he_normal");
  }

  @Test
  void badPlansAreRefusedNamingTheValue() {
    DepthSweepPlan plan = DepthSweepPlan.defaults();
    assertThatThrownBy(() -> plan.withDepths(List.of()))
        .hasMessage("depth sweep: needs at least one depth");
    assertThatThrownBy(() -> plan.withDepths(2, 0))
        .hasMessage("depth sweep: every depth must be >= 1 (hidden layers), got 0 in [2, 0]");
    assertThatThrownBy(() -> plan.withDepths(2, 2))
        .hasMessage("depth sweep: every depth must appear once, got [2, 2]");
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
