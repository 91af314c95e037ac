package dev.primer.dsl.init;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.activation.Gain;

/**
 * AUTO, the default wherever nothing is named: the scheme that keeps the signal's second moment
 * through the net, computed for the block from its role, the activation that follows its layer
 * and the second moment of the signal entering the layer.
 * <pre>
 *   kernel of a dense or conv layer
 *     followed by an elementwise      variance_scaling(1 / m, fan_in, truncated_normal)
 *     activation (relu, leakyRelu,    m: the second moment of the layer's input, from the
 *     elu, selu, gelu, swish, tanh,      signal propagation over the net (SignalPropagation):
 *     sigmoid)                           1 for the first layer (standardised input), and after
 *                                        a layer of activation phi, E[phi(z)^2], z ~ N(0, 1)
 *     by linear, softmax or nothing   glorot_uniform  (an output layer: nothing to keep)
 *   kernel of a recurrent layer       glorot_uniform per gate (it feeds sigmoid and tanh gates)
 *   recurrent kernel                  orthogonal(1), per gate
 *   bias                              zeros; an LSTM's forget gate ones (Jozefowicz et al. 2015)
 *   batch norm                        gamma ones, beta zeros, moving mean zeros, variance ones
 * </pre>
 * So each such layer's pre-activation has second moment 1: a pre-activation z = sum_i w_i x_i
 * over fan_in inputs has E[z^2] = fan_in Var(w) m, and Var(w) = (1 / m) / fan_in makes it 1.
 * In a chain of one activation phi that is the scale 1 / E[phi(z)^2] of {@link Gain#preserving}
 * from the second layer on: relu 2 (He), leakyRelu(a) 2 / (1 + a^2), selu 1 (LeCun), elu 1.551,
 * gelu 2.352, swish 2.811, tanh 2.536, sigmoid 3.409. The first layer gets 1 / m of the input.
 * The scale is rounded to 6 significant digits (the quadrature is good to about 1e-12, the
 * rounding only makes the exact cases print as their presets: relu's 2 as he_normal).
 *
 * <p>The activation looked at is the layer's own, or else the first one after it past layers that
 * do not mix units (batch norm, dropout, pooling, flatten, reshape), so
 * {@code dense(256).batchNorm().relu()} gets the fan_in rule too. In the spirit of AutoInit
 * (Bingham and Miikkulainen 2023), which propagates mean and variance analytically through each
 * layer kind to set every layer's scale.
 */
public record Auto() implements Rule {

  @Override
  public Init choose(Target target) {
    return switch (target.role()) {
      case KERNEL -> target.cell() != Cell.NONE
          ? Inits.GLOROT_UNIFORM
          : target.activation().filter(Auto::keepsSignal)
              .map(a -> forInput(target.inputMoment()))
              .orElse(Inits.GLOROT_UNIFORM);
      case RECURRENT_KERNEL -> Inits.ORTHOGONAL;
      case BIAS -> target.cell() == Cell.LSTM && target.gate() == Cell.LSTM_FORGET_GATE
          ? Inits.ONES
          : Inits.ZEROS;
      case GAMMA, MOVING_VARIANCE -> Inits.ONES;
      case BETA, MOVING_MEAN -> Inits.ZEROS;
    };
  }

  /** Whether AUTO keeps the second moment before this activation (elementwise, not linear). */
  private static boolean keepsSignal(Activation activation) {
    return switch (activation.kind()) {
      case RELU, LEAKY_RELU, ELU, SELU, GELU, SWISH, TANH, SIGMOID -> true;
      case LINEAR, SOFTMAX -> false;
    };
  }

  /**
   * The kernel scheme for a dense or conv layer whose input has second moment {@code m}:
   * truncated normal, fan_in, scale 1 / m rounded to 6 significant digits.
   */
  static Init forInput(double m) {
    double scale = new java.math.BigDecimal(1 / m)
        .round(new java.math.MathContext(6)).doubleValue();
    return new VarianceScaling(scale, VarianceScaling.FanMode.FAN_IN,
        VarianceScaling.Distribution.TRUNCATED_NORMAL);
  }

  @Override
  public <R> R accept(Init.Visitor<R> visitor) {
    return visitor.auto(this);
  }
}
