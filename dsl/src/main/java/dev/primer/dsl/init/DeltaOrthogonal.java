package dev.primer.dsl.init;

import dev.primer.dsl.base.Checks;
import java.util.Optional;

/**
 * The delta-orthogonal conv kernel (Xiao et al. 2018): all taps zero except the centre one,
 * which is a random orthogonal [in, out] matrix (see {@link Orthogonal}) times {@code gain}:
 * <pre>
 *   W[c(kh)][c(kw)][:][:] = gain * Q,   W[i][j][:][:] = 0 elsewhere,   c(k) = (k - 1) / 2
 * </pre>
 * The centre is (k - 1) / 2, rounded down, as JAX's {@code delta_orthogonal}: with same
 * padding TensorFlow pads (k - 1) / 2 before and the rest after, so that is the tap that reads
 * the output pixel's own input pixel, for even kernels too (a 4x4 kernel's tap is (1, 1); at
 * (2, 2) the layer would start as a one-pixel shift). The convolution then starts as an
 * orthogonal map of the channels at each pixel, which is what lets plain CNNs of thousands of
 * layers train. Conv kernels [kh, kw, in, out] with out &gt;= in only: Q then has orthonormal
 * rows, so |x Q| = |x| for every pixel; with in &gt; out it would drop part of every input
 * (JAX refuses it too), see {@link #misfitChannels}.
 */
public record DeltaOrthogonal(double gain) implements Sampler {

  /** Checks that {@code gain} is &gt; 0. */
  public DeltaOrthogonal {
    Checks.positive("delta_orthogonal", "gain", gain);
  }

  /** The index of the centre tap along a kernel axis of length {@code k}: (k - 1) / 2. */
  public static int centre(int k) {
    return (k - 1) / 2;
  }

  @Override
  public Optional<String> misfit(Role role, int rank) {
    return RankRule.check(rank == 4, "delta_orthogonal needs a conv kernel [kh, kw, in, out]", role,
        rank);
  }

  /**
   * Why a conv kernel of {@code shape} [kh, kw, in, out] cannot be delta-orthogonal, or empty if
   * it can: more input than output channels, where no orthogonal centre tap preserves norms.
   */
  public static Optional<String> misfitChannels(int[] shape) {
    int in = shape[2];
    int out = shape[3];
    return in > out
        ? Optional.of("delta_orthogonal needs at least as many output as input channels to"
            + " preserve norms, got " + in + " input and " + out + " output channels; use more"
            + " filters or another init (orthogonal, he_normal)")
        : Optional.empty();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.deltaOrthogonal(this);
  }
}
