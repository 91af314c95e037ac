package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.base.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A depth sweep's plan and how a sweep words a run's status. */
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
  void theStallRuleIsWithinOnePercentOfLnClasses() {
    double chance = Math.log(10);
    assertThat(RunStatus.nearChance(chance * 1.0099, 10)).isTrue();
    assertThat(RunStatus.nearChance(chance * 0.9901, 10)).isTrue();
    assertThat(RunStatus.nearChance(chance * 1.0101, 10)).isFalse();
    assertThat(RunStatus.nearChance(Double.NaN, 10)).isFalse();
    List<EpochRow> stalled = List.of(new EpochRow(1, chance, chance * 1.005, 0.1, 1));
    assertThat(RunStatus.of(new dev.primer.tf.train.FitResult.Completed(List.of()), stalled, 10)
        .kind()).isEqualTo(RunStatus.Kind.STALLED);
  }

  @Test
  void aGroupOfSeedsIsTalliedInOrderOfFirstAppearance() {
    assertThat(RunStatus.tally(List.of("ok", "ok"))).isEqualTo("ok");
    assertThat(RunStatus.tally(List.of("stalled", "ok", "ok"))).isEqualTo("stalled 1/3, ok 2/3");
  }

  @Test
  void aStalledRunThatLearnsLaterIsASlowStart() {
    double chance = Math.log(10);
    RunStatus stalled = new RunStatus(RunStatus.Kind.STALLED, "", 0);
    SchemeRun late = new SchemeRun("s", 1, List.of(new EpochRow(1, chance, chance, 0.1, 1),
        new EpochRow(2, 1.0, 0.9, 0.7, 2)), stalled, 2);
    SchemeRun never = new SchemeRun("s", 2, List.of(new EpochRow(1, chance, chance, 0.1, 1),
        new EpochRow(2, chance, chance * 0.995, 0.11, 2)), stalled, 2);
    assertThat(SweepStatus.of(List.of(late), 10)).isEqualTo("slow start");
    assertThat(SweepStatus.of(List.of(never), 10)).isEqualTo("stalled");
    assertThat(SweepStatus.of(List.of(late, never), 10)).isEqualTo("slow start 1/2, stalled 1/2");
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
