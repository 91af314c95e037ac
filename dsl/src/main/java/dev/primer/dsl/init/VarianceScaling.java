package dev.primer.dsl.init;

import dev.primer.dsl.base.Checks;
import java.util.Locale;

/**
 * Variance scaling: draws with variance {@code scale / n}, where n is a fan of the block (see
 * {@link Fans}). Every Glorot/Xavier, He/Kaiming and LeCun preset is this rule with fixed
 * arguments ({@link Inits}).
 * <pre>
 *   n = fan_in                  (FAN_IN)
 *       fan_out                 (FAN_OUT)
 *       (fan_in + fan_out) / 2  (FAN_AVG)
 *       sqrt(fan_in * fan_out)  (FAN_GEO_AVG)
 *
 *   TRUNCATED_NORMAL: truncated_normal(0, sqrt(scale / n) / 0.87962566103423978)
 *                     (the divisor undoes the shrinkage of truncation at 2 std, so the values
 *                     drawn have variance scale / n, as Keras does)
 *   NORMAL:           normal(0, sqrt(scale / n))                 (not truncated, as PyTorch)
 *   UNIFORM:          uniform(-limit, limit), limit = sqrt(3 * scale / n)
 * </pre>
 * Why it works: a unit summing n independent inputs of second moment q through weights of
 * variance v has pre-activation variance n v q. With v = scale / n the variance is kept when
 * scale compensates what the activation removes: scale 2 for ReLU (He et al. 2015), 1 for
 * tanh-like and linear units with n = fan_in (LeCun 1998), and 1 with the average of the fans to
 * balance the forward and backward pass (Glorot and Bengio 2010).
 *
 * @param scale the target variance times n, &gt; 0
 * @param mode which fan is n
 * @param distribution which distribution the values come from
 */
public record VarianceScaling(double scale, FanMode mode, Distribution distribution)
    implements Rule {

  /** Which fan divides the scale. */
  public enum FanMode {
    /** n = fan_in, the inputs per output unit (kernel size times input channels). */
    FAN_IN,
    /** n = fan_out, the outputs per input unit (kernel size times output channels). */
    FAN_OUT,
    /** n = (fan_in + fan_out) / 2, as Glorot. */
    FAN_AVG,
    /** n = sqrt(fan_in * fan_out), the geometric mean of the two. */
    FAN_GEO_AVG;

    /** The name in the text form, the constant's in lower case: {@code fan_in}. */
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** n for these fans. */
    public double of(Fans fans) {
      return switch (this) {
        case FAN_IN -> fans.in();
        case FAN_OUT -> fans.out();
        case FAN_AVG -> fans.average();
        case FAN_GEO_AVG -> fans.geometricAverage();
      };
    }
  }

  /** Which distribution the values are drawn from. */
  public enum Distribution {
    /** N(0, sigma) truncated at 2 sigma and rescaled by 1 / 0.8796 so its std is sigma. */
    TRUNCATED_NORMAL,
    /** N(0, sigma), untruncated. */
    NORMAL,
    /** U(-sqrt(3) sigma, sqrt(3) sigma), whose std is sigma. */
    UNIFORM;

    /** The name in the text form, the constant's in lower case: {@code truncated_normal}. */
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks the arguments: {@code scale} &gt; 0, mode and distribution given. */
  public VarianceScaling {
    Checks.positive("variance_scaling", "scale", scale);
    if (mode == null || distribution == null) {
      throw new IllegalArgumentException("variance_scaling: mode and distribution are required");
    }
  }

  /** The variance of the values drawn for a block with these fans: scale / n. */
  public double variance(Fans fans) {
    return scale / mode.of(fans);
  }

  @Override
  public Sampler choose(Target target) {
    double variance = variance(target.fans());
    return switch (distribution) {
      case TRUNCATED_NORMAL ->
          new TruncatedNormal(0, Math.sqrt(variance) / TruncatedNormal.STD_OF_UNIT_TRUNCATED);
      case NORMAL -> new Normal(0, Math.sqrt(variance));
      case UNIFORM -> Uniform.symmetric(Math.sqrt(3 * variance));
    };
  }

  @Override
  public <R> R accept(Init.Visitor<R> visitor) {
    return visitor.varianceScaling(this);
  }
}
