package dev.primer.tf.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.base.Shape;
import org.junit.jupiter.api.Test;

class ProbeTest {

  @Test
  void standardNormalProbesHaveUnitMomentsAndOneHotLabels() {
    Probe probe = Probe.standardNormal(Shape.of(50), 200, 4, 9);
    Moments m = Moments.of(probe.examples());
    // 10,000 draws: the mean has sd 0.01, the second moment sd sqrt(2/10000) = 0.014; 4 sd
    assertThat(m.mean()).isBetween(-0.04, 0.04);
    assertThat(m.secondMoment()).isBetween(1 - 0.057, 1 + 0.057);
    float[] y = probe.targets();
    for (int i = 0; i < 200; i++) {
      float sum = 0;
      for (int k = 0; k < 4; k++) {
        assertThat(y[i * 4 + k]).isIn(0f, 1f);
        sum += y[i * 4 + k];
      }
      assertThat(sum).isEqualTo(1f);
    }
    assertThat(Probe.standardNormal(Shape.of(50), 200, 4, 9).examples())
        .isEqualTo(probe.examples());
    assertThat(probe.description())
        .isEqualTo("200 standard-normal examples of shape [50], random one-hot labels (seed 9)");
  }

  @Test
  void probesAreCopiedInAndOut() {
    float[] x = {1, 2, 3, 4};
    Probe probe = Probe.of("p", Shape.of(2), 2, x, 1, new float[] {0, 1});
    x[0] = 99;
    probe.examples()[1] = 99;
    assertThat(probe.examples()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void sizesThatDoNotFitAreRefused() {
    assertThatThrownBy(() -> Probe.of("p", Shape.of(3), 2, new float[5], 1, new float[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probe: 2 examples of shape [3] need 6 values, got 5");
    assertThatThrownBy(() -> Probe.of("p", Shape.of(3), 2, new float[6], 10, new float[10]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probe: 2 examples with 10 target values each need 20 values, got 10");
    assertThatThrownBy(() -> Probe.standardNormal(Shape.of(3), 0, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probe: count must be >= 1, got 0");
  }
}
