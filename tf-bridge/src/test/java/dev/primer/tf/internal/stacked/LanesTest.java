package dev.primer.tf.internal.stacked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Fixtures;
import dev.primer.tf.compare.Schemes;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Runs split into lanes, each a graph with one thread of its own stepping beside the others,
 * train as they do in one graph on TensorFlow's shared pools: on this small net, bitwise — every
 * step's losses and every evaluation — with 1, 2 and 3 lanes; and how many lanes a device gets.
 */
class LanesTest {

  @Test
  void runsInLanesTrainBitwiseAsInOneGraph() {
    NetSpec base = Net.parse("input(12).dense(8).relu().dense(3).softmax()");
    List<String> schemes = List.of("he_normal", "orthogonal", "normal(0,0.5)", "glorot_uniform",
        "zeros");
    List<Long> seeds = List.of(5L, 6L, 5L, 6L, 7L);
    List<ResolvedNet> nets =
        schemes.stream().map(s -> base.withKernelInit(Schemes.parse(s)).resolve()).toList();
    InMemoryDataset data = Fixtures.blobs(96, 12, 3, 4);
    float[][] reference = null;
    List<Evaluation> referenceEvaluation = null;
    for (int count : new int[] {1, 2, 3}) {
      try (Lanes lanes = Lanes.create(nets, seeds, Optimizer.momentum(0.1, 0.9),
          Loss.SOFTMAX_CROSS_ENTROPY, Device.CPU, count)) {
        assertThat(lanes.count()).isEqualTo(count);
        assertThat(lanes.runs()).isEqualTo(5);
        lanes.load(data);
        float[][] losses = new float[12][];
        SplittableRandom random = new SplittableRandom(3);
        for (int step = 0; step < losses.length; step++) {
          int[][] batches = new int[5][16];
          for (int[] batch : batches) {
            for (int i = 0; i < batch.length; i++) {
              batch[i] = random.nextInt(data.size());
            }
          }
          losses[step] = lanes.step(batches);
        }
        List<Evaluation> evaluation = lanes.evaluate(data);
        assertThat(evaluation).hasSize(5);
        if (reference == null) {
          reference = losses;
          referenceEvaluation = evaluation;
          // the runs learn: the last step's loss is below the first for all but zeros
          for (int r = 0; r < 4; r++) {
            assertThat(losses[losses.length - 1][r]).isLessThan(losses[0][r]);
          }
        } else {
          for (int step = 0; step < losses.length; step++) {
            assertThat(losses[step]).as("%d lanes, step %d", count, step)
                .containsExactly(reference[step]);
          }
          assertThat(evaluation).as("%d lanes", count).isEqualTo(referenceEvaluation);
        }
      }
    }
  }

  /**
   * A lane that fails (a batch index out of the training set's range) fails the step after every
   * lane has ended, naming TensorFlow's reason; the lanes are intact and step on.
   */
  @Test
  void aFailingLaneFailsTheStepAfterTheOthersEndAndLeavesTheLanesUsable() {
    NetSpec base = Net.parse("input(4).dense(4).relu().dense(2).softmax()");
    List<ResolvedNet> nets = List.of(base.resolve(), base.resolve(), base.resolve());
    InMemoryDataset data = Fixtures.blobs(32, 4, 2, 1);
    try (Lanes lanes = Lanes.create(nets, List.of(1L, 2L, 3L), Optimizer.sgd(0.1),
        Loss.SOFTMAX_CROSS_ENTROPY, Device.CPU, 3)) {
      lanes.load(data);
      int[][] bad = {{0, 1}, {2, 3}, {4, 999}};
      assertThatThrownBy(() -> lanes.step(bad)).hasMessageContaining("999");
      float[] losses = lanes.step(new int[][] {{0, 1}, {2, 3}, {4, 5}});
      assertThat(losses).hasSize(3);
      for (float loss : losses) {
        assertThat(loss).isFinite().isPositive();
      }
    }
  }

  @Test
  void oneLanePerCoreAtMostOnePerRunAndOneOnAGpu() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(Lanes.count(Device.CPU, 1)).isEqualTo(1);
    assertThat(Lanes.count(Device.CPU, 100)).isEqualTo(Math.min(100, cores));
    assertThat(Lanes.count(Device.CPU, 2)).isEqualTo(Math.min(2, cores));
    assertThat(Lanes.count(Device.GPU, 100)).isEqualTo(1);
  }

  @Test
  void moreLanesThanRunsAreRefused() {
    List<ResolvedNet> nets = List.of(Net.parse("input(2).dense(2).softmax()").resolve());
    assertThatThrownBy(() -> Lanes.create(nets, List.of(1L), Optimizer.sgd(0.1),
        Loss.SOFTMAX_CROSS_ENTROPY, Device.CPU, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lanes: 2 lanes for 1 runs; 1 to 1");
  }
}
