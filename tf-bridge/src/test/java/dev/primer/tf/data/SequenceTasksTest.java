package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SequenceTasksTest {
  static final int LENGTH = 6;
  static final int VOCAB = 8;

  @Test
  void reverseAndSortTargetTheReversedAndSortedTokensOneHot() {
    for (boolean reverse : new boolean[] {true, false}) {
      InMemoryDataset data = reverse ? SequenceTasks.reverse(LENGTH, VOCAB, 20, 1)
          : SequenceTasks.sort(LENGTH, VOCAB, 20, 1);
      assertThat(data.exampleShape().toArray()).containsExactly(LENGTH);
      assertThat(data.targetWidth()).isEqualTo(LENGTH * VOCAB);
      float[] x = new float[20 * LENGTH];
      float[] y = new float[20 * LENGTH * VOCAB];
      data.read(0, 20, x, 0, y, 0);
      for (int e = 0; e < 20; e++) {
        int[] tokens = new int[LENGTH];
        for (int t = 0; t < LENGTH; t++) {
          tokens[t] = (int) x[e * LENGTH + t];
          assertThat((float) tokens[t]).isEqualTo(x[e * LENGTH + t]);
          assertThat(tokens[t]).isBetween(0, VOCAB - 1);
        }
        int[] expected = tokens.clone();
        if (reverse) {
          for (int t = 0; t < LENGTH; t++) {
            expected[t] = tokens[LENGTH - 1 - t];
          }
        } else {
          Arrays.sort(expected);
        }
        for (int t = 0; t < LENGTH; t++) {
          for (int k = 0; k < VOCAB; k++) {
            assertThat(y[(e * LENGTH + t) * VOCAB + k])
                .isEqualTo(k == expected[t] ? 1f : 0f);
          }
        }
      }
    }
  }

  @Test
  void theSameArgumentsGiveTheSameData() {
    float[] a = new float[10 * LENGTH];
    float[] b = new float[10 * LENGTH];
    float[] y = new float[10 * LENGTH * VOCAB];
    SequenceTasks.reverse(LENGTH, VOCAB, 10, 3).read(0, 10, a, 0, y, 0);
    SequenceTasks.reverse(LENGTH, VOCAB, 10, 3).read(0, 10, b, 0, y, 0);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void badArgumentsAndLabelsAreNamed() {
    assertThatThrownBy(() -> SequenceTasks.sort(4, 1, 10, 1))
        .hasMessage("sort: length and examples must be >= 1 and vocab >= 2, got length 4,"
            + " vocab 1, examples 10");
    assertThatThrownBy(() -> SequenceTasks.ofPositionLabels(new float[4], 2,
        new int[] {0, 1, 3, 0}, 3))
        .hasMessage("position labels: example 1 position 0 has label 3, not in [0, 3)");
  }

  /**
   * A small transformer-like chain (embedding, learned positions, attention, layer norm, dense
   * softmax per position) learns to reverse. Chance is 1/8 per position; over the 300 * 6 test
   * positions its standard deviation is sqrt(1/8 * 7/8 / 1800) = 0.008, so 0.5 is 45 of them
   * above chance. Training without attention cannot exceed chance on reverse: the output at
   * position t depends only on the token at T - 1 - t, independent of the token at t.
   */
  @Test
  void aSmallAttentionNetLearnsToReverseFarAboveChance() {
    InMemoryDataset train = SequenceTasks.reverse(LENGTH, VOCAB, 600, 1);
    InMemoryDataset test = SequenceTasks.reverse(LENGTH, VOCAB, 300, 2);
    NetSpec spec = Net.input(LENGTH).embedding(VOCAB, 32).positionalEmbedding()
        .multiHeadAttention(4, 8).layerNorm().dense(VOCAB).softmax();
    try (Model model = Model.compile(spec, 3)) {
      model.fit(train, FitOptions.defaults().withLoss(Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION)
          .withOptimizer(Optimizer.adam(0.01)).withBatchSize(50).withEpochs(4)
          .withShuffleSeed(4));
      Evaluation after = model.evaluate(test, Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION);
      assertThat(after.accuracy()).isGreaterThan(0.5);
    }
  }
}
