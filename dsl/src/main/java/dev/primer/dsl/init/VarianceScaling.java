package dev.primer.dsl.init;

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
    FAN_IN("fan_in"),
    FAN_OUT("fan_out"),
    FAN_AVG("fan_avg"),
    FAN_GEO_AVG("fan_geo_avg");

    private final String text;

    FanMode(String text) {
      this.text = text;
    }

    /** The name in the text form: {@code fan_in}. */
    public String text() {
      return text;
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
    TRUNCATED_NORMAL("truncated_normal"),
    NORMAL("normal"),
    UNIFORM("uniform");

    private final String text;

    Distribution(String text) {
      this.text = text;
    }

    /** The name in the text form: {@code truncated_normal}. */
    public String text() {
      return text;
    }
  }

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
