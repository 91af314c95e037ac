package dev.primer.dsl.init;

/** What a parameter tensor does in its layer; decides its fans, its AUTO init and its rank. */
public enum Role {
  /** Dense [in, out], conv [kh, kw, in, out], recurrent input projection [in, gates * units]. */
  KERNEL("kernel", true),
  /** The state-to-state weights of a recurrent layer: [units, gates * units]. */
  RECURRENT_KERNEL("recurrent_kernel", true),
  /** Added to the output of a kernel: [out] or [gates * units]. */
  BIAS("bias", true),
  /** Batch norm's learned scale, one per channel; starts at 1. */
  GAMMA("gamma", true),
  /** Batch norm's learned shift, one per channel; starts at 0. */
  BETA("beta", true),
  /** Batch norm's running mean for inference; starts at 0; not trained by gradients. */
  MOVING_MEAN("moving_mean", false),
  /** Batch norm's running variance for inference; starts at 1; not trained by gradients. */
  MOVING_VARIANCE("moving_variance", false),
  /**
   * The learnable scalar alpha that multiplies a residual branch's output, x + alpha f(x)
   * (SkipInit, De &amp; Smith 2020; ReZero, Bachlechner et al. 2020): shape [1]; starts at the
   * value {@code residual(block).scaled(v)} gives.
   */
  BRANCH_SCALE("scale", true);

  private final String paramName;
  private final boolean trainable;

  Role(String paramName, boolean trainable) {
    this.paramName = paramName;
    this.trainable = trainable;
  }

  /** The parameter's name inside its layer: {@code kernel} in {@code dense_0/kernel}. */
  public String paramName() {
    return paramName;
  }

  /**
   * The parameter's name in words, for messages: {@code moving mean} for {@code moving_mean}.
   */
  public String words() {
    return paramName.replace('_', ' ');
  }

  /** Whether gradients update it. */
  public boolean trainable() {
    return trainable;
  }
}
