package dev.primer.dsl.init;

import dev.primer.dsl.base.Checks;
import java.util.Optional;

/**
 * The delta-orthogonal conv kernel (Xiao et al. 2018): all taps zero except the centre one,
 * which is a random orthogonal [in, out] matrix (see {@link Orthogonal}) times {@code gain}:
 * <pre>
 *   W[kh/2][kw/2][:][:] = gain * Q,   W[i][j][:][:] = 0 elsewhere
 * </pre>
 * The convolution then starts as an orthogonal map of the channels at each pixel, which is what
 * lets plain CNNs of thousands of layers train. With out &gt;= in it preserves norms exactly.
 * Conv kernels [kh, kw, in, out] only.
 */
public record DeltaOrthogonal(double gain) implements Sampler {

  /** Checks that {@code gain} is &gt; 0. */
  public DeltaOrthogonal {
    Checks.positive("delta_orthogonal", "gain", gain);
  }

  @Override
  public Optional<String> misfit(Role role, int rank) {
    return RankRule.check(rank == 4, "delta_orthogonal needs a conv kernel [kh, kw, in, out]", role,
        rank);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.deltaOrthogonal(this);
  }
}
