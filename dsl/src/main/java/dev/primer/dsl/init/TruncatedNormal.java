package dev.primer.dsl.init;

import dev.primer.dsl.base.Checks;

/**
 * Draws from N(mean, std^2) conditioned on lying within two standard deviations of the mean:
 * values outside [mean - 2 std, mean + 2 std] are drawn again (TensorFlow's
 * {@code truncated_normal}).
 *
 * <p>Truncation shrinks the spread: the result has standard deviation
 * {@code std * }{@value #STD_OF_UNIT_TRUNCATED}, the standard deviation of N(0, 1) truncated to
 * (-2, 2). Variance-scaling presets divide by that constant so the result has the variance their
 * formula asks for.
 */
public record TruncatedNormal(double mean, double std) implements Sampler {

  /**
   * Standard deviation of a standard normal truncated to (-2, 2):
   * sqrt(1 - 4 phi(2) / (2 Phi(2) - 1)) = 0.87962566103423978, phi and Phi the standard normal
   * density and distribution function.
   */
  public static final double STD_OF_UNIT_TRUNCATED = 0.87962566103423978;

  /** Checks the arguments: {@code mean} finite, {@code std} &gt; 0 and finite. */
  public TruncatedNormal {
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("truncated_normal: mean must be finite, got " + mean);
    }
    Checks.positiveFinite("truncated_normal", "std", std);
  }

  /** The standard deviation of the values drawn: {@code std * 0.8796...}. */
  public double effectiveStd() {
    return std * STD_OF_UNIT_TRUNCATED;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.truncatedNormal(this);
  }
}
