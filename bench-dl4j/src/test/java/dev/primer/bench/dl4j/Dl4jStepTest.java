package dev.primer.bench.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.tf.bench.ForeignStep;
import dev.primer.tf.bench.StepBenchmark;
import dev.primer.tf.train.Optimizer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Deeplearning4j contender: found on the classpath, takes issue 12's Adam nets and refuses
 * what it cannot build alike, and trains (its loss falls on separable data).
 */
class Dl4jStepTest {

  @Test
  void itIsInstalledAndTakesTheAdamNetsOfIssue12ButNotMomentum() {
    assertThat(ForeignStep.installed()).extracting(ForeignStep::name).contains("dl4j");
    Dl4jStep dl4j = new Dl4jStep();
    for (StepBenchmark.Case c : StepBenchmark.issueCases()) {
      assertThat(dl4j.takes(c)).as(c.name()).isEqualTo(!c.name().equals("compare"));
    }
    assertThat(dl4j.takes(new StepBenchmark.Case("bn", Net.input(4).dense(4).batchNorm().relu()
        .dense(2).softmax(), 8, Optimizer.adam(0.01)))).isFalse();
    assertThat(dl4j.takes(new StepBenchmark.Case("tanh", Net.input(4).dense(4).tanh()
        .dense(2).softmax(), 8, Optimizer.adam(0.01)))).isFalse();
    assertThat(dl4j.takes(new StepBenchmark.Case("frozen", Net.input(4).dense(4).relu().frozen()
        .dense(2).softmax(), 8, Optimizer.adam(0.01)))).isFalse();
  }

  @Test
  void anMlpAndAConvNetTrainTheirLossDown() {
    checkLearns(new StepBenchmark.Case("mlp", Net.input(16).dense(32).relu().dense(3).softmax(),
        16, Optimizer.adam(0.01)), new int[] {16});
    checkLearns(new StepBenchmark.Case("cnn", Net.input(8, 8, 1).conv2d(4, 3).relu()
        .maxPool2d(2).flatten().dense(8).relu().dense(3).softmax(), 16, Optimizer.adam(0.01)),
        new int[] {8, 8, 1});
  }

  /** Three classes, each a fixed random pattern plus noise: learnable by any of the nets. */
  private static void checkLearns(StepBenchmark.Case c, int[] shape) {
    int n = 96;
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    SplittableRandom random = new SplittableRandom(3);
    float[][] patterns = new float[3][size];
    for (float[] p : patterns) {
      for (int j = 0; j < size; j++) {
        p[j] = (float) random.nextGaussian();
      }
    }
    float[] x = new float[n * size];
    float[] y = new float[n * 3];
    for (int i = 0; i < n; i++) {
      int k = i % 3;
      y[i * 3 + k] = 1;
      for (int j = 0; j < size; j++) {
        x[i * size + j] = patterns[k][j] + 0.3f * (float) random.nextGaussian();
      }
    }
    Dl4jStep dl4j = new Dl4jStep();
    assertThat(dl4j.takes(c)).isTrue();
    try (Dl4jTrainer trainer = (Dl4jTrainer) dl4j.open(c, x, y, n, shape, 3)) {
      trainer.epoch();
      double first = trainer.score();
      for (int e = 0; e < 20; e++) {
        trainer.epoch();
      }
      // ln 3 = 1.10 at chance; a net that learned the patterns ends far below
      assertThat(trainer.score()).as(c.name()).isLessThan(Math.min(first, 0.3));
    }
  }
}
