package dev.primer.tf.internal.stacked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link EvenParts}: consecutive parts, sizes within one, the larger last, every item once. */
class EvenPartsTest {

  @Test
  void partsAreConsecutiveAndWithinOneInSize() {
    List<Integer> items = IntStream.range(0, 11).boxed().toList();
    List<List<Integer>> parts = EvenParts.of(items, 3);
    assertThat(parts).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5, 6),
        List.of(7, 8, 9, 10));
    assertThat(EvenParts.of(items, 1)).containsExactly(items);
    assertThat(EvenParts.of(items, 11)).allSatisfy(p -> assertThat(p).hasSize(1));
  }

  @Test
  void tooManyOrNoPartsAreRefused() {
    assertThatThrownBy(() -> EvenParts.of(List.of(1, 2), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("even parts: 3 parts of 2 items; 1 to 2");
    assertThatThrownBy(() -> EvenParts.of(List.of(1, 2), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
