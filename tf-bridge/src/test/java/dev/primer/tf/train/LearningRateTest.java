package dev.primer.tf.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each schedule's {@link LearningRate#at} against its formula, worked by hand at the steps where
 * it changes; the graph's rate is checked against {@code at} in {@code ScheduleOpsTest}.
 */
class LearningRateTest {
  private static final double EPS = 1e-12;

  @Test
  void constantIsTheSameAtEveryStep() {
    LearningRate r = LearningRate.constant(0.01);
    assertThat(r.at(0)).isEqualTo(0.01);
    assertThat(r.at(1_000_000)).isEqualTo(0.01);
  }

  @Test
  void stepDecayDropsByTheFactorEveryKSteps() {
    LearningRate r = LearningRate.step(0.1, 0.5, 10);
    assertThat(r.at(0)).isEqualTo(0.1);
    assertThat(r.at(9)).isEqualTo(0.1);
    assertThat(r.at(10)).isCloseTo(0.05, within(EPS));
    assertThat(r.at(25)).isCloseTo(0.025, within(EPS));
  }

  @Test
  void exponentialDecayIsContinuous() {
    LearningRate r = LearningRate.exponential(0.1, 0.5, 10);
    assertThat(r.at(0)).isEqualTo(0.1);
    assertThat(r.at(5)).isCloseTo(0.1 / Math.sqrt(2), within(EPS));
    assertThat(r.at(20)).isCloseTo(0.025, within(EPS));
  }

  @Test
  void cosineFallsFromInitialToTheFloorThenStays() {
    LearningRate r = LearningRate.cosine(0.2, 100, 0.1);
    assertThat(r.at(0)).isCloseTo(0.2, within(EPS));
    // halfway: cos(pi/2) = 0, so the factor is 0.1 + 0.9 * 0.5
    assertThat(r.at(50)).isCloseTo(0.2 * 0.55, within(EPS));
    assertThat(r.at(100)).isCloseTo(0.02, within(EPS));
    assertThat(r.at(500)).isCloseTo(0.02, within(EPS));
    assertThat(LearningRate.cosine(0.2, 100).at(100)).isCloseTo(0, within(EPS));
  }

  @Test
  void warmupRisesLinearlyFromZeroThenStartsTheSchedule() {
    LearningRate r = LearningRate.step(0.1, 0.5, 10).withWarmup(4);
    assertThat(r.at(0)).isEqualTo(0);
    assertThat(r.at(1)).isCloseTo(0.025, within(EPS));
    assertThat(r.at(3)).isCloseTo(0.075, within(EPS));
    assertThat(r.at(4)).isEqualTo(0.1);
    assertThat(r.at(14)).isCloseTo(0.05, within(EPS));
    assertThat(r.initial()).isEqualTo(0.1);
    assertThat(((LearningRate.Warmup) r).withWarmup(2).at(2)).isEqualTo(0.1);
  }

  @Test
  void optimizersTakeASchedule() {
    LearningRate cosine = LearningRate.cosine(0.01, 1000);
    assertThat(Optimizer.adam(cosine).schedule()).isEqualTo(cosine);
    assertThat(Optimizer.adam(cosine).learningRate()).isEqualTo(0.01);
    assertThat(Optimizer.sgd(0.1).schedule()).isEqualTo(LearningRate.constant(0.1));
    assertThat(OptimizerNames.of("nesterov", cosine))
        .isEqualTo(Optimizer.nesterov(cosine, OptimizerNames.MOMENTUM));
    assertThat(Optimizer.momentum(cosine.withWarmup(10), 0.9).describe())
        .isEqualTo("sgd(lr=cosine(0.01, 1000 steps) after 10 warm-up steps, momentum=0.9)");
  }

  @Test
  void badSchedulesAreRejectedNamingTheRule() {
    assertThatThrownBy(() -> LearningRate.constant(0))
        .hasMessage("learning rate: rate must be > 0, got 0.0");
    assertThatThrownBy(() -> LearningRate.step(0.1, 1.5, 10))
        .hasMessage("step learning rate: factor must be in (0, 1], got 1.5");
    assertThatThrownBy(() -> LearningRate.step(0.1, 0.5, 0))
        .hasMessage("step learning rate: everySteps must be > 0, got 0");
    assertThatThrownBy(() -> LearningRate.exponential(0.1, 0, 10))
        .hasMessage("exponential learning rate: decay rate must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> LearningRate.cosine(0.1, 10, 1.5))
        .hasMessage("cosine learning rate: floorFraction must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> LearningRate.cosine(-1, 10))
        .hasMessage("cosine learning rate: initial rate must be > 0, got -1.0");
    assertThatThrownBy(() -> LearningRate.constant(0.1).withWarmup(0))
        .hasMessage("learning rate: warm-up steps must be > 0, got 0");
    assertThatThrownBy(() -> LearningRate.constant(0.1).at(-1))
        .hasMessage("learning rate: step must be >= 0, got -1");
    assertThatThrownBy(() -> Optimizer.adam((LearningRate) null))
        .hasMessage("adam: a learning rate is required");
  }
}
