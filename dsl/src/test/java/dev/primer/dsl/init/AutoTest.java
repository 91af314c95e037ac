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

  @Test
  void reluLikeActivationsGetHeNormal() {
    for (Activation a : new Activation[] {
        Activation.relu(), Activation.gelu(), Activation.swish(), Activation.elu(),
        Activation.elu(3)}) {
      assertThat(auto.choose(kernel(a, 784, 256))).as(a.text()).isEqualTo(Inits.HE_NORMAL);
    }
  }

  @Test
  void leakyReluGetsHeScaledByItsGainSquared() {
    for (double alpha : new double[] {0, 0.01, 0.2, 0.5}) {
      Init chosen = auto.choose(kernel(Activation.leakyRelu(alpha), 784, 256));
      assertThat(chosen).isInstanceOfSatisfying(VarianceScaling.class, v -> {
        assertThat(v.scale()).isCloseTo(2 / (1 + alpha * alpha), within(1e-15));
        double gain = Gain.of(Activation.leakyRelu(alpha));
        assertThat(v.scale()).isCloseTo(gain * gain, within(1e-15));
        assertThat(v.mode()).isEqualTo(FanMode.FAN_IN);
        assertThat(v.distribution()).isEqualTo(Distribution.TRUNCATED_NORMAL);
      });
    }
    assertThat(auto.choose(kernel(Activation.leakyRelu(0), 10, 10))).isEqualTo(Inits.HE_NORMAL);
  }

  @Test
  void seluGetsLecunNormal() {
    assertThat(auto.choose(kernel(Activation.selu(), 784, 256))).isEqualTo(Inits.LECUN_NORMAL);
  }

  @Test
  void saturatingLinearOrNoActivationGetsGlorotUniform() {
    for (Activation a : new Activation[] {
        Activation.tanh(), Activation.sigmoid(), Activation.softmax(), Activation.linear()}) {
      assertThat(auto.choose(kernel(a, 256, 10))).as(a.text()).isEqualTo(Inits.GLOROT_UNIFORM);
    }
    assertThat(auto.choose(kernel(256, 10))).isEqualTo(Inits.GLOROT_UNIFORM);
  }

  @Test
  void convKernelsFollowTheSameTable() {
    assertThat(auto.choose(kernel(Activation.relu(), 5, 5, 32, 64))).isEqualTo(Inits.HE_NORMAL);
    assertThat(auto.choose(kernel(Activation.selu(), 3, 3, 3, 16))).isEqualTo(Inits.LECUN_NORMAL);
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
