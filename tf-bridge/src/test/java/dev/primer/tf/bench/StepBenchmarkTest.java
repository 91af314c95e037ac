package dev.primer.tf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.tf.Device;
import dev.primer.tf.Fixtures;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StepBenchmark}'s contenders: Primer's, each {@link ForeignStep} on the classpath that
 * takes the case (here the test's {@link CountingForeignStep}), then the hand-written ones; each
 * trains when run, and a foreign trainer gets the training set cut to whole batches and is
 * closed with the benchmark.
 */
class StepBenchmarkTest {

  private static StepBenchmark.Case tiny(String name) {
    return new StepBenchmark.Case(name, Net.input(8).dense(16).relu().dense(3).softmax(), 16,
        Optimizer.adam(0.01));
  }

  @Test
  void aForeignStepThatTakesTheCaseIsAContenderBeforeTheHandWrittenOnes() {
    CountingForeignStep.OPENED.clear();
    try (StepBenchmark bench = new StepBenchmark(tiny("tiny"), Fixtures.blobs(100, 8, 3, 4),
        Device.CPU, List.of(2))) {
      assertThat(bench.contenders()).containsExactly("primer", "primer-k2", "primer-1t",
          "counting", "hand-caller", "hand", "hand-fixed");
      assertThat(CountingForeignStep.OPENED).hasSize(1);
      CountingForeignStep.Counting opened = CountingForeignStep.OPENED.get(0);
      // 100 examples cut to 6 whole batches of 16
      assertThat(bench.examples()).isEqualTo(96);
      assertThat(opened.examples).isEqualTo(96);
      assertThat(opened.exampleShape).containsExactly(8);
      assertThat(opened.classes).isEqualTo(3);
      assertThat(opened.featureValues).isEqualTo(96 * 8);
      assertThat(opened.targetValues).isEqualTo(96 * 3);

      StepBenchmark.Rate rate = bench.run(3, 2);
      assertThat(opened.epochs).isEqualTo(2);
      assertThat(rate.wall()).isPositive();
      for (int i = 0; i < bench.contenders().size(); i++) {
        assertThat(bench.run(i, 1).wall()).as(bench.contenders().get(i)).isPositive();
      }
      assertThat(opened.epochs).isEqualTo(3);
      assertThat(bench.warmUpEpochs(3)).isEqualTo(1);
      assertThatThrownBy(() -> bench.run(7, 1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("bench step: contender 7 is not one of 0..6 [primer,");
      assertThat(opened.closed).isFalse();
    }
    assertThat(CountingForeignStep.OPENED.get(0).closed).isTrue();
  }

  @Test
  void aForeignStepThatDoesNotTakeTheCaseIsLeftOut() {
    CountingForeignStep.OPENED.clear();
    try (StepBenchmark bench = new StepBenchmark(tiny("other"), Fixtures.blobs(64, 8, 3, 4),
        Device.CPU, List.of())) {
      assertThat(bench.contenders()).containsExactly("primer", "primer-1t", "hand-caller",
          "hand", "hand-fixed");
      assertThat(CountingForeignStep.OPENED).isEmpty();
    }
  }
}
