package dev.primer.tf.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitStatsTest {

  @Test
  void aUnitIsDeadWhenItNeverFires() {
    // 2 examples x 3 units: unit 0 fires once, unit 1 never (negative), unit 2 never (zero)
    float[] pre = {1, -1, 0, -2, -1, 0};
    assertThat(UnitStats.deadFraction(pre, 3)).isEqualTo(2.0 / 3);
  }

  @Test
  void saturationCountsValuesBeyondTheLevelAtEitherEnd() {
    assertThat(UnitStats.saturatedTanh(new float[] {0.96f, -0.97f, 0.5f, 0.95f}, 0.95))
        .isEqualTo(0.5);
    assertThat(UnitStats.saturatedSigmoid(new float[] {0.02f, 0.98f, 0.5f, 0.03f}, 0.95))
        .isEqualTo(0.5);
  }

  @Test
  void unitsWithEqualWeightsAndGradientsAreIdentical() {
    // kernel [2, 3] and bias [3]: units 0 and 2 have the same weights
    float[] kernel = {1, 2, 1, 3, 4, 3};
    float[] bias = {0, 0, 0};
    float[] kernelGrad = {0.5f, 0.1f, 0.5f, 0.2f, 0.3f, 0.2f};
    float[] biasGrad = {0.1f, 0.2f, 0.1f};
    List<UnitStats.UnitParameter> same = List.of(
        new UnitStats.UnitParameter(kernel, kernelGrad, 3),
        new UnitStats.UnitParameter(bias, biasGrad, 3));
    assertThat(UnitStats.identicalUnits(same, 3, 1e-4)).isEqualTo(1);

    // the same weights with gradients that differ: training will pull them apart
    float[] otherGrad = {0.5f, 0.1f, 0.4f, 0.2f, 0.3f, 0.2f};
    List<UnitStats.UnitParameter> apart = List.of(
        new UnitStats.UnitParameter(kernel, otherGrad, 3),
        new UnitStats.UnitParameter(bias, biasGrad, 3));
    assertThat(UnitStats.identicalUnits(apart, 3, 1e-4)).isEqualTo(0);
  }

  @Test
  void gatedParametersAreComparedGateByGate() {
    // 1 row, 2 gates x 2 units: unit j owns columns j and 2 + j
    float[] kernel = {5, 5, 1, 2};
    float[] grad = {0, 0, 0, 0};
    assertThat(UnitStats.identicalUnits(
        List.of(new UnitStats.UnitParameter(kernel, grad, 4)), 2, 1e-4)).isEqualTo(0);
    float[] twin = {5, 5, 1, 1};
    assertThat(UnitStats.identicalUnits(
        List.of(new UnitStats.UnitParameter(twin, grad, 4)), 2, 1e-4)).isEqualTo(1);
  }

  @Test
  void thresholdsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> new Thresholds(2, 100, 0.5, 0.2, 1, 1e-4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thresholds: vanishingGain must be in (0, 1), got 2.0");
  }
}
