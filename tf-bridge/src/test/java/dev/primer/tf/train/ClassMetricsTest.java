package dev.primer.tf.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Confusion matrix, precision, recall and top-k accuracy of {@link Model#evaluate}, against a
 * case worked by hand: a dense layer set to the identity, so the net's outputs are its inputs.
 * <pre>
 *   outputs    class  predicted  rank of the class
 *   [3, 1, 0]    0       0        0
 *   [1, 2, 0]    0       1        1
 *   [0, 1, 5]    2       2        0
 *   [2, 1, 3]    1       2        2   (2 and 3 above 1)
 *   [1, 3, 2]    1       1        0
 *   [4, 0, 1]    2       0        1   (4 above 1)
 *   [2, 2, 0]    1       0        0   (a tie: first largest is 0; nothing above the class)
 * </pre>
 * Confusion (rows actual): [1 1 0] [1 1 1] [1 0 1]; rank counts [4 2 1]. So accuracy 3/7,
 * top-1 4/7 (the tie counts for the class), top-2 6/7, top-3 1; precision of 0, 1, 2: 1/3, 1/2,
 * 1/2; recall 1/2, 1/3, 1/2. The seven rows are repeated 300 times (2100 examples, three fed
 * batches), so every count is 300 times that.
 */
class ClassMetricsTest {
  private static final float[][] OUTPUTS = {
      {3, 1, 0}, {1, 2, 0}, {0, 1, 5}, {2, 1, 3}, {1, 3, 2}, {4, 0, 1}, {2, 2, 0}};
  private static final int[] CLASSES = {0, 0, 2, 1, 1, 2, 1};
  private static final int REPEATS = 300;

  @Test
  void evaluationCountsConfusionAndRanksAsWorkedByHand() {
    float[][] x = new float[OUTPUTS.length * REPEATS][];
    int[] labels = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = OUTPUTS[i % OUTPUTS.length];
      labels[i] = CLASSES[i % OUTPUTS.length];
    }
    InMemoryDataset data = InMemoryDataset.ofClasses(x, labels, 3);
    try (Model model = Model.compile(Net.input(3).dense(3), 1)) {
      model.setWeights(List.of(
          new ParameterValues("dense_0/kernel", Shape.of(3, 3), new float[] {1, 0, 0, 0, 1, 0,
              0, 0, 1}),
          new ParameterValues("dense_0/bias", Shape.of(3), new float[3])));

      Evaluation e = model.evaluate(data, Loss.MEAN_SQUARED_ERROR);

      assertThat(e.examples()).isEqualTo(2100);
      assertThat(e.accuracy()).isCloseTo(3.0 / 7, within(1e-12));
      ClassMetrics m = e.classes().orElseThrow();
      long r = REPEATS;
      assertThat(m.confusion()).isEqualTo(new ConfusionMatrix(3,
          new long[] {r, r, 0, r, r, r, r, 0, r}));
      assertThat(m.rankCounts()).containsExactly(4 * r, 2 * r, r);
      assertThat(m.topKAccuracy(1)).isCloseTo(4.0 / 7, within(1e-12));
      assertThat(m.topKAccuracy(2)).isCloseTo(6.0 / 7, within(1e-12));
      assertThat(m.topKAccuracy(3)).isEqualTo(1.0);
      assertThat(List.of(m.precision(0), m.precision(1), m.precision(2)))
          .containsExactly(1.0 / 3, 1.0 / 2, 1.0 / 2);
      assertThat(List.of(m.recall(0), m.recall(1), m.recall(2)))
          .containsExactly(1.0 / 2, 1.0 / 3, 1.0 / 2);
      // accuracy is the confusion matrix's diagonal
      assertThat((double) (m.confusion().count(0, 0) + m.confusion().count(1, 1)
          + m.confusion().count(2, 2)) / m.confusion().total()).isEqualTo(e.accuracy());
    }
  }

  @Test
  void targetsOfOneValueHaveNoClassMetrics() {
    InMemoryDataset data = InMemoryDataset.ofTargets(new float[] {1, 2, 3, 4}, Shape.of(2),
        new float[] {1, 0}, 1);
    try (Model model = Model.compile(Net.input(2).dense(1), 1)) {
      assertThat(model.evaluate(data, Loss.MEAN_SQUARED_ERROR).classes()).isEmpty();
    }
  }

  @Test
  void aClassNobodyPredictedHasNoPrecisionAndAClassWithNoExamplesNoRecall() {
    // 2 examples of class 0, one predicted 0 and one 1; class 2 never occurs nor is predicted
    ConfusionMatrix m = new ConfusionMatrix(3, new long[] {1, 1, 0, 0, 0, 0, 0, 0, 0});
    assertThat(m.precision(0)).isEqualTo(1.0);
    assertThat(m.precision(1)).isEqualTo(0.0);
    assertThat(m.precision(2)).isNaN();
    assertThat(m.recall(0)).isEqualTo(0.5);
    assertThat(m.recall(1)).isNaN();
    assertThat(m.actual(0)).isEqualTo(2);
    assertThat(m.predicted(1)).isEqualTo(1);
    assertThat(m).hasToString("ConfusionMatrix[3 classes, rows actual: [1, 1, 0] [0, 0, 0]"
        + " [0, 0, 0]]");
  }

  @Test
  void badCountsAndKAreRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> new ConfusionMatrix(2, new long[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confusion matrix: 2 classes need 4 counts, got 3");
    assertThatThrownBy(() -> new ConfusionMatrix(2, new long[] {0, -1, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confusion matrix: count (0, 1) is negative: -1");
    ClassMetrics m = new ClassMetrics(new ConfusionMatrix(2, new long[] {1, 0, 0, 1}),
        new long[] {2, 0});
    assertThatThrownBy(() -> m.topKAccuracy(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("top-k accuracy: k must be in [1, 2], got 3");
    assertThatThrownBy(() -> new ClassMetrics(m.confusion(), new long[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("class metrics: 2 classes need as many rank counts, got 1");
  }
}
