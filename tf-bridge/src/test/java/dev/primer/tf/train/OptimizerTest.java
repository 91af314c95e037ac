package dev.primer.tf.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The optimizer values: Keras's defaults, descriptions, and each rule's message. */
class OptimizerTest {

  @Test
  void factoriesUseKerasDefaults() {
    assertThat(Optimizer.adam(0.001)).isEqualTo(new Optimizer.Adam(0.001, 0.9, 0.999, 1e-7));
    assertThat(Optimizer.rmsProp(0.001)).isEqualTo(new Optimizer.RmsProp(0.001, 0.9, 0, 1e-7));
    assertThat(Optimizer.sgd(0.1)).isEqualTo(new Optimizer.Sgd(0.1, 0, false));
    assertThat(Optimizer.momentum(0.1, 0.9)).isEqualTo(new Optimizer.Sgd(0.1, 0.9, false));
    assertThat(Optimizer.nesterov(0.1, 0.9)).isEqualTo(new Optimizer.Sgd(0.1, 0.9, true));
  }

  @Test
  void describeNamesTheOptimizerAndItsSettings() {
    assertThat(Optimizer.sgd(0.1).describe()).isEqualTo("sgd(lr=0.1)");
    assertThat(Optimizer.momentum(0.1, 0.9).describe()).isEqualTo("sgd(lr=0.1, momentum=0.9)");
    assertThat(Optimizer.nesterov(0.1, 0.9).describe())
        .isEqualTo("sgd(lr=0.1, momentum=0.9, nesterov)");
    assertThat(Optimizer.adam(0.001).describe()).isEqualTo("adam(lr=0.001)");
    assertThat(Optimizer.rmsProp(0.01).describe()).isEqualTo("rmsprop(lr=0.01)");
  }

  @Test
  void badSettingsAreRejectedNamingTheRule() {
    assertThatThrownBy(() -> Optimizer.sgd(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sgd: learning rate must be > 0, got 0.0");
    assertThatThrownBy(() -> Optimizer.sgd(Double.NaN))
        .hasMessage("sgd: learning rate must be > 0, got NaN");
    assertThatThrownBy(() -> Optimizer.sgd(Double.POSITIVE_INFINITY))
        .hasMessage("sgd: learning rate must be finite, got Infinity");
    assertThatThrownBy(() -> Optimizer.momentum(0.1, 1))
        .hasMessage("sgd: momentum must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> new Optimizer.Sgd(0.1, 0, true))
        .hasMessage("sgd: nesterov needs a momentum > 0");
    assertThatThrownBy(() -> Optimizer.adam(-1)).hasMessage("adam: learning rate must be > 0, got -1.0");
    assertThatThrownBy(() -> new Optimizer.Adam(0.1, 1, 0.999, 1e-7))
        .hasMessage("adam: beta1 must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> new Optimizer.Adam(0.1, 0.9, 0, 1e-7))
        .hasMessage("adam: beta2 must be in (0, 1), got 0.0");
    assertThatThrownBy(() -> new Optimizer.Adam(0.1, 0.9, 0.999, 0))
        .hasMessage("adam: epsilon must be > 0, got 0.0");
    assertThatThrownBy(() -> new Optimizer.RmsProp(0.1, 1.5, 0, 1e-7))
        .hasMessage("rmsprop: rho must be in (0, 1), got 1.5");
    assertThatThrownBy(() -> new Optimizer.RmsProp(0.1, 0.9, -0.1, 1e-7))
        .hasMessage("rmsprop: momentum must be in [0, 1), got -0.1");
  }
}
