package dev.primer.tf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Spread}: the middle value of an odd count, the mean of the middle two of an even one. */
class SpreadTest {

  @Test
  void medianMinAndMaxOfUnsortedValues() {
    double[] values = {3, 1, 2};
    assertThat(Spread.of(values)).isEqualTo(new Spread(2, 1, 3));
    assertThat(values).containsExactly(3, 1, 2); // not sorted in place
    assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Spread(2.5, 1, 4));
    assertThat(Spread.of(7)).isEqualTo(new Spread(7, 7, 7));
  }

  @Test
  void noValuesAreRefused() {
    assertThatThrownBy(() -> Spread.of(new double[0])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a spread needs at least one value");
  }
}
