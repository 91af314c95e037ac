package dev.primer.dsl.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.layer.Padding;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void writesWholeNumbersWithoutAFraction() {
    assertThat(Numbers.format(0)).isEqualTo("0");
    assertThat(Numbers.format(2)).isEqualTo("2");
    assertThat(Numbers.format(-5)).isEqualTo("-5");
    assertThat(Numbers.format(999_999_999_999_999.0)).isEqualTo("999999999999999");
  }

  @Test
  void writesOtherNumbersAsDoubleToString() {
    assertThat(Numbers.format(0.1)).isEqualTo("0.1");
    assertThat(Numbers.format(-0.05)).isEqualTo("-0.05");
    assertThat(Numbers.format(1e-5)).isEqualTo("1.0E-5");
    assertThat(Numbers.format(1e15)).isEqualTo("1.0E15");
    assertThat(Numbers.format(Double.MIN_VALUE)).isEqualTo("4.9E-324");
  }

  @Test
  void keepsTheSignOfNegativeZero() {
    assertThat(Numbers.format(-0.0)).isEqualTo("-0.0");
    assertThat(Double.parseDouble(Numbers.format(-0.0))).isEqualTo(-0.0);
  }

  @Test
  void everyFormattedDoubleParsesBackToItself() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      double v = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(v)) {
        assertThat(Double.parseDouble(Numbers.format(v))).isEqualTo(v);
      }
    }
  }

  @Test
  void writesLayerArguments() {
    assertThat(Numbers.argument(32)).isEqualTo("32");
    assertThat(Numbers.argument(0.5)).isEqualTo("0.5");
    assertThat(Numbers.argument(1.0)).isEqualTo("1");
    assertThat(Numbers.argument(Shape.of(7, 7, 64))).isEqualTo("7,7,64");
    assertThat(Numbers.argument(Padding.SAME)).isEqualTo("same");
  }
}
