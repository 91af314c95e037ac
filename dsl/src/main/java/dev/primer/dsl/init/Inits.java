package dev.primer.dsl.init;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.activation.Gain;
import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;

/**
 * The initializers by name: presets as constants, parameterised ones as factories. Written for
 * {@code import static dev.primer.dsl.init.Inits.*}.
 *
 * <p>Names follow Keras, and so does the meaning of a Keras name: {@code HE_NORMAL},
 * {@code GLOROT_NORMAL} and {@code LECUN_NORMAL} are <em>truncated</em> normals (rescaled so the
 * variance is exact). PyTorch's {@code kaiming_normal_} and {@code xavier_normal_} are not
 * truncated: they are {@code HE_NORMAL_UNTRUNCATED} and {@code GLOROT_NORMAL_UNTRUNCATED}, and
 * the PyTorch names {@code KAIMING_NORMAL} and {@code XAVIER_NORMAL} mean those, as in PyTorch.
 * The uniform forms are the same in both frameworks.
 */
public final class Inits {
  private Inits() {
    throw new AssertionError("no instances");
  }

  /** Every entry 0. Never for kernels: units stay identical (see {@link Constant}). */
  public static final Constant ZEROS = new Constant(0);
  /** Every entry 1. */
  public static final Constant ONES = new Constant(1);

  /** The variance scale of He init: relu's gain squared, 2 ({@link Gain#scale}). */
  private static final double RELU_SCALE = Gain.scale(Activation.relu());
  /** The variance scale of Glorot and LeCun init: a linear unit's, 1. */
  private static final double LINEAR_SCALE = Gain.scale(Activation.linear());

  /** Glorot/Xavier uniform: U(-l, l), l = sqrt(6 / (fan_in + fan_out)). Keras's default. */
  public static final VarianceScaling GLOROT_UNIFORM =
      new VarianceScaling(LINEAR_SCALE, FanMode.FAN_AVG, Distribution.UNIFORM);
  /** Glorot normal, truncated (Keras): std sqrt(2 / (fan_in + fan_out)) after truncation. */
  public static final VarianceScaling GLOROT_NORMAL =
      new VarianceScaling(LINEAR_SCALE, FanMode.FAN_AVG, Distribution.TRUNCATED_NORMAL);
  /** Glorot normal, not truncated (PyTorch's xavier_normal_): N(0, 2 / (fan_in + fan_out)). */
  public static final VarianceScaling GLOROT_NORMAL_UNTRUNCATED =
      new VarianceScaling(LINEAR_SCALE, FanMode.FAN_AVG, Distribution.NORMAL);

  /** He/Kaiming uniform: U(-l, l), l = sqrt(6 / fan_in). Same as PyTorch's kaiming_uniform_. */
  public static final VarianceScaling HE_UNIFORM =
      new VarianceScaling(RELU_SCALE, FanMode.FAN_IN, Distribution.UNIFORM);
  /** He normal, truncated (Keras): std sqrt(2 / fan_in) after truncation. */
  public static final VarianceScaling HE_NORMAL =
      new VarianceScaling(RELU_SCALE, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL);
  /** He normal, not truncated (PyTorch's kaiming_normal_): N(0, 2 / fan_in). */
  public static final VarianceScaling HE_NORMAL_UNTRUNCATED =
      new VarianceScaling(RELU_SCALE, FanMode.FAN_IN, Distribution.NORMAL);

  /** LeCun uniform: U(-l, l), l = sqrt(3 / fan_in). */
  public static final VarianceScaling LECUN_UNIFORM =
      new VarianceScaling(LINEAR_SCALE, FanMode.FAN_IN, Distribution.UNIFORM);
  /** LeCun normal, truncated (Keras): std sqrt(1 / fan_in) after truncation. For SELU. */
  public static final VarianceScaling LECUN_NORMAL =
      new VarianceScaling(LINEAR_SCALE, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL);
  /** LeCun normal, not truncated: N(0, 1 / fan_in). */
  public static final VarianceScaling LECUN_NORMAL_UNTRUNCATED =
      new VarianceScaling(LINEAR_SCALE, FanMode.FAN_IN, Distribution.NORMAL);

