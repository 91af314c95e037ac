package dev.primer.dsl.activation;

/**
 * The gain of each activation: the factor by which an initializer's standard deviation is
 * multiplied so that the signal's second moment is preserved through the layer. The one place
 * these numbers live.
 *
 * <table>
 *   <caption>Gains (as PyTorch's {@code calculate_gain})</caption>
 *   <tr><th>activation</th><th>gain</th><th>why</th></tr>
 *   <tr><td>linear, sigmoid, softmax</td><td>1</td><td>no change of scale assumed</td></tr>
 *   <tr><td>tanh</td><td>5/3</td><td>tanh shrinks unit-variance input; 5/3 restores it</td></tr>
 *   <tr><td>relu, gelu, swish, elu</td><td>sqrt(2)</td><td>half the input is zeroed, so
 *       E[relu(x)^2] = Var(x) / 2 (He et al. 2015)</td></tr>
 *   <tr><td>leakyRelu(a)</td><td>sqrt(2 / (1 + a^2))</td><td>the negative half keeps a^2 of its
 *       second moment</td></tr>
 *   <tr><td>selu</td><td>3/4</td><td>PyTorch's choice for SELU with orthogonal/uniform init;
 *       AUTO uses LeCun normal (gain 1) instead, as SELU's paper requires</td></tr>
 * </table>
 *
 * <p>{@link #scale} is the gain squared, the variance scale of He, Glorot and LeCun
 * initialization; where it is the exact quantity (relu-like units) the gain is derived from it.
 *
 * <p>gelu, swish and elu have no closed-form gain; they behave like relu for large |x|, so they
 * share relu's.
 */
public final class Gain {
  private Gain() {
    throw new AssertionError("no instances");
  }

  /** The gain of {@code activation}: the square root of {@link #scale} where that is exact. */
  public static double of(Activation activation) {
    return switch (activation.kind()) {
      case LINEAR, SIGMOID, SOFTMAX -> 1.0;
      case TANH -> 5.0 / 3.0;
      case SELU -> 3.0 / 4.0;
      case RELU, GELU, SWISH, ELU, LEAKY_RELU -> Math.sqrt(scale(activation));
    };
  }

  /**
   * The gain squared: the variance scale a variance-scaling initializer needs in front of the
   * activation, {@code 2} for relu (He), {@code 2 / (1 + a^2)} for leakyRelu(a), {@code 1} for
   * linear units (Glorot, LeCun). What {@code Auto} and the He, Glorot and LeCun presets use.
   */
  public static double scale(Activation activation) {
    return switch (activation.kind()) {
      case RELU, GELU, SWISH, ELU -> 2.0;
      case LEAKY_RELU -> 2.0 / (1.0 + activation.alpha() * activation.alpha());
      case LINEAR, SIGMOID, SOFTMAX, TANH, SELU -> of(activation) * of(activation);
    };
  }
}
