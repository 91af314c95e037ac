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
 *   bias                              zeros; an LSTM's forget gate ones (Jozefowicz et al. 2015);
 *                                     before gelu or swish normal(0, sigma_b) (see biasVariance)
 *                                     and the kernel's scale times 1 - sigma_b^2
 *   batch norm                        gamma ones, beta zeros, moving mean zeros, variance ones
 *   residual branch scale             ones (x + 1 f(x), the plain sum); scaled(v) names v
 *   residual skip projection          as a kernel with no activation after it: glorot_uniform
 * </pre>
 * So each such layer's pre-activation has second moment 1: a pre-activation z = sum_i w_i x_i
 * over fan_in inputs has E[z^2] = fan_in Var(w) m, and Var(w) = (1 / m) / fan_in makes it 1.
 * In a chain of one activation phi that is the scale 1 / E[phi(z)^2] of {@link Gain#preserving}
 * from the second layer on: relu 2 (He), leakyRelu(a) 2 / (1 + a^2), selu 1 (LeCun), elu 1.551,
 * tanh 2.536, sigmoid 3.409; gelu 1.797 and swish 2.044 with their random bias (see
 * {@link #biasVariance}). The first layer gets 1 / m of the input.
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
              .map(a -> forInput(target.inputMoment(), biasVariance(a)))
              .orElse(Inits.GLOROT_UNIFORM);
      case RECURRENT_KERNEL -> Inits.ORTHOGONAL;
      case BIAS -> target.cell() == Cell.LSTM && target.gate() == Cell.LSTM_FORGET_GATE
          ? Inits.ONES
          : target.cell() == Cell.NONE
              ? target.activation().filter(Auto::keepsSignal).map(Auto::biasVariance)
                  .filter(v -> v > 0).<Init>map(v -> new Normal(0, sixDigits(Math.sqrt(v))))
                  .orElse(Inits.ZEROS)
              : Inits.ZEROS;
      case GAMMA, MOVING_VARIANCE, BRANCH_SCALE -> Inits.ONES;
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
   * The bias variance AUTO gives a dense or conv layer before {@code activation}: 0 unless the
   * activation's length map expands at q = 1 ({@link Gain#expansion} lambda &gt; 1: gelu,
   * swish), then 1 - 1 / lambda^2. With it the map's slope at q = 1 is lambda (1 - sigma_b^2) =
   * 1 / lambda, so q = 1 attracts as it does for elu; without it a 30-layer width-256 swish net
   * measured q = 195 at its last layer (gelu 5.4), the fluctuations of finite width amplified by
   * lambda per layer. (A constant bias cannot do this: the map's slope at its fixed point is
   * lambda (1 - sigma_b^2 / q), and only a random bias adds sigma_b^2.)
   */
  static double biasVariance(Activation activation) {
    double lambda = Gain.expansion(activation);
    return lambda > 1 + 1e-4 ? 1 - 1 / (lambda * lambda) : 0;
  }

  /**
   * The kernel scheme for a dense or conv layer whose input has second moment {@code m}, with a
   * bias of variance {@code biasVariance}: truncated normal, fan_in, scale
   * (1 - biasVariance) / m rounded to 6 significant digits, so the pre-activation's second
   * moment is (1 - biasVariance) + biasVariance = 1.
   */
  static Init forInput(double m, double biasVariance) {
    return new VarianceScaling(sixDigits((1 - biasVariance) / m),
        VarianceScaling.FanMode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL);
  }

  private static double sixDigits(double x) {
    return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).doubleValue();
  }

  @Override
  public <R> R accept(Init.Visitor<R> visitor) {
    return visitor.auto(this);
  }
}
