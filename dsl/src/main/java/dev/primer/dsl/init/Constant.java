package dev.primer.dsl.init;

/**
 * Every entry equals {@code value}: {@code zeros} is 0, {@code ones} is 1.
 *
 * <p>Zeros for every weight of a layer never breaks symmetry: all units of the layer compute the
 * same function and receive the same gradient, so they stay identical throughout training.
 * Fine for biases, wrong for kernels.
 */
public record Constant(double value) implements Sampler {

  /** Checks that {@code value} is finite. */
  public Constant {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("constant: value must be finite, got " + value);
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.constant(this);
  }
}
