package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MnistSplitTest {
  private static LabeledImages blank(int rows, int cols) {
    return LabeledImages.of(rows, cols, new byte[rows * cols], new int[] {0});
  }

  @Test
  void holdsBothSetsAndTheirSource() {
    MnistSplit split = new MnistSplit(blank(28, 28), blank(28, 28), "here");

    assertThat(split.train().rows()).isEqualTo(28);
    assertThat(split.source()).isEqualTo("here");
  }

  @Test
  void requiresTheSameImageSize() {
    assertThatThrownBy(() -> new MnistSplit(blank(28, 28), blank(32, 32), "here"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("train images are 28x28 but test images are 32x32");
  }

  @Test
  void requiresASource() {
    assertThatThrownBy(() -> new MnistSplit(blank(28, 28), blank(28, 28), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source must not be blank");
  }

  private static LabeledImages images(int count) {
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 10;
    }
    return LabeledImages.of(2, 2, new byte[count * 4], labels);
  }

  @Test
  void keepsTheFirstExamplesAskedFor() {
    MnistSplit split = new MnistSplit(images(8000), images(20), "here");

    MnistSplit trimmed = split.withTrainSize(300).withTestSize(20);

    assertThat(trimmed.train().count()).isEqualTo(300);
    assertThat(trimmed.train().labels()).startsWith(0, 1, 2);
    assertThat(trimmed.test()).isEqualTo(split.test());
    assertThat(trimmed.source()).isEqualTo("here");
  }

  @Test
  void refusesMoreExamplesThanTheSetHoldsInsteadOfClamping() {
    // before: the CLI's --train-size 999999 silently used all 8,000
    MnistSplit split = new MnistSplit(images(8000), images(1), "here");

    assertThatThrownBy(() -> split.withTrainSize(999_999))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the training set has 8,000 examples; cannot keep the first 999,999");
    assertThatThrownBy(() -> split.withTestSize(2))
        .hasMessage("the test set has 1 example; cannot keep the first 2");
    assertThatThrownBy(() -> split.withTestSize(0))
        .hasMessage("the test set size must be >= 1, got 0");
  }
}
