package dev.primer.dsl.activation;

import dev.primer.dsl.base.Checks;
import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Signature;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The non-linearity applied to a layer's output: an immutable value of a {@link Kind} and, for
 * {@code leakyRelu} and {@code elu}, a parameter alpha. The text form of each is its method name
 * in the chain ({@code relu()}, {@code leakyRelu(0.2)}).
 *
 * <p>See {@link Gain} for the gain of each kind, and {@code dev.primer.dsl.init.Auto} for the
 * scheme AUTO picks from {@link #family()}.
 *
 * @param kind which non-linearity
 * @param alpha the slope for negative inputs of {@code leakyRelu} (in [0, 1)), the saturation
 *     value of {@code elu} (&gt; 0); 0 for every other kind
 */
public record Activation(Kind kind, double alpha) {

  /** The kinds, each with its method name in the chain and its formula. */
  public enum Kind {
    /** max(0, x). */
    RELU("relu", Family.RELU_LIKE),
    /** x for x &gt; 0, alpha * x otherwise. */
    LEAKY_RELU("leakyRelu", Family.RELU_LIKE),
    /** x for x &gt; 0, alpha * (exp(x) - 1) otherwise. */
    ELU("elu", Family.RELU_LIKE),
    /** Scaled ELU (Klambauer et al. 2017): 1.0507 * (x for x &gt; 0, 1.6733 * (exp(x) - 1) otherwise). */
    SELU("selu", Family.SELF_NORMALIZING),
    /** x * Phi(x), Phi the standard normal CDF (the exact form, not the tanh approximation). */
    GELU("gelu", Family.RELU_LIKE),
    /** x * sigmoid(x), also called SiLU. */
    SWISH("swish", Family.RELU_LIKE),
    /** tanh(x). */
    TANH("tanh", Family.SATURATING_OR_LINEAR),
    /** 1 / (1 + exp(-x)). */
    SIGMOID("sigmoid", Family.SATURATING_OR_LINEAR),
    /** exp(x_i) / sum_j exp(x_j) over the last axis. */
    SOFTMAX("softmax", Family.SATURATING_OR_LINEAR),
    /** x: no non-linearity, written explicitly. */
    LINEAR("linear", Family.SATURATING_OR_LINEAR);

    private final String method;
    private final Family family;

    Kind(String method, Family family) {
      this.method = method;
      this.family = family;
    }

    /** The method name in the chain and in the text form. */
    public String method() {
      return method;
    }

    /**
     * The step's name and argument: {@code relu()}; {@code leakyRelu([alpha])}, alpha 0.01 and
     * always written; {@code elu([alpha])}, alpha 1 and written when not 1.
     */
    public Signature<Activation> signature() {
      return SIGNATURES.get(this);
    }
  }

  /** How an activation treats a zero-mean input, which decides the init it wants. */
  public enum Family {
    /** Zero (or nearly) for negative input: halves the signal's second moment; wants He. */
    RELU_LIKE,
    /** Odd or nearly linear around 0 (tanh, sigmoid, softmax, identity): wants Glorot. */
    SATURATING_OR_LINEAR,
    /** Self-normalising (SELU): wants LeCun normal. */
    SELF_NORMALIZING
  }

  /** The default slope of {@link #leakyRelu()}, as PyTorch's {@code LeakyReLU}. */
  public static final double DEFAULT_LEAK = 0.01;

  /** The default alpha of {@link #elu()}. */
  public static final double DEFAULT_ELU_ALPHA = 1.0;

  private static final Map<Kind, Signature<Activation>> SIGNATURES = new EnumMap<>(Kind.class);

  static {
    for (Kind kind : Kind.values()) {
      Signature.Builder step = Signature.named(kind.method);
      switch (kind) {
        case LEAKY_RELU -> step.optional(Param.number("alpha").or(DEFAULT_LEAK)).writtenWith(1);
        case ELU -> step.optional(Param.number("alpha").or(DEFAULT_ELU_ALPHA));
        default -> { }
      }
      SIGNATURES.put(kind, step.build(
          v -> new Activation(kind, v.list().isEmpty() ? 0 : v.number(0)),
          o -> o instanceof Activation a && a.kind() == kind
              ? Optional.of(alphaOf(a)) : Optional.empty()));
    }
  }

  /** The arguments of {@code a} for its signature: alpha for the kinds that take one. */
  private static List<Object> alphaOf(Activation a) {
    return a.kind() == Kind.LEAKY_RELU || a.kind() == Kind.ELU ? List.of(a.alpha()) : List.of();
  }

  /**
   * Checks the pair: a kind is required; alpha in [0, 1) for leakyRelu, &gt; 0 for elu, 0 for the
   * others.
   */
  public Activation {
    if (kind == null) {
      throw new IllegalArgumentException("activation kind must not be null");
    }
    switch (kind) {
      case LEAKY_RELU -> {
        if (!(alpha >= 0 && alpha < 1)) {
          throw new IllegalArgumentException("leakyRelu: alpha must be in [0, 1), got " + alpha);
        }
      }
      case ELU -> {
        Checks.positive("elu", "alpha", alpha);
      }
      default -> {
        if (alpha != 0) {
          throw new IllegalArgumentException(kind.method + " takes no alpha, got " + alpha);
        }
      }
    }
  }

  /** {@code relu()}: max(0, x). */
  public static Activation relu() { return new Activation(Kind.RELU, 0); }
  /** {@code leakyRelu()}: slope {@link #DEFAULT_LEAK} for negative inputs. */
  public static Activation leakyRelu() { return leakyRelu(DEFAULT_LEAK); }
  /** {@code leakyRelu(alpha)}: slope {@code alpha} (in [0, 1)) for negative inputs. */
  public static Activation leakyRelu(double alpha) { return new Activation(Kind.LEAKY_RELU, alpha); }
  /** {@code elu()}: saturation value {@link #DEFAULT_ELU_ALPHA}. */
  public static Activation elu() { return elu(DEFAULT_ELU_ALPHA); }
  /** {@code elu(alpha)}: saturation value {@code alpha} (&gt; 0) for large negative inputs. */
  public static Activation elu(double alpha) { return new Activation(Kind.ELU, alpha); }
  /** {@code selu()}: the self-normalising ELU. */
  public static Activation selu() { return new Activation(Kind.SELU, 0); }
  /** {@code gelu()}: x * Phi(x), exact form. */
  public static Activation gelu() { return new Activation(Kind.GELU, 0); }
  /** {@code swish()}: x * sigmoid(x). */
  public static Activation swish() { return new Activation(Kind.SWISH, 0); }
  /** {@code tanh()}: the hyperbolic tangent. */
  public static Activation tanh() { return new Activation(Kind.TANH, 0); }
  /** {@code sigmoid()}: 1 / (1 + exp(-x)). */
  public static Activation sigmoid() { return new Activation(Kind.SIGMOID, 0); }
  /** {@code softmax()} over the last axis. */
  public static Activation softmax() { return new Activation(Kind.SOFTMAX, 0); }
  /** {@code linear()}: no non-linearity, written explicitly. */
  public static Activation linear() { return new Activation(Kind.LINEAR, 0); }

  /** SELU's scale lambda (Klambauer et al. 2017), as TensorFlow's {@code Selu}. */
  public static final double SELU_SCALE = 1.0507009873554804934193349852946;

  /** SELU's alpha (Klambauer et al. 2017), as TensorFlow's {@code Selu}. */
  public static final double SELU_ALPHA = 1.6732632423543772848170429916717;

  /**
   * The activation's value at {@code x}, by its formula (see {@link Kind}): what the signal
   * propagation of {@link Gain#secondMoment} integrates.
   *
   * @throws UnsupportedOperationException for softmax, which is not elementwise
   */
  public double apply(double x) {
    return branch(x > 0).applyAsDouble(x);
  }

  /**
   * The smooth function equal to this activation for x &gt; 0 ({@code positive}) or for x &lt; 0
   * (not {@code positive}), defined on the whole line: {@code x} and {@code alpha * x} for
   * leakyRelu. The same function both ways for the smooth kinds; different for the kinds with a
   * kink at 0 (relu, leakyRelu, elu, selu), which {@link #kinkAtZero} tells.
   *
   * @throws UnsupportedOperationException for softmax, which is not elementwise
   */
  public java.util.function.DoubleUnaryOperator branch(boolean positive) {
    return switch (kind) {
      case RELU -> positive ? x -> x : x -> 0;
      case LEAKY_RELU -> positive ? x -> x : x -> alpha * x;
      case ELU -> positive ? x -> x : x -> alpha * Math.expm1(x);
      case SELU -> positive ? x -> SELU_SCALE * x : x -> SELU_SCALE * SELU_ALPHA * Math.expm1(x);
      case GELU -> x -> x * (1 + Erf.erf(x / Math.sqrt(2))) / 2;
      case SWISH -> x -> x / (1 + Math.exp(-x));
      case TANH -> Math::tanh;
      case SIGMOID -> x -> 1 / (1 + Math.exp(-x));
      case LINEAR -> x -> x;
      case SOFTMAX -> throw new UnsupportedOperationException(
          "softmax is not elementwise: it has no value at one x");
    };
  }

  /** Whether the formula changes at 0 (relu, leakyRelu, elu, selu): see {@link #branch}. */
  public boolean kinkAtZero() {
    return switch (kind) {
      case RELU, LEAKY_RELU, ELU, SELU -> true;
      case GELU, SWISH, TANH, SIGMOID, LINEAR, SOFTMAX -> false;
    };
  }

  /** What initialization this activation wants. */
  public Family family() {
    return kind.family;
  }

  /** The method name in the chain: {@code relu}, {@code leakyRelu}. */
  public String name() {
    return kind.method;
  }

  /** The call as the text form writes it: {@code relu()}, {@code leakyRelu(0.2)}, {@code elu()}. */
  public String text() {
    return kind.signature().write(this).orElseThrow();
  }

  @Override
  public String toString() {
    return text();
  }
}
