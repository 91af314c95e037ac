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

  @Test
  void writesAnArrayOfDimensionsAsItsNumbers() {
    assertThat(Numbers.argument(new int[] {28, 28, 1})).isEqualTo("28,28,1");
  }

  @Test
  void compactKeepsThreeSignificantDigitsAtAnyScale() {
    assertThat(Numbers.compact(1.41421)).isEqualTo("1.41");
    assertThat(Numbers.compact(0.0312)).isEqualTo("0.0312");
    assertThat(Numbers.compact(256)).isEqualTo("256");
    assertThat(Numbers.compact(0.5)).isEqualTo("0.5");
    assertThat(Numbers.compact(1234.5)).isEqualTo("1.23e+03");
    assertThat(Numbers.compact(3.1234e-5)).isEqualTo("3.12e-05");
    assertThat(Numbers.compact(-6.39e7)).isEqualTo("-6.39e+07");
    assertThat(Numbers.compact(0)).isEqualTo("0");
    assertThat(Numbers.compact(Double.NaN)).isEqualTo("nan");
    assertThat(Numbers.compact(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(Numbers.compact(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void threeDigitsDropsTrailingZerosBeforeAnExponentToo() {
    assertThat(Numbers.threeDigits(0.1)).isEqualTo("0.1");
    assertThat(Numbers.threeDigits(100)).isEqualTo("100");
    assertThat(Numbers.threeDigits(1000)).isEqualTo("1e+03");
    assertThat(Numbers.threeDigits(0.0714285)).isEqualTo("0.0714");
    assertThat(Numbers.threeDigitsIn("normal(0,0.0714285714)")).isEqualTo("normal(0,0.0714)");
    assertThat(Numbers.threeDigitsIn("normal(0,0.01)")).isEqualTo("normal(0,0.01)");
  }

  @Test
  void percentagesAndFixedDecimals() {
    assertThat(Numbers.percent(0.207)).isEqualTo("20.7%");
    assertThat(Numbers.percent(Double.NaN)).isEqualTo("nan");
    assertThat(Numbers.percent(0.97254, 2)).isEqualTo("97.25%");
    assertThat(Numbers.percent(Double.NaN, 2)).isEqualTo("-");
    assertThat(Numbers.fixed(0.30714, 4)).isEqualTo("0.3071");
    assertThat(Numbers.fixed(12.25, 1)).isEqualTo("12.3");
    assertThat(Numbers.fixed(Double.POSITIVE_INFINITY, 1)).isEqualTo("-");
  }

  @Test
  void groupsThousands() {
    assertThat(Numbers.grouped(23_808)).isEqualTo("23,808");
    assertThat(Numbers.grouped(330)).isEqualTo("330");
  }
}
