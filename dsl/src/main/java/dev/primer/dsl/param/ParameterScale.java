package dev.primer.dsl.param;

/**
 * What a parametrization does to one parameter: its class, the width multipliers of its fans,
 * the factor its init's standard deviation was multiplied by, and the factors the optimizer's
 * learning rate is multiplied by for it (one for Adam-like optimizers, one for SGD and
 * momentum). All 1 under the standard parametrization; see {@link Mup} for the formulas.
 *
 * @param widthClass which of its dimensions are width
 * @param fanInMultiplier fan_in / base width where fan_in is width, else 1
 * @param fanOutMultiplier fan_out / base width where fan_out is width, else 1
 * @param initScale the factor its sampler's values were multiplied by at resolution
 * @param adamRate the learning-rate factor for Adam and RMSProp
 * @param sgdRate the learning-rate factor for SGD, momentum and Nesterov
 */
public record ParameterScale(WidthClass widthClass, double fanInMultiplier,
    double fanOutMultiplier, double initScale, double adamRate, double sgdRate) {

  /** The standard parametrization's scale: every factor 1. */
  public static final ParameterScale NONE = new ParameterScale(WidthClass.FIXED, 1, 1, 1, 1, 1);

  /** Checks every factor is finite and &gt; 0 (an init scale may be 0 for a zero init). */
  public ParameterScale {
    java.util.Objects.requireNonNull(widthClass, "widthClass");
    for (double f : new double[] {fanInMultiplier, fanOutMultiplier, adamRate, sgdRate}) {
      if (!(f > 0) || !Double.isFinite(f)) {
        throw new IllegalArgumentException("a width or rate multiplier must be finite and > 0,"
            + " got " + f);
      }
    }
    if (!(initScale >= 0) || !Double.isFinite(initScale)) {
      throw new IllegalArgumentException("initScale must be finite and >= 0, got " + initScale);
    }
  }

  /** The same scale with {@code initScale} as the factor applied to its init. */
  public ParameterScale withInitScale(double initScale) {
    return new ParameterScale(widthClass, fanInMultiplier, fanOutMultiplier, initScale,
        adamRate, sgdRate);
  }
}
