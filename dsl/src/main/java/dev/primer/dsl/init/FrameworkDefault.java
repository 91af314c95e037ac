package dev.primer.dsl.init;

/**
 * What another framework does when nothing is named, to reproduce its results or compare with
 * them. Named as a layer's kernel init (or net-wide), it also decides the layer's bias and
 * recurrent kernel unless those are named themselves.
 * <pre>
 * KERAS   kernel            glorot_uniform; a recurrent kernel [in, gates * units] as ONE
 *                           matrix, fans (in, gates * units)
 *         recurrent kernel  orthogonal(1) over the whole [units, gates * units] matrix (its
 *                           rows orthonormal: W W^T = I, each gate's block is not orthogonal)
 *         bias              zeros; LSTM forget gate ones (unit_forget_bias=True)
 * PYTORCH dense/conv kernel uniform(-b, b), b = 1/sqrt(fan_in)  (kaiming_uniform_ with a=sqrt 5:
 *                           gain sqrt(2/(1+5)) * sqrt(3/fan_in) = 1/sqrt(fan_in))
 *         dense/conv bias   uniform(-b, b), b = 1/sqrt(fan_in of the kernel)
 *         recurrent layers  every kernel and recurrent kernel uniform(-b, b), b = 1/sqrt(units);
 *                           the bias the sum of two such draws (PyTorch adds b_ih and b_hh,
 *                           each U(-b, b)): triangular on [-2b, 2b], variance 2 b^2 / 3
 *   both  batch norm        gamma ones, beta zeros
 * </pre>
 * Keras builds an LSTM's kernel as one [in, 4 * units] weight and initializes it as such
 * ({@code LSTMCell.build}); its {@code Orthogonal} flattens to [rows, cols] and, for rows &lt;
 * cols, orthonormalises the rows. A preset named after a framework reproduces it exactly, so
 * {@link #splitsGates} says which parameters Primer must fill as one block. Primer's own rules
 * (AUTO, and glorot_uniform or orthogonal named directly) work per gate: see {@link Fans}.
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

  /**
   * Whether the parameter of {@code role} of a recurrent layer is filled gate by gate (one block
   * per gate, each with its own fans) rather than as one matrix: Keras fills its kernel and
   * recurrent kernel as one matrix each; everything else is per gate (PyTorch's bound
   * 1/sqrt(units) is the same either way).
   */
  public boolean splitsGates(Role role) {
    return switch (framework) {
      case KERAS -> role != Role.KERNEL && role != Role.RECURRENT_KERNEL;
      case PYTORCH -> true;
    };
  }

  /**
   * Biases (attention's four too) and recurrent kernels: the framework's choice for those follows
   * its kernel's.
   */
  @Override
  public boolean alsoDecides(Role role) {
    return role.choice() == Role.BIAS || role == Role.RECURRENT_KERNEL;
  }

  @Override
  public Init choose(Target target) {
    return switch (framework) {
      case KERAS -> switch (target.role()) {
        case KERNEL -> Inits.GLOROT_UNIFORM;
        default -> new Auto().choose(target);
      };
      case PYTORCH -> switch (target.role()) {
        case KERNEL, RECURRENT_KERNEL -> target.cell() != Cell.NONE
            ? Uniform.symmetric(1 / Math.sqrt(target.units()))
            : Uniform.symmetric(1 / Math.sqrt(target.fans().in()));
        case BIAS -> target.cell() != Cell.NONE
            ? new UniformSum(2, 1 / Math.sqrt(target.units()))
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
