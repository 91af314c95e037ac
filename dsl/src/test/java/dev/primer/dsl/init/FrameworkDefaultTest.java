package dev.primer.dsl.init;

import static dev.primer.dsl.init.InitAssertions.assertUniform;
import static dev.primer.dsl.init.InitAssertions.kernel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.activation.Activation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** keras_default and pytorch_default on targets built by hand. */
class FrameworkDefaultTest {

  @Test
  void pytorchDenseAndConvKernelsAreUniformOverOneOverSqrtFanIn() {
    assertUniform((Sampler) Inits.PYTORCH_DEFAULT.choose(kernel(Activation.relu(), 784, 256)),
        1 / Math.sqrt(784));
    assertUniform((Sampler) Inits.PYTORCH_DEFAULT.choose(kernel(5, 5, 32, 64)), 1 / Math.sqrt(800));
    assertUniform((Sampler) Inits.PYTORCH_DEFAULT.choose(kernel(3, 3, 3, 16)), 1 / Math.sqrt(27));
  }

  @Test
  void pytorchKernelIsKaimingUniformWithASqrtFive() {
    // gain sqrt(2 / (1 + 5)) times He uniform's sqrt(3 / fan_in) is 1 / sqrt(fan_in)
    double fanIn = 784;
    double kaiming = Math.sqrt(2.0 / (1 + 5)) * Math.sqrt(3 / fanIn);
    assertUniform((Sampler) Inits.PYTORCH_DEFAULT.choose(kernel(784, 256)), kaiming);
  }

  @Test
  void pytorchBiasUsesItsKernelsFanIn() {
    Target bias = new Target(Role.BIAS, new int[] {16}, new Fans(27, 144), Optional.empty(),
        Cell.NONE, 0, 16);
    assertUniform((Sampler) Inits.PYTORCH_DEFAULT.choose(bias), 1 / Math.sqrt(27));
  }

  @Test
  void pytorchRecurrentKernelsAreUniformOverOneOverSqrtUnitsAndTheBiasTwoSuchAdded() {
    for (Role role : new Role[] {Role.KERNEL, Role.RECURRENT_KERNEL, Role.BIAS}) {
      for (Cell cell : new Cell[] {Cell.SIMPLE_RNN, Cell.LSTM, Cell.GRU}) {
        Target t = new Target(role, role == Role.BIAS ? new int[] {64} : new int[] {28, 64},
            new Fans(28, 64), Optional.empty(), cell, 0, 64);
        Sampler s = (Sampler) Inits.PYTORCH_DEFAULT.choose(t);
        if (role == Role.BIAS) {
          // b_ih + b_hh, each U(±1/sqrt(units)): variance 2 / (3 units), twice one uniform's
          assertThat(s).isEqualTo(new UniformSum(2, 1 / Math.sqrt(64)));
          assertThat(((UniformSum) s).variance()).isCloseTo(2.0 / (3 * 64), within(1e-15));
        } else {
          assertUniform(s, 1 / Math.sqrt(64));
        }
      }
    }
  }

  @Test
  void pytorchBatchNormIsOnesAndZeros() {
    assertThat(Inits.PYTORCH_DEFAULT.choose(vector(Role.GAMMA))).isEqualTo(Inits.ONES);
    assertThat(Inits.PYTORCH_DEFAULT.choose(vector(Role.BETA))).isEqualTo(Inits.ZEROS);
  }

  @Test
  void kerasKernelIsGlorotUniformWhateverFollows() {
    assertThat(Inits.KERAS_DEFAULT.choose(kernel(Activation.relu(), 784, 256)))
        .isEqualTo(Inits.GLOROT_UNIFORM);
    assertThat(Inits.KERAS_DEFAULT.choose(kernel(Activation.selu(), 5, 5, 32, 64)))
        .isEqualTo(Inits.GLOROT_UNIFORM);
  }

  @Test
  void kerasRecurrentKernelIsOrthogonalAndLstmForgetBiasOnes() {
    Target recurrent = new Target(Role.RECURRENT_KERNEL, new int[] {64, 64}, new Fans(64, 64),
        Optional.empty(), Cell.LSTM, 0, 64);
    assertThat(Inits.KERAS_DEFAULT.choose(recurrent)).isEqualTo(Inits.ORTHOGONAL);
    for (int gate = 0; gate < 4; gate++) {
      Target bias = new Target(Role.BIAS, new int[] {64}, new Fans(28, 64), Optional.empty(),
          Cell.LSTM, gate, 64);
      assertThat(Inits.KERAS_DEFAULT.choose(bias))
          .isEqualTo(gate == Cell.LSTM_FORGET_GATE ? Inits.ONES : Inits.ZEROS);
    }
    assertThat(Inits.KERAS_DEFAULT.choose(vector(Role.MOVING_VARIANCE))).isEqualTo(Inits.ONES);
  }

  @Test
  void frameworksHaveTheirTextNames() {
    assertThat(FrameworkDefault.Framework.KERAS.text()).isEqualTo("keras_default");
    assertThat(FrameworkDefault.Framework.PYTORCH.text()).isEqualTo("pytorch_default");
  }

  private static Target vector(Role role) {
    return new Target(role, new int[] {8}, new Fans(8, 8), Optional.empty(), Cell.NONE, 0, 8);
  }
}
