package dev.primer.dsl.init;

/**
 * SkipInit (De and Smith, "Batch Normalization Biases Residual Blocks Towards the Identity
 * Function in Deep Networks", NeurIPS 2020) and ReZero (Bachlechner et al., "ReZero is All You
 * Need: Fast Convergence at Large Depth", 2020): each residual branch is multiplied by a learned
 * scalar that starts at {@code alpha}, 0 by default, so that every block starts as the identity,
 * x + alpha * f(x) = x, and a net of any depth starts as its layers outside the branches.
 * <pre>
 *   branch scale   alpha          (a residual(...).scaled(...) block's scalar)
 *   kernel         He normal, truncated (Keras's he_normal: variance 2 / fan_in), as the papers
 *   bias           zeros
 * </pre>
 * De and Smith show that batch normalization in a residual branch downscales the branch by about
 * 1/sqrt(depth) at initialization, and that this, not normalization as such, is what lets deep
 * residual nets train; a zero scalar does the same without it (with a small alpha, such as
 * 1/sqrt(depth), as an alternative the paper also reports). A branch without a scalar keeps its
 * kernels as above: the scheme then acts as He.
 *
 * @param alpha the branch scalar's initial value, finite and &gt;= 0
 */
public record SkipInit(double alpha) implements NetScheme {

  /** Checks that {@code alpha} is finite and &gt;= 0. */
  public SkipInit {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("skipinit: alpha must be >= 0 and finite, got " + alpha);
    }
  }

  @Override
  public Init choose(Target target) {
    return switch (target.role()) {
      case KERNEL -> Inits.HE_NORMAL;
      case BIAS -> Inits.ZEROS;
      case BRANCH_SCALE -> new Constant(alpha);
      default -> Inits.AUTO.choose(target);
    };
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.skipInit(this);
  }

  /** Yes: see {@link NetScheme#setsBranchScale}. */
  @Override
  public boolean setsBranchScale() {
    return true;
  }
}
