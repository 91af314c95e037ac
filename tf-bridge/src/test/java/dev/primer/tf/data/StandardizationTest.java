package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.base.Shape;
import org.junit.jupiter.api.Test;

/** Standardization: computed on the training part, applied unchanged elsewhere. */
class StandardizationTest {

  @Test
  void theTrainingPartIsScaledToMeanZeroAndStdOne() {
    // feature 0: 1, 3, 5, 7 (mean 4, population std sqrt(5)); feature 1 constant 2
    InMemoryDataset train = InMemoryDataset.ofTargets(
        new float[][] {{1, 2}, {3, 2}, {5, 2}, {7, 2}}, new float[] {10, 20, 30, 40});
    Standardization scaling = Standardization.of(train);

    assertThat(scaling.means()).containsExactly(4f, 2f);
    assertThat(scaling.stds()[0]).isCloseTo((float) Math.sqrt(5), within(1e-6f));
    assertThat(scaling.stds()[1]).isEqualTo(1f);
    float[] x = new float[8];
    float[] y = new float[4];
    scaling.apply(train).read(0, 4, x, 0, y, 0);
    float s = (float) Math.sqrt(5);
    assertThat(x).containsExactly(new float[] {-3 / s, 0, -1 / s, 0, 1 / s, 0, 3 / s, 0},
        within(1e-6f));
    assertThat(y).containsExactly(10, 20, 30, 40);
  }

  @Test
  void otherDataIsScaledWithTheTrainingFigures() {
    InMemoryDataset train = InMemoryDataset.ofTargets(new float[][] {{0}, {2}}, new float[2]);
    Standardization scaling = Standardization.of(train);
    InMemoryDataset validation = InMemoryDataset.ofTargets(new float[][] {{4}}, new float[1]);
    float[] x = new float[1];
    scaling.apply(validation).read(0, 1, x, 0, new float[1], 0);

    assertThat(x).containsExactly(3f); // (4 - 1) / 1, not validation's own mean
    assertThat(scaling.apply(new float[] {1, -1})).containsExactly(0f, -2f);
    Standardization again = Standardization.of(Shape.of(1), scaling.means(), scaling.stds());
    assertThat(again.apply(new float[] {5})).containsExactly(4f);
  }

  @Test
  void mismatchesAreRefused() {
    Standardization scaling = Standardization.of(
        InMemoryDataset.ofTargets(new float[][] {{0, 1}, {2, 3}}, new float[2]));
    assertThatThrownBy(() -> scaling.apply(new float[3]))
        .hasMessage("standardization: 3 values is not a whole number of examples of shape [2]"
            + " (2 values each)");
    assertThatThrownBy(() -> scaling.apply(
        InMemoryDataset.ofTargets(new float[][] {{0}}, new float[1])))
        .hasMessage("standardization: computed for examples of shape [2], got examples of"
            + " shape [1]");
    assertThatThrownBy(() -> Standardization.of(Shape.of(2), new float[] {0, 0},
        new float[] {1, 0}))
        .hasMessage("standardization: feature 1 has mean 0.0 and standard deviation 0.0;"
            + " the mean must be finite and the deviation finite and > 0");
  }
}