  /** {@link #GLOROT_UNIFORM}. */
  public static final VarianceScaling GLOROT = GLOROT_UNIFORM;
  /** {@link #GLOROT_UNIFORM}, PyTorch's name. */
  public static final VarianceScaling XAVIER_UNIFORM = GLOROT_UNIFORM;
  /** {@link #GLOROT_NORMAL_UNTRUNCATED}: PyTorch's name keeps PyTorch's meaning. */
  public static final VarianceScaling XAVIER_NORMAL = GLOROT_NORMAL_UNTRUNCATED;
  /** {@link #HE_NORMAL}, the truncated Keras form. */
  public static final VarianceScaling HE = HE_NORMAL;
  /** {@link #HE_UNIFORM}, PyTorch's name. */
  public static final VarianceScaling KAIMING_UNIFORM = HE_UNIFORM;
  /** {@link #HE_NORMAL_UNTRUNCATED}: PyTorch's name keeps PyTorch's meaning. */
  public static final VarianceScaling KAIMING_NORMAL = HE_NORMAL_UNTRUNCATED;
  /** {@link #LECUN_NORMAL}. */
  public static final VarianceScaling LECUN = LECUN_NORMAL;

  /** Orthogonal with gain 1. */
  public static final Orthogonal ORTHOGONAL = new Orthogonal(1);
  /** Identity with gain 1. */
  public static final Identity IDENTITY = new Identity(1);
  /** Delta-orthogonal with gain 1. */
  public static final DeltaOrthogonal DELTA_ORTHOGONAL = new DeltaOrthogonal(1);

  /** Activation-aware: see {@link Auto}. The default wherever nothing is named. */
  public static final Auto AUTO = new Auto();
  /** Keras's defaults: see {@link FrameworkDefault}. */
  public static final FrameworkDefault KERAS_DEFAULT =
      new FrameworkDefault(FrameworkDefault.Framework.KERAS);
  /** PyTorch's defaults: see {@link FrameworkDefault}. */
  public static final FrameworkDefault PYTORCH_DEFAULT =
      new FrameworkDefault(FrameworkDefault.Framework.PYTORCH);

  /**
   * LSUV with the paper's tolerance 0.1 and at most 10 iterations: orthonormal, then each kernel
   * scaled on a data batch until its layer's output variance is 1 (see {@link Lsuv}).
   */
  public static final Lsuv LSUV =
      new Lsuv(Lsuv.DEFAULT_TOLERANCE, Lsuv.DEFAULT_MAX_ITERATIONS);
  /** The output bias from the class frequencies of the training targets: see {@link ClassPrior}. */
  public static final ClassPrior CLASS_PRIOR = new ClassPrior();

  /** Fixup for deep residual nets without normalization: see {@link Fixup}. */
  public static final Fixup FIXUP = new Fixup();
  /** SkipInit: every residual branch's scalar starts at 0; kernels He. See {@link SkipInit}. */
  public static final SkipInit SKIPINIT = new SkipInit(0);
  /** ReZero, the same rule as {@link #SKIPINIT} (Bachlechner et al. 2020). */
  public static final SkipInit REZERO = SKIPINIT;
  /** ZerO, deterministic identity and Hadamard kernels: see {@link ZerO}. */
  public static final ZerO ZER_O = new ZerO();
  /** GPT-2's N(0, 0.02^2) with residual output projections scaled by 1/sqrt(L): {@link Gpt2}. */
  public static final Gpt2 GPT2 = new Gpt2(Gpt2.DEFAULT_STD);
  /** T-Fixup with the encoder factor 0.67 N^(-1/4): see {@link TFixup}. */
  public static final TFixup T_FIXUP = new TFixup(TFixup.Stack.ENCODER);

