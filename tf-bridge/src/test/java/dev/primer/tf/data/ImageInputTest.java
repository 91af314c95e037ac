package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import org.junit.jupiter.api.Test;

class ImageInputTest {

  @Test
  void aConvolutionOrPoolingTakesOneChannelImages() {
    assertThat(ImageInput.shapeFor(Net.parse("conv2d(8,3).relu().flatten().dense(10)"), 28, 28))
        .isEqualTo(Shape.of(28, 28, 1));
    assertThat(ImageInput.shapeFor(Net.parse("maxPool2d(2).flatten().dense(10)"), 28, 20))
        .isEqualTo(Shape.of(28, 20, 1));
  }

  @Test
  void aRecurrentLayerTakesRowsAsSteps() {
    assertThat(ImageInput.shapeFor(Net.parse("lstm(16).dense(10)"), 28, 20))
        .isEqualTo(Shape.of(28, 20));
  }

  @Test
  void anythingElseTakesTheFlattenedImage() {
    assertThat(ImageInput.shapeFor(Net.parse("dense(16).relu().dense(10)"), 28, 20))
        .isEqualTo(Shape.of(560));
  }

  @Test
  void aWrittenInputShapeIsKept() {
    var spec = Net.parse("input(784).dense(10)");
    assertThat(ImageInput.withImageInput(spec, 28, 28)).isSameAs(spec);
    assertThat(ImageInput.withImageInput(Net.parse("dense(10)"), 28, 28).input())
        .contains(Shape.of(784));
  }
}
