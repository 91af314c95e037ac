package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabeledImagesTest {
  /** Two 2x3 images: grey levels 0, 51, 102, 153, 204, 255 and 255, 0, 1, 2, 3, 4. */
  private static final byte[] GREYS = {0, 51, 102, (byte) 153, (byte) 204, (byte) 255, (byte) 255, 0, 1, 2, 3, 4};

  private static LabeledImages two() {
    return LabeledImages.of(2, 3, GREYS, new int[] {7, 2});
  }

  @Test
  void scalesGreyLevelsByOneOver255() {
    LabeledImages images = two();

    assertThat(images.count()).isEqualTo(2);
    assertThat(images.pixelsPerImage()).isEqualTo(6);
    assertThat(images.grey(0, 1, 2)).isEqualTo(255);
    assertThat(images.pixel(0, 0, 0)).isEqualTo(0f);
    assertThat(images.pixel(0, 1, 2)).isEqualTo(1f);
    assertThat(images.pixel(0, 0, 1)).isEqualTo(0.2f);
    assertThat(images.pixel(1, 1, 1)).isEqualTo(3 / 255f);
    assertThat(images.pixels()).containsExactly(0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f, 1f, 0f, 1 / 255f, 2 / 255f,
        3 / 255f, 4 / 255f);
    assertThat(images.image(1)).containsExactly(1f, 0f, 1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f);
    assertThat(images.labels()).containsExactly(7, 2);
    assertThat(images.label(1)).isEqualTo(2);
  }

  @Test
  void copiesInOnCreationAndOutOnEveryAccess() {
    byte[] greys = GREYS.clone();
    int[] labels = {7, 2};
    LabeledImages images = LabeledImages.of(2, 3, greys, labels);

    greys[1] = 9;
    labels[0] = 0;
    images.greys()[1] = 9;
    images.labels()[0] = 0;
    images.pixels()[1] = 9f;

    assertThat(images).isEqualTo(two());
    assertThat(images.grey(0, 0, 1)).isEqualTo(51);
    assertThat(images.label(0)).isEqualTo(7);
  }

  @Test
  void copiesBatchesIntoAnOffsetDestination() {
    float[] batch = new float[8];

    two().copyPixels(1, 1, batch, 2);

    assertThat(batch).containsExactly(0f, 0f, 1f, 0f, 1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f);
    assertThatThrownBy(() -> two().copyPixels(1, 2, new float[12], 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> two().copyPixels(0, 2, new float[11], 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> two().pixel(0, 2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void subsetKeepsImagesWithTheirLabels() {
    LabeledImages second = two().subset(1, 2);

    assertThat(second.count()).isEqualTo(1);
    assertThat(second.label(0)).isEqualTo(2);
    assertThat(second.image(0)).isEqualTo(two().image(1));
    assertThat(two().subset(0, 0).count()).isZero();
  }

  @Test
  void equalityIsByContent() {
    assertThat(two()).isEqualTo(two()).hasSameHashCodeAs(two());
    assertThat(two()).isNotEqualTo(LabeledImages.of(2, 3, GREYS, new int[] {7, 3}));
    assertThat(two()).isNotEqualTo(LabeledImages.of(3, 2, GREYS, new int[] {7, 2}));
    assertThat(two()).hasToString("LabeledImages[count=2, rows=2, cols=3]");
  }

  @Test
  void rejectsInconsistentSizes() {
    assertThatThrownBy(() -> LabeledImages.of(0, 3, new byte[0], new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows and cols must be at least 1, got 0x3");
    assertThatThrownBy(() -> LabeledImages.of(2, 3, GREYS, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("greys.length must be labels.length * rows * cols = 6, got 12");
    assertThatThrownBy(() -> LabeledImages.of(2, 3, GREYS, new int[] {1, -4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels must be >= 0, got -4 at index 1");
  }
}
