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
}
