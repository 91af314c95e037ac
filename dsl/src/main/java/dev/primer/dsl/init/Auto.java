package dev.primer.dsl.init;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.activation.Gain;

/**
 * AUTO, the default wherever nothing is named: the scheme theory recommends for the block, from
 * its role and the activation that follows its layer.
 * <pre>
 *   kernel of a dense or conv layer followed by
 *     relu, gelu, swish, elu        he_normal       (scale 2, fan_in, truncated normal)
 *     leakyRelu(a)                  variance_scaling(2 / (1 + a^2), fan_in, truncated_normal)
 *     selu                          lecun_normal    (scale 1, fan_in, truncated normal)
 *     tanh, sigmoid, softmax,
 *     linear or nothing             glorot_uniform  (scale 1, fan_avg, uniform)
 *   kernel of a recurrent layer     glorot_uniform  (it feeds sigmoid and tanh gates)
 *   recurrent kernel                orthogonal(1), per gate
 *   bias                            zeros; an LSTM's forget gate ones (Jozefowicz et al. 2015)
 *   batch norm                      gamma ones, beta zeros, moving mean zeros, variance ones
 * </pre>
 * The activation looked at is the layer's own, or else the first one after it past layers that
 * do not mix units (batch norm, dropout, pooling, flatten, reshape), so
 * {@code dense(256).batchNorm().relu()} gets He.
 */
public record Auto() implements Rule {

  @Override
  public Init choose(Target target) {
    return switch (target.role()) {
      case KERNEL -> target.cell() != Cell.NONE
          ? Inits.GLOROT_UNIFORM
          : target.activation().map(Auto::forActivation).orElse(Inits.GLOROT_UNIFORM);
      case RECURRENT_KERNEL -> Inits.ORTHOGONAL;
      case BIAS -> target.cell() == Cell.LSTM && target.gate() == Cell.LSTM_FORGET_GATE
          ? Inits.ONES
          : Inits.ZEROS;
      case GAMMA, MOVING_VARIANCE -> Inits.ONES;
      case BETA, MOVING_MEAN -> Inits.ZEROS;
    };
  }

  /**
   * The kernel scheme for a dense or conv layer followed by {@code activation}: for relu-like
   * units He's variance scaling with the activation's {@link Gain#scale} (2 for relu, gelu,
   * swish and elu, which is {@code he_normal}; 2 / (1 + a^2) for leakyRelu(a)).
   */
  static Init forActivation(Activation activation) {
    return switch (activation.family()) {
      case RELU_LIKE -> new VarianceScaling(Gain.scale(activation),
          VarianceScaling.FanMode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL);
      case SELF_NORMALIZING -> Inits.LECUN_NORMAL;
      case SATURATING_OR_LINEAR -> Inits.GLOROT_UNIFORM;
    };
  }

  @Override
  public <R> R accept(Init.Visitor<R> visitor) {
    return visitor.auto(this);
  }
}
