package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddingProblemTest {

  @Test
  void everySequenceHasOneMarkerInEachHalfAndTheirSumAsTarget() {
    int n = 500;
    int length = 30;
    InMemoryDataset data = AddingProblem.generate(n, length, 5);
    assertThat(data.size()).isEqualTo(n);
    assertThat(data.exampleShape().toArray()).containsExactly(length, 2);
    assertThat(data.targetWidth()).isEqualTo(1);
    float[] x = new float[n * length * 2];
    float[] y = new float[n];
    data.read(0, n, x, 0, y, 0);
    for (int e = 0; e < n; e++) {
      int firstHalf = 0;
      int secondHalf = 0;
      double sum = 0;
      for (int t = 0; t < length; t++) {
        float value = x[(e * length + t) * 2];
        float marker = x[(e * length + t) * 2 + 1];
        assertThat(value).isBetween(0f, 1f);
        assertThat(marker).isIn(0f, 1f);
        if (marker == 1f) {
          sum += value;
          if (t < length / 2) {
            firstHalf++;
          } else {
            secondHalf++;
          }
        }
      }
      assertThat(firstHalf).as("markers in the first half of example %d", e).isEqualTo(1);
      assertThat(secondHalf).as("markers in the second half of example %d", e).isEqualTo(1);
      assertThat((double) y[e]).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void theConstantPredictorScoresTheBaseline() {
    // (u1 + u2 - 1) is triangular on [-1, 1]: E[d^2] = 1/6, E[d^4] = 1/15, so the squared
    // error's standard deviation is sqrt(1/15 - 1/36) = 0.197 and its mean over n examples is
    // within 4 standard errors of 1/6 with overwhelming probability.
    int n = 20_000;
    InMemoryDataset data = AddingProblem.generate(n, 4, 11);
    float[] x = new float[n * 4 * 2];
    float[] y = new float[n];
    data.read(0, n, x, 0, y, 0);
    double mse = 0;
    for (float target : y) {
      mse += (target - 1.0) * (target - 1.0) / n;
    }
    double standardError = Math.sqrt(1.0 / 15 - 1.0 / 36) / Math.sqrt(n);
    assertThat(mse).isCloseTo(AddingProblem.BASELINE_MSE,
        org.assertj.core.data.Offset.offset(4 * standardError));
  }

  @Test
  void theSameSeedGivesTheSameSequencesAndAnotherSeedOthers() {
    float[] a = features(AddingProblem.generate(20, 10, 1));
    assertThat(features(AddingProblem.generate(20, 10, 1))).isEqualTo(a);
    assertThat(features(AddingProblem.generate(20, 10, 2))).isNotEqualTo(a);
  }

  @Test
  void refusesSequencesTooShortForTwoHalves() {
    assertThatThrownBy(() -> AddingProblem.generate(10, 1, 0))
        .hasMessageContaining("length must be at least 2");
    assertThatThrownBy(() -> AddingProblem.generate(0, 10, 0))
        .hasMessageContaining("examples");
  }

  private static float[] features(InMemoryDataset data) {
    float[] x = new float[data.size() * (int) data.exampleShape().size()];
    data.read(0, data.size(), x, 0, new float[data.size()], 0);
    return x;
  }
}
