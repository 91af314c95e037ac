package dev.primer.dsl.init;

/**
 * The sum of {@code terms} independent draws from U(-bound, bound), per value: mean 0, variance
 * {@code terms * bound^2 / 3}, support [-terms * bound, terms * bound]; for two terms the
 * triangular distribution. What PyTorch's recurrent layers start with as their effective bias:
 * they hold two biases, b_ih and b_hh, each U(-1/sqrt(units), 1/sqrt(units)), and add them
 * (see {@link FrameworkDefault}); Primer's recurrent layers hold one bias, so it is drawn as the
 * sum.
 *
 * @param terms how many independent uniforms are added, &gt;= 1
 * @param bound each term's half-width, &gt; 0 and finite
 */
public record UniformSum(int terms, double bound) implements Sampler {

  /** Checks the arguments: at least one term, a finite bound &gt; 0. */
  public UniformSum {
    if (terms < 1) {
      throw new IllegalArgumentException("uniform_sum: terms must be >= 1, got " + terms);
    }
    if (!(bound > 0) || !Double.isFinite(bound)) {
      throw new IllegalArgumentException(
          "uniform_sum: bound must be finite and > 0, got " + bound);
    }
  }

  /** The variance of one value: terms * bound^2 / 3. */
  public double variance() {
    return terms * bound * bound / 3;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.uniformSum(this);
  }
}
