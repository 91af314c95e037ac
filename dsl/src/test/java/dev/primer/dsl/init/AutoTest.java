package dev.primer.dsl.init;

import static dev.primer.dsl.init.InitAssertions.kernel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.activation.Gain;
import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AUTO's choice for each role, cell and activation, on targets built by hand. */
class AutoTest {

  private final Auto auto = new Auto();

  /** The scale AUTO picked for a kernel before {@code a} in a chain of {@code a}. */
  private double scale(Activation a) {
    Init chosen = auto.choose(kernel(a, 784, 256));
    assertThat(chosen).isInstanceOf(VarianceScaling.class);
    VarianceScaling v = (VarianceScaling) chosen;
    assertThat(v.mode()).isEqualTo(FanMode.FAN_IN);
    assertThat(v.distribution()).isEqualTo(Distribution.TRUNCATED_NORMAL);
    return v.scale();
  }

  @Test
  void reluGetsHeNormalAndSeluLecunNormalExactly() {
    // E[relu(z)^2] = 1/2 and E[selu(z)^2] = 1 for z ~ N(0, 1): the presets, after rounding
    assertThat(auto.choose(kernel(Activation.relu(), 784, 256))).isEqualTo(Inits.HE_NORMAL);
    assertThat(auto.choose(kernel(Activation.leakyRelu(0), 10, 10))).isEqualTo(Inits.HE_NORMAL);
    assertThat(auto.choose(kernel(Activation.selu(), 784, 256))).isEqualTo(Inits.LECUN_NORMAL);
  }

  @Test
  void everyOtherActivationGetsOneOverItsOwnSecondMoment() {
    // 1 / E[phi(z)^2], z ~ N(0, 1), from a 800,001-point Riemann sum over [-40, 40] (numpy),
    // independent of the quadrature; AUTO rounds to 6 significant digits
    double[][] expected = {{1.550519}, {2.536175}, {3.408560}};
    Activation[] activations = {Activation.elu(), Activation.tanh(), Activation.sigmoid()};
    for (int i = 0; i < activations.length; i++) {
      assertThat(scale(activations[i])).as(activations[i].text())
          .isCloseTo(expected[i][0], within(2e-6 * expected[i][0]));
    }
    for (double alpha : new double[] {0.01, 0.2, 0.5}) {
      // leakyRelu(a): E = (1 + a^2) / 2, so He scaled by the gain squared 2 / (1 + a^2)
      double gain = Gain.of(Activation.leakyRelu(alpha));
      assertThat(scale(Activation.leakyRelu(alpha))).as("leakyRelu(%s)", alpha)
          .isCloseTo(2 / (1 + alpha * alpha), within(1e-5)).isCloseTo(gain * gain, within(1e-5));
    }
  }

  @Test
  void geluAndSwishGetARandomBiasThatMakesQEqualOneAttract() {
    // lambda = d ln E[phi^2] / d ln q at q = 1 and E = E[phi(z)^2], both from scipy's adaptive
    // quad (independent of the quadrature here): swish 1.172594, 0.3557755; gelu 1.144063,
    // 0.4252215. Bias variance 1 - 1 / lambda^2, kernel scale (1 / lambda^2) / E.
    double[][] expected = {{0.5222212, 2.0442244}, {0.4857863, 1.7967381}};
    Activation[] activations = {Activation.swish(), Activation.gelu()};
    for (int i = 0; i < activations.length; i++) {
      Activation a = activations[i];
      assertThat(scale(a)).as("%s kernel scale", a).isCloseTo(expected[i][1],
          within(3e-6 * expected[i][1]));
      Target bias = new Target(Role.BIAS, new int[] {256}, new Fans(784, 256), Optional.of(a),
          Cell.NONE, 0, 256, 0.5);
      double std = expected[i][0];
      assertThat(auto.choose(bias)).as("%s bias", a).isInstanceOfSatisfying(Normal.class, n -> {
        assertThat(n.mean()).isZero();
        assertThat(n.std()).isCloseTo(std, within(3e-6));
      });
      assertThat(Gain.expansion(a)).isGreaterThan(1.1);
    }
    // the others keep zeros: relu's lambda is exactly 1, tanh's and elu's below
    for (Activation a : new Activation[] {Activation.relu(), Activation.tanh(), Activation.elu(),
        Activation.selu(), Activation.sigmoid(), Activation.leakyRelu(0.2)}) {
      Target bias = new Target(Role.BIAS, new int[] {256}, new Fans(784, 256), Optional.of(a),
          Cell.NONE, 0, 256, 0.5);
      assertThat(auto.choose(bias)).as("%s bias", a).isEqualTo(Inits.ZEROS);
    }
    assertThat(Gain.expansion(Activation.relu())).isCloseTo(1, within(1e-6));
  }

