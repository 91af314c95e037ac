package dev.primer.dsl.param;

import dev.primer.dsl.layer.Dense;
import dev.primer.dsl.layer.Dropout;
import dev.primer.dsl.layer.Flatten;
import dev.primer.dsl.layer.Layer;
import java.util.Optional;
import java.util.Set;

/**
 * muP, the maximal update parametrization (Yang, Hu, Babuschkin, Sidor, Liu, Farhi, Ryder,
 * Pachocki, Chen and Gao, "Tensor Programs V: Tuning Large Neural Networks via Zero-Shot
 * Hyperparameter Transfer", 2022), for chains of dense layers: with it the learning rate and
 * init scale that train a narrow net best also train a wide one best, and every layer's
 * activations move by about the same amount per step whatever the width.
 *
 * <p>Widths are measured against {@code baseWidth}: a dimension that is width (the units of every
 * dense layer but the last) of size n has width multiplier m = n / baseWidth. At n = baseWidth
 * every factor below is 1, so a net at its base width trains exactly as under the standard
 * parametrization, and hyperparameters tuned there carry over to the same net at any width.
 * Classes ({@link WidthClass}): INPUT (only fan_out is width: the first kernel and the hidden
 * biases), HIDDEN (both), OUTPUT (only fan_in), FIXED (neither). With m_in, m_out the multipliers
 * of a parameter's fan_in and fan_out (1 where the fan is not width), this is the paper's
 * Table 8 (its equivalent of Table 3 with an output multiplier, as the authors' {@code mup}
 * package implements it: {@code MuReadout}, {@code MuAdam}, {@code MuSGD}):
 * <pre>
 *                         INPUT weights     OUTPUT weights     HIDDEN weights    FIXED
 *                         and all biases
 *   init variance         Var_base          Var_base           Var_base / m_in   Var_base
 *   output multiplier     1                 1 / m_in           1                 1
 *   Adam learning rate    eta               eta                eta / m_in        eta
 *   SGD learning rate     eta m_out         eta m_in           eta m_out / m_in  eta
 * </pre>
 * Var_base is the variance (mean square) the parameter's own initializer gives it at the base
 * width (every width dimension set to baseWidth): for a fan_in initializer (He, LeCun, AUTO before
 * an elementwise activation) Var_base / m_in is its own variance at width, so input and hidden
 * kernels keep their init and the output kernel's is multiplied by m_in (its standard deviation
 * by sqrt(m_in)): the paper's "1/fan_in" for input and hidden weights and "1" for output weights
 * (Table 8), with the constant of the chosen initializer. The output multiplier scales the last
 * layer's {@code x W} by baseWidth / fan_in before its bias: logits = (baseWidth / n) x W + b.
 * Adam's rate for hidden kernels is scaled by baseWidth / fan_in; Adam-like optimizers (Adam,
 * RMSProp) normalise the gradient's size, so only that class changes.
 *
 * <p>Why the output kernel's Adam rate stays eta here while Table 3 writes 1/fan_in: a weight
 * W = a w with multiplier a, init std b and Adam rate c trains the same as one with (a theta,
 * b / theta, c / theta) for any theta &gt; 0 (Adam's step does not depend on the gradient's
 * scale), and (a theta, b / theta, c / theta^2) under SGD. Table 3's output row (a = 1,
 * Var = 1 / fan_in^2, Adam 1 / fan_in, SGD 1 / fan_in) is Table 8's (a = 1 / fan_in, Var = 1,
 * Adam 1, SGD fan_in) with theta = 1 / fan_in; scaling both the logits and the rate would
 * count the width twice.
 *
 * <p>Supported: chains of dense layers, with dropout and flatten between them, and any
 * activation; at least two dense layers make a width (with one, nothing is width and muP is the
 * standard parametrization). Refused, naming the layer: every other layer kind (convolution,
 * pooling, recurrent, batch norm, reshape and whatever is added later), whose width rules this
 * implementation does not cover; initializers that set their scale from data (LSUV) or read
 * their values from a file, which muP cannot rescale.
 *
 * @param baseWidth the width at which every factor is 1, &gt; 0
 */
public record Mup(int baseWidth) implements Parametrization {
  private static final Set<String> SUPPORTED =
      Set.of(Dense.SIGNATURE.name(), Dropout.SIGNATURE.name(), Flatten.SIGNATURE.name());

  /** Checks the base width. */
  public Mup {
    if (baseWidth <= 0) {
      throw new IllegalArgumentException("mup: the base width must be > 0, got " + baseWidth);
    }
  }

  @Override
  public String text() {
    return "mup(" + baseWidth + ")";
  }

  /**
   * Why {@code layer} cannot be in a net under muP, if it cannot: the rule, for an error that
   * names the layer.
   */
  public Optional<String> unsupported(Layer layer) {
    return SUPPORTED.contains(layer.kind()) ? Optional.empty()
        : Optional.of(text() + " covers chains of dense layers (with dropout and flatten);"
            + " it has no width rule for " + layer.kind() + " layers");
  }

  /** The width multiplier n / baseWidth of a dimension of size {@code n} that is width. */
  public double widthMultiplier(long n) {
    return (double) n / baseWidth;
  }

  /**
   * The factor on a parameter's variance relative to its init's variance at the base width
   * (table above): 1 / m_in for HIDDEN, 1 otherwise.
   */
  public static double varianceFactor(WidthClass c, double mIn) {
    return c == WidthClass.HIDDEN ? 1 / mIn : 1;
  }

  /** The Adam (and RMSProp) learning-rate factor: 1 / m_in for HIDDEN, 1 otherwise. */
  public static double adamRate(WidthClass c, double mIn) {
    return c == WidthClass.HIDDEN ? 1 / mIn : 1;
  }

  /**
   * The SGD (and momentum) learning-rate factor: m_out for INPUT, m_in for OUTPUT,
   * m_out / m_in for HIDDEN, 1 for FIXED.
   */
  public static double sgdRate(WidthClass c, double mIn, double mOut) {
    return switch (c) {
      case INPUT -> mOut;
      case OUTPUT -> mIn;
      case HIDDEN -> mOut / mIn;
      case FIXED -> 1;
    };
  }

  /** The multiplier on the output layer's {@code x W}: 1 / m_in. */
  public static double outputMultiplier(double mIn) {
    return 1 / mIn;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.mup(this);
  }
}
