package dev.primer.dsl.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GainTest {

  private static final double EXACT = 1e-15;

  @Test
  void linearSigmoidAndSoftmaxKeepTheScale() {
    assertThat(Gain.of(Activation.linear())).isEqualTo(1.0);
    assertThat(Gain.of(Activation.sigmoid())).isEqualTo(1.0);
    assertThat(Gain.of(Activation.softmax())).isEqualTo(1.0);
  }

  @Test
  void tanhIsFiveThirds() {
    assertThat(Gain.of(Activation.tanh())).isCloseTo(5.0 / 3.0, within(EXACT));
  }

  @Test
  void reluAndItsSmoothCousinsAreSqrtTwo() {
    for (Activation a : new Activation[] {
        Activation.relu(), Activation.gelu(), Activation.swish(), Activation.elu(),
        Activation.elu(0.5)}) {
      assertThat(Gain.of(a)).as(a.text()).isCloseTo(Math.sqrt(2), within(EXACT));
    }
  }

  @Test
  void leakyReluKeepsASquaredOfTheNegativeHalf() {
    for (double a : new double[] {0, 0.01, 0.1, 0.2, 0.5, 0.99}) {
      assertThat(Gain.of(Activation.leakyRelu(a))).as("alpha %s", a)
          .isCloseTo(Math.sqrt(2 / (1 + a * a)), within(EXACT));
    }
    assertThat(Gain.of(Activation.leakyRelu(0))).isCloseTo(Gain.of(Activation.relu()),
        within(EXACT));
    assertThat(Gain.of(Activation.leakyRelu(0.2))).isCloseTo(1.3867504905630728, within(EXACT));
  }

  @Test
  void seluIsThreeQuarters() {
    assertThat(Gain.of(Activation.selu())).isEqualTo(0.75);
  }

  @Test
  void everyKindHasAPositiveGain() {
    for (Activation.Kind kind : Activation.Kind.values()) {
      double alpha =
          kind == Activation.Kind.LEAKY_RELU ? 0.01 : kind == Activation.Kind.ELU ? 1 : 0;
      assertThat(Gain.of(new Activation(kind, alpha))).as(kind.method()).isPositive();
    }
  }

  @Test
  void scaleIsTheGainSquaredAndExactWhereHeDefinesIt() {
    for (Activation a : new Activation[] {
        Activation.relu(), Activation.leakyRelu(0.2), Activation.elu(), Activation.tanh(),
        Activation.selu(), Activation.linear()}) {
      assertThat(Gain.scale(a)).as(a.text()).isCloseTo(Gain.of(a) * Gain.of(a), within(1e-12));
    }
    assertThat(Gain.scale(Activation.relu())).isEqualTo(2.0);
    assertThat(Gain.scale(Activation.linear())).isEqualTo(1.0);
    assertThat(Gain.scale(Activation.leakyRelu(0.2))).isEqualTo(2 / (1 + 0.2 * 0.2));
  }
}
