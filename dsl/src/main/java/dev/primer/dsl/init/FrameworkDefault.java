package dev.primer.dsl.init;

/**
 * What another framework does when nothing is named, to reproduce its results or compare with
 * them. Named as a layer's kernel init (or net-wide), it also decides the layer's bias and
 * recurrent kernel unless those are named themselves.
 * <pre>
 * KERAS   kernel            glorot_uniform (fans per gate for recurrent layers, see Fans)
 *         recurrent kernel  orthogonal(1)
 *         bias              zeros; LSTM forget gate ones (unit_forget_bias=True)
 * PYTORCH dense/conv kernel uniform(-b, b), b = 1/sqrt(fan_in)  (kaiming_uniform_ with a=sqrt 5:
 *                           gain sqrt(2/(1+5)) * sqrt(3/fan_in) = 1/sqrt(fan_in))
 *         dense/conv bias   uniform(-b, b), b = 1/sqrt(fan_in of the kernel)
 *         recurrent layers  every kernel, recurrent kernel and bias uniform(-b, b),
 *                           b = 1/sqrt(units)
 *   both  batch norm        gamma ones, beta zeros
 * </pre>
 */
public record FrameworkDefault(Framework framework) implements Rule {

  /** The frameworks whose defaults Primer reproduces. */
  public enum Framework {
    /** Keras: Glorot uniform kernels, orthogonal recurrent kernels, zero biases (table above). */
    KERAS("keras_default"),
    /**
     * PyTorch: U(-b, b), b = 1/sqrt(fan_in) for dense and conv layers, 1/sqrt(units) for recurrent
     * ones.
     */
    PYTORCH("pytorch_default");

    private final String text;

    Framework(String text) {
      this.text = text;
    }

    /** The name in the text form. */
    public String text() {
      return text;
    }
  }

  /** Checks that a framework is given. */
  public FrameworkDefault {
    if (framework == null) {
      throw new IllegalArgumentException("framework must not be null");
    }
  }

  @Override
  public Init choose(Target target) {
    return switch (framework) {
      case KERAS -> switch (target.role()) {
        case KERNEL -> Inits.GLOROT_UNIFORM;
        default -> new Auto().choose(target);
      };
      case PYTORCH -> switch (target.role()) {
        case KERNEL, RECURRENT_KERNEL, BIAS -> target.cell() != Cell.NONE
            ? Uniform.symmetric(1 / Math.sqrt(target.units()))
            : Uniform.symmetric(1 / Math.sqrt(target.fans().in()));
        default -> new Auto().choose(target);
      };
    };
  }

  @Override
  public <R> R accept(Init.Visitor<R> visitor) {
    return visitor.frameworkDefault(this);
  }
}