  @Test
  void theFirstLayerScalesByItsInputsSecondMoment() {
    // standardised input (second moment 1): scale 1 whatever follows; after dropout(0.5) of a
    // relu layer, 1 / (0.5 / 0.5) = 1 as well; after a relu layer, 2
    for (double m : new double[] {1, 0.5, 0.25}) {
      Target t = new Target(Role.KERNEL, new int[] {784, 256}, new Fans(784, 256),
          java.util.Optional.of(Activation.tanh()), Cell.NONE, 0, 256, m);
      assertThat(auto.choose(t)).isEqualTo(new VarianceScaling(1 / m, FanMode.FAN_IN,
          Distribution.TRUNCATED_NORMAL));
    }
  }

  @Test
  void linearSoftmaxOrNoActivationGetsGlorotUniform() {
    for (Activation a : new Activation[] {Activation.softmax(), Activation.linear()}) {
      assertThat(auto.choose(kernel(a, 256, 10))).as(a.text()).isEqualTo(Inits.GLOROT_UNIFORM);
    }
    assertThat(auto.choose(kernel(256, 10))).isEqualTo(Inits.GLOROT_UNIFORM);
  }

  @Test
  void convKernelsFollowTheSameTable() {
    assertThat(auto.choose(kernel(Activation.relu(), 5, 5, 32, 64))).isEqualTo(Inits.HE_NORMAL);
    assertThat(auto.choose(kernel(Activation.selu(), 3, 3, 3, 16))).isEqualTo(Inits.LECUN_NORMAL);
    assertThat(auto.choose(kernel(Activation.tanh(), 3, 3, 3, 16)))
        .isEqualTo(auto.choose(kernel(Activation.tanh(), 784, 256)));
  }

  @Test
  void recurrentKernelsGetGlorotUniformWhateverFollows() {
    for (Cell cell : new Cell[] {Cell.SIMPLE_RNN, Cell.LSTM, Cell.GRU}) {
      Target t = new Target(Role.KERNEL, new int[] {28, 64}, new Fans(28, 64),
          Optional.of(Activation.relu()), cell, 0, 64);
      assertThat(auto.choose(t)).as(cell.name()).isEqualTo(Inits.GLOROT_UNIFORM);
    }
  }

  @Test
  void recurrentKernelsGetOrthogonal() {
    Target t = new Target(Role.RECURRENT_KERNEL, new int[] {64, 64}, new Fans(64, 64),
        Optional.empty(), Cell.LSTM, 2, 64);
    assertThat(auto.choose(t)).isEqualTo(Inits.ORTHOGONAL);
  }

  @Test
  void biasesAreZerosButAnLstmsForgetGateOnes() {
    for (int gate = 0; gate < 4; gate++) {
      Target t = new Target(Role.BIAS, new int[] {64}, new Fans(28, 64), Optional.empty(),
          Cell.LSTM, gate, 64);
      assertThat(auto.choose(t)).as("lstm gate %s", Cell.LSTM.gateName(gate))
          .isEqualTo(gate == Cell.LSTM_FORGET_GATE ? Inits.ONES : Inits.ZEROS);
    }
    for (int gate = 0; gate < 3; gate++) {
      Target t = new Target(Role.BIAS, new int[] {64}, new Fans(28, 64), Optional.empty(),
          Cell.GRU, gate, 64);
      assertThat(auto.choose(t)).as("gru gate %s", gate).isEqualTo(Inits.ZEROS);
    }
    Target dense = new Target(Role.BIAS, new int[] {10}, new Fans(256, 10), Optional.empty(),
        Cell.NONE, 0, 10);
    assertThat(auto.choose(dense)).isEqualTo(Inits.ZEROS);
    // gate index 1 of a non-LSTM layer is not a forget gate
    Target gru = new Target(Role.BIAS, new int[] {8}, new Fans(8, 8), Optional.empty(),
        Cell.GRU, Cell.LSTM_FORGET_GATE, 8);
    assertThat(auto.choose(gru)).isEqualTo(Inits.ZEROS);
  }

  @Test
  void batchNormStartsAsTheIdentity() {
    assertThat(auto.choose(vector(Role.GAMMA))).isEqualTo(Inits.ONES);
    assertThat(auto.choose(vector(Role.BETA))).isEqualTo(Inits.ZEROS);
    assertThat(auto.choose(vector(Role.MOVING_MEAN))).isEqualTo(Inits.ZEROS);
    assertThat(auto.choose(vector(Role.MOVING_VARIANCE))).isEqualTo(Inits.ONES);
  }

  @Test
  void lstmGatesAreLaidOutIfco() {
    assertThat(Cell.LSTM.gates()).isEqualTo(4);
    assertThat(Cell.LSTM.gateName(Cell.LSTM_FORGET_GATE)).isEqualTo("f");
    assertThat(Cell.GRU.gates()).isEqualTo(3);
    assertThat(Cell.SIMPLE_RNN.gates()).isEqualTo(1);
    assertThat(Cell.NONE.gates()).isEqualTo(1);
  }

  private static Target vector(Role role) {
    return new Target(role, new int[] {32}, new Fans(32, 32), Optional.empty(), Cell.NONE, 0, 32);
  }
}
