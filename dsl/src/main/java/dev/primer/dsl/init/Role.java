package dev.primer.dsl.init;

/** What a parameter tensor does in its layer; decides its fans, its AUTO init and its rank. */
public enum Role {
  /** Dense [in, out], conv [kh, kw, in, out], recurrent input projection [in, gates * units]. */
  KERNEL("kernel", true),
  /** The state-to-state weights of a recurrent layer: [units, gates * units]. */
  RECURRENT_KERNEL("recurrent_kernel", true),
  /** Added to the output of a kernel: [out] or [gates * units]. */
  BIAS("bias", true),
  /** Batch norm's (or layer norm's) learned scale, one per channel; starts at 1. */
  GAMMA("gamma", true),
  /** Batch norm's (or layer norm's) learned shift, one per channel; starts at 0. */
  BETA("beta", true),
  /** Batch norm's running mean for inference; starts at 0; not trained by gradients. */
  MOVING_MEAN("moving_mean", false),
  /** Batch norm's running variance for inference; starts at 1; not trained by gradients. */
  MOVING_VARIANCE("moving_variance", false),
  /** An embedding's table, one row per token: [vocab, dim]. Its init is chosen by init(...). */
  EMBEDDINGS("embeddings", true),
  /** A learned positional embedding, one row per position: [steps, dim]; chosen by init(...). */
  POSITION_EMBEDDINGS("position_embeddings", true),
  /** Attention's query projection [dim, heads * keyDim]; chosen by init(...). */
  QUERY_KERNEL("query_kernel", true),
  /** Added to the queries: [heads * keyDim]; chosen by bias(...). */
  QUERY_BIAS("query_bias", true),
  /** Attention's key projection [dim, heads * keyDim]; chosen by init(...). */
  KEY_KERNEL("key_kernel", true),
  /** Added to the keys: [heads * keyDim]; chosen by bias(...). */
  KEY_BIAS("key_bias", true),
  /** Attention's value projection [dim, heads * keyDim]; chosen by init(...). */
  VALUE_KERNEL("value_kernel", true),
  /** Added to the values: [heads * keyDim]; chosen by bias(...). */
  VALUE_BIAS("value_bias", true),
  /** Attention's output projection [heads * keyDim, dim]; chosen by init(...). */
  OUTPUT_KERNEL("output_kernel", true),
  /** Added to the attention's output: [dim]; chosen by bias(...). */
  OUTPUT_BIAS("output_bias", true),
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

  /**
   * The role a user names the init of this parameter under: {@link #KERNEL} (the step
   * {@code init(...)}) for attention's four projections and for embeddings, {@link #BIAS}
   * ({@code bias(...)}) for attention's four biases, the role itself for the others.
   */
  public Role choice() {
    return switch (this) {
      case QUERY_KERNEL, KEY_KERNEL, VALUE_KERNEL, OUTPUT_KERNEL, EMBEDDINGS, POSITION_EMBEDDINGS ->
          KERNEL;
      case QUERY_BIAS, KEY_BIAS, VALUE_BIAS, OUTPUT_BIAS -> BIAS;
      default -> this;
    };
  }

  /**
   * Whether the parameter is a weight matrix (or a conv kernel) with fans of its own, computed
   * by {@link Fans#ofKernel}: kernels, recurrent kernels, attention projections, embedding
   * tables. The others (biases, norm parameters) take the fans of their layer's kernel.
   */
  public boolean weightMatrix() {
    return switch (this) {
      case KERNEL, RECURRENT_KERNEL, QUERY_KERNEL, KEY_KERNEL, VALUE_KERNEL, OUTPUT_KERNEL,
          EMBEDDINGS, POSITION_EMBEDDINGS -> true;
      default -> false;
    };
  }

  /** Whether the parameter is an embedding table: token or position embeddings. */
  public boolean isEmbedding() {
    return this == EMBEDDINGS || this == POSITION_EMBEDDINGS;
  }

  /**
   * The weight matrix whose fans a bias takes: attention's query bias the query kernel's, and
   * so on; {@link #KERNEL} for every other role.
   */
  public Role kernelRole() {
    return switch (this) {
      case QUERY_BIAS -> QUERY_KERNEL;
      case KEY_BIAS -> KEY_KERNEL;
      case VALUE_BIAS -> VALUE_KERNEL;
      case OUTPUT_BIAS -> OUTPUT_KERNEL;
      default -> weightMatrix() ? this : KERNEL;
    };
  }
}