  /** Every entry {@code value}. */
  public static Constant constant(double value) {
    return new Constant(value);
  }

  /** N(mean, std^2), not truncated. */
  public static Normal normal(double mean, double std) {
    return new Normal(mean, std);
  }

  /** U[lo, hi). */
  public static Uniform uniform(double lo, double hi) {
    return new Uniform(lo, hi);
  }

  /** N(mean, std^2) truncated at 2 std. */
  public static TruncatedNormal truncatedNormal(double mean, double std) {
    return new TruncatedNormal(mean, std);
  }

  /** Variance scale / n; see {@link VarianceScaling}. */
  public static VarianceScaling varianceScaling(
      double scale, FanMode mode, Distribution distribution) {
    return new VarianceScaling(scale, mode, distribution);
  }

  /** Orthogonal times {@code gain}. */
  public static Orthogonal orthogonal(double gain) {
    return new Orthogonal(gain);
  }

  /** Identity times {@code gain}. */
  public static Identity identity(double gain) {
    return new Identity(gain);
  }

  /** Delta-orthogonal times {@code gain}. */
  public static DeltaOrthogonal deltaOrthogonal(double gain) {
    return new DeltaOrthogonal(gain);
  }

  /**
   * Mimetic attention init with the paper's values: W_q W_k^T = 0.7 Z + 0.7 I,
   * W_v W_o = 0.4 Z - 0.4 I (see {@link Mimetic}).
   */
  public static final Mimetic MIMETIC =
      new Mimetic(Mimetic.DEFAULT_QK, Mimetic.DEFAULT_QK, Mimetic.DEFAULT_VO, Mimetic.DEFAULT_VO);

  /** Mimetic attention init with W_q W_k^T = alpha Z + beta I and the paper's value-output pair. */
  public static Mimetic mimetic(double alpha, double beta) {
    return new Mimetic(alpha, beta, Mimetic.DEFAULT_VO, Mimetic.DEFAULT_VO);
  }

  /** Mimetic attention init: W_q W_k^T = alphaQk Z1 + betaQk I, W_v W_o = alphaVo Z2 - betaVo I. */
  public static Mimetic mimetic(double alphaQk, double betaQk, double alphaVo, double betaVo) {
    return new Mimetic(alphaQk, betaQk, alphaVo, betaVo);
  }

  /** LSUV stopping within {@code tolerance} of unit variance, or after {@code maxIterations}. */
  public static Lsuv lsuv(double tolerance, int maxIterations) {
    return new Lsuv(tolerance, maxIterations);
  }

  /**
   * The values of array {@code array} of the {@code .npz} file (or saved model directory)
   * {@code path}: a pretrained parameter, see {@link Pretrained}. Read and shape-checked when the
   * net is compiled, not here.
   *
   * @throws IllegalArgumentException if a name is blank
   */
  public static Pretrained from(String path, String array) {
    return new Pretrained(path, array);
  }

  /** {@code count} nonzero N(0, std^2) incoming weights per unit (Martens 2010). */
  public static Sparse sparse(int count, double std) {
    return new Sparse(count, std);
  }

  /** SkipInit with every residual branch's scalar starting at {@code alpha} &gt;= 0. */
  public static SkipInit skipInit(double alpha) {
    return new SkipInit(alpha);
  }

  /** GPT-2's scaled init with unscaled weights N(0, std^2). */
  public static Gpt2 gpt2(double std) {
    return new Gpt2(std);
  }

  /** T-Fixup with the factor of {@code stack} (encoder or decoder). */
  public static TFixup tFixup(TFixup.Stack stack) {
    return new TFixup(stack);
  }

  /** The top-left block of a Sylvester-Hadamard matrix times {@code gain}: {@link Hadamard}. */
  public static Hadamard hadamard(double gain) {
    return new Hadamard(gain);
  }
}
