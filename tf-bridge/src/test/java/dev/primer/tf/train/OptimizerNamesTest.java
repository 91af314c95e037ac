package dev.primer.tf.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptimizerNamesTest {

  @Test
  void eachNameHasItsDefaultLearningRate() {
    assertThat(OptimizerNames.of("sgd")).isEqualTo(Optimizer.sgd(0.1));
    assertThat(OptimizerNames.of("momentum")).isEqualTo(Optimizer.momentum(0.01, 0.9));
    assertThat(OptimizerNames.of("nesterov")).isEqualTo(Optimizer.nesterov(0.01, 0.9));
    assertThat(OptimizerNames.of("adam")).isEqualTo(Optimizer.adam(0.001));
    assertThat(OptimizerNames.of("rmsprop")).isEqualTo(Optimizer.rmsProp(0.001));
    assertThat(OptimizerNames.NAMES).containsExactly("sgd", "momentum", "nesterov", "adam",
        "rmsprop");
  }

  @Test
  void namesAreCaseInsensitiveAndTakeAnyLearningRate() {
    assertThat(OptimizerNames.of("Adam", 0.5)).isEqualTo(Optimizer.adam(0.5));
    assertThat(OptimizerNames.knows("RMSProp")).isTrue();
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> OptimizerNames.of("adagrad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown optimizer 'adagrad'; allowed: sgd, momentum, nesterov, adam,"
            + " rmsprop");
  }
}
