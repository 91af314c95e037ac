package dev.primer.dsl.init;

/**
 * Independent draws from the normal distribution N(mean, std^2), not truncated:
 * density exp(-(x - mean)^2 / (2 std^2)) / (std sqrt(2 pi)).
 *
 * <p>Too small a std (0.01 in a deep net) makes the signal vanish layer by layer; too large
 * (1.0 with hundreds of inputs) makes it explode or saturate.
 */
public record Normal(double mean, double std) implements Sampler {

  /** Checks the arguments: {@code mean} finite, {@code std} &gt;= 0 and finite. */
  public Normal {
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("normal: mean must be finite, got " + mean);
    }
    if (!(std >= 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("normal: std must be >= 0 and finite, got " + std);
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.normal(this);
  }
}
