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
 * <p>gelu, swish and elu have no closed-form gain; {@link #of} and {@link #scale} give them
 * relu's, as PyTorch's table does, for the He presets and for code that asks for that table.
 * AUTO does not use this table: it computes each activation's own number from its formula with
 * {@link #secondMoment} (by {@link GaussianQuadrature}), the scale that keeps the pre-activation
 * second moment at 1:
 * <pre>
 *   scale(phi) = q / E[phi(z)^2],  z ~ N(0, q),  at q = 1
 *   relu 2   leakyRelu(0.2) 1.923   elu 1.551   selu 1.000   gelu 2.352   swish 2.811
 *   tanh 2.536   sigmoid 3.409
 * </pre>
 * The second moment, not the variance: a unit's pre-activation sum_i w_i x_i with zero-mean
 * weights drawn independently of x has second moment n Var(w) E[x^2] whatever the mean of x, so
 * the mean that elu, swish, gelu and sigmoid add (E[relu(z)] = 0.40, E[sigmoid(z)] = 1/2) carries
 * into the next layer exactly like variance does. Dividing by Var(phi(z)) instead would
 * overshoot by E[phi^2] / Var(phi) per layer (1.47 for relu, 30 layers: 10^5).
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

  /**
   * E[phi(z)^2] for z ~ N(0, q), phi = {@code activation}: the second moment the activation
   * passes on from a zero-mean Gaussian pre-activation of second moment q, by quadrature of its
   * own formula (split at 0 for the kinds with a kink there). 1/2 q for relu; for softmax, not
   * elementwise, 1 / units^2 is what a uniform output gives, and this returns q (the caller
   * decides).
   */
  public static double secondMoment(Activation activation, double q) {
    return moment(activation, q, 2);
  }

  /** E[phi(z)] for z ~ N(0, q): the mean the activation adds (0 for odd ones). */
  public static double mean(Activation activation, double q) {
    return moment(activation, q, 1);
  }

  private static double moment(Activation activation, double q, int power) {
    if (activation.kind() == Activation.Kind.SOFTMAX) {
      return power == 2 ? q : 0;
    }
    java.util.function.DoubleUnaryOperator positive = activation.branch(true);
    java.util.function.DoubleUnaryOperator negative = activation.branch(false);
    return activation.kinkAtZero()
        ? GaussianQuadrature.expectationSplitAtZero(x -> Math.pow(positive.applyAsDouble(x), power),
            x -> Math.pow(negative.applyAsDouble(x), power), q)
        : GaussianQuadrature.expectation(x -> Math.pow(positive.applyAsDouble(x), power), q);
  }

  /**
   * The variance scale that keeps the pre-activation second moment at its fixed point q = 1 in a
   * chain of layers of this activation: 1 / E[phi(z)^2], z ~ N(0, 1) (see the class comment).
   */
  public static double preserving(Activation activation) {
    return 1 / secondMoment(activation, 1);
  }

  /**
   * E[max(phi(z_1), ..., phi(z_k))^power] for k independent z_i ~ N(0, q): what max pooling over
   * k values passes on, for an activation that does not decrease (relu, leakyRelu, elu, selu,
   * tanh, sigmoid, linear; gelu and swish dip below 0 only a little, and are treated alike).
   * Then max phi(z_i) = phi(max z_i), and max z_i has density k Phi(z / sqrt q)^(k-1) times z's:
   * <pre>
   *   E[phi(max z)^p] = E[phi(z)^p k Phi(z / sqrt q)^(k - 1)],  Phi(x) = (1 + erf(x / sqrt 2)) / 2
   * </pre>
   */
  public static double momentOfMax(Activation activation, double q, int k, int power) {
    if (q == 0) {
      return Math.pow(activation.branch(true).applyAsDouble(0), power);
    }
    java.util.function.DoubleUnaryOperator order =
        z -> k * Math.pow((1 + Erf.erf(z / Math.sqrt(2 * q))) / 2, k - 1);
    Activation phi = activation.kind() == Activation.Kind.SOFTMAX ? Activation.linear() : activation;
    java.util.function.DoubleUnaryOperator positive = phi.branch(true);
    java.util.function.DoubleUnaryOperator negative = phi.branch(false);
    return GaussianQuadrature.expectationSplitAtZero(
        z -> Math.pow(positive.applyAsDouble(z), power) * order.applyAsDouble(z),
        z -> Math.pow(negative.applyAsDouble(z), power) * order.applyAsDouble(z), q);
  }

  /**
   * How the activation's length map expands at q = 1: lambda = d ln E[phi(z)^2] / d ln q,
   * z ~ N(0, q), by a central difference of {@link #secondMoment} in ln q (step 1e-3, error
   * ~1e-7). A chain of layers scaled to keep q = 1 maps a small relative deviation e of q to
   * lambda e in the next layer: 1 for relu and leakyRelu (positive-homogeneous: a random walk),
   * below 1 for tanh (0.46), sigmoid (0.11), elu (0.89), above 1 for gelu (1.14) and swish
   * (1.17), whose E[phi^2] / q grows with q: there q = 1 repels (Poole et al. 2016 and Schoenholz
   * et al. 2017 study the same map).
   */
  public static double expansion(Activation activation) {
    double h = 1e-3;
    return (Math.log(secondMoment(activation, Math.exp(h)))
        - Math.log(secondMoment(activation, Math.exp(-h)))) / (2 * h);
  }
}
