package dev.primer.dsl.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShapeTest {

  @Test
  void readsItsDimensions() {
    Shape image = Shape.of(28, 28, 1);
    assertThat(image.rank()).isEqualTo(3);
    assertThat(image.dim(0)).isEqualTo(28);
    assertThat(image.dim(2)).isEqualTo(1);
    assertThat(image.last()).isEqualTo(1);
    assertThat(image.size()).isEqualTo(784);
    assertThat(image.toArray()).containsExactly(28, 28, 1);
  }

  @Test
  void sizeIsComputedInLongArithmetic() {
    assertThat(Shape.of(65_536, 65_536, 3).size()).isEqualTo(3L * 65_536 * 65_536);
  }

  @Test
  void writesItselfForPeopleAndForTheTextForm() {
    assertThat(Shape.of(28, 28, 1)).hasToString("[28, 28, 1]");
    assertThat(Shape.of(784).toArguments()).isEqualTo("784");
    assertThat(Shape.of(28, 28, 1).toArguments()).isEqualTo("28,28,1");
  }

  @Test
  void isAValue() {
    assertThat(Shape.of(2, 3)).isEqualTo(Shape.of(2, 3)).hasSameHashCodeAs(Shape.of(2, 3));
    assertThat(Shape.of(2, 3)).isNotEqualTo(Shape.of(3, 2)).isNotEqualTo(Shape.of(2, 3, 1));
  }

  @Test
  void cannotBeChangedThroughArrays() {
    int[] dims = {4, 5};
    Shape shape = Shape.of(dims);
    dims[0] = 99;
    shape.toArray()[1] = 99;
    assertThat(shape.toArray()).containsExactly(4, 5);
  }
}
