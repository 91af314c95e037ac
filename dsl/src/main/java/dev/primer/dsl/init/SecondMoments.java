package dev.primer.dsl.init;

/**
 * The mean square E[w^2] of the values a sampler puts in a block, over the block and the draw:
 * what AUTO's signal propagation needs to follow the signal through a layer whose init was named
 * (a unit summing fan_in inputs of second moment m through weights of mean square E[w^2] has
 * pre-activation second moment fan_in E[w^2] m, plus the bias's mean square).
 * <pre>
 *   constant(c)            c^2
 *   normal(mu, s)          mu^2 + s^2
 *   truncated_normal(mu,s) mu^2 + (0.8796 s)^2
 *   uniform(lo, hi)        (lo^2 + lo hi + hi^2) / 3
 *   uniform_sum(k, b)      k b^2 / 3
 *   orthogonal(g)          g^2 min(rows, cols) / (rows cols)   (rows, cols as Orthogonal flattens)
 *   identity(g)            g^2 min(rows, cols) / (rows cols)
 *   mimetic                min(rows, cols) sqrt(alpha2^2 + beta2^2) / (rows cols)  (approximate)
 *   delta_orthogonal(g)    g^2 min(in, out) / (kh kw in out)
 *   sparse(k, s)           s^2 k / (rows)                       (k nonzero of rows per unit)
 *   hadamard(g)            g^2                                  (every entry +-g)
 * </pre>
 */
public final class SecondMoments {
  private SecondMoments() {
    throw new AssertionError("no instances");
  }

  /**
   * E[w^2] of {@code sampler}'s values in a block of {@code shape}; NaN for {@code from(...)},
   * whose values are in a file (the signal pass then assumes the second moment is kept).
   */
  public static double of(Sampler sampler, int[] shape) {
    int cols = shape[shape.length - 1];
    long product = 1;
    for (int d : shape) {
      product *= d;
    }
    long size = product;
    long rows = size / Math.max(1, cols);
    return sampler.accept(new Sampler.Visitor<Double>() {
      @Override public Double constant(Constant c) {
        return c.value() * c.value();
      }

      @Override public Double normal(Normal n) {
        return n.mean() * n.mean() + n.std() * n.std();
      }

      @Override public Double truncatedNormal(TruncatedNormal t) {
        double std = t.std() * TruncatedNormal.STD_OF_UNIT_TRUNCATED;
        return t.mean() * t.mean() + std * std;
      }

      @Override public Double uniform(Uniform u) {
        return (u.lo() * u.lo() + u.lo() * u.hi() + u.hi() * u.hi()) / 3;
      }

      @Override public Double uniformSum(UniformSum u) {
        return u.variance();
      }

      @Override public Double orthogonal(Orthogonal o) {
        return o.gain() * o.gain() * Math.min(rows, cols) / ((double) rows * cols);
      }

      @Override public Double identity(Identity i) {
        return i.gain() * i.gain() * Math.min(rows, cols) / ((double) rows * cols);
      }

      @Override public Double deltaOrthogonal(DeltaOrthogonal d) {
        int in = shape[shape.length - 2];
        return d.gain() * d.gain() * Math.min(in, cols) / ((double) size);
      }

      @Override public Double sparse(Sparse s) {
        return s.std() * s.std() * s.count() / (double) rows;
      }

      @Override public Double mimetic(Mimetic m) {
        // ||W||_F^2 = the sum of the r = min(rows, cols) kept singular values of the target
        // M = alpha Z - beta I, each about sqrt(alpha^2 + beta^2) (E ||M||_F^2 = d (alpha^2 +
        // beta^2)); the value-output pair's, the one the signal passes through (query and key
        // only weigh positions)
        return Math.min(rows, cols) * Math.hypot(m.alphaVo(), m.betaVo())
            / ((double) rows * cols);
      }

      @Override public Double hadamard(Hadamard h) {
        return h.gain() * h.gain();
      }

      @Override public Double pretrained(Pretrained p) {
        return Double.NaN; // the values are in a file the spec language does not read
      }
    });
  }
}
