package dev.primer.dsl.init;

/**
 * Independent draws from the uniform distribution on [lo, hi): mean (lo + hi) / 2, variance
 * (hi - lo)^2 / 12. A symmetric U(-a, a) has variance a^2 / 3.
 */
public record Uniform(double lo, double hi) implements Sampler {

  /** Checks the bounds: both finite, {@code lo < hi}. */
  public Uniform {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
      throw new IllegalArgumentException(
          "uniform: needs finite lo < hi, got lo=" + lo + ", hi=" + hi);
    }
  }

  /** U(-limit, limit). */
  public static Uniform symmetric(double limit) {
    return new Uniform(-limit, limit);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.uniform(this);
  }
}
