package dev.primer.tf.diagnose;

/**
 * Every threshold a {@link Verdict} is judged by, in one place. {@link #DEFAULTS} holds the values
 * {@code primer diagnose} uses; each is explained below.
 *
 * @param vanishingGain a layer with parameters is <b>vanishing</b> when its signal gain (RMS of
 *     its pre-activation over the RMS of the net's input) falls below this, or else its gradient
 *     gain (the norm of the loss's gradient with respect to its pre-activation over the same for
 *     the last layer with parameters). Default 0.01: the signal has shrunk 100-fold on its way
 *     forward, or the gradient on its way back. Each weight's gradient carries the product of
 *     the gains around it, so such a net learns orders of magnitude more slowly with SGD (He et
 *     al. 2015: a 30-layer ReLU net with Glorot init, gain about 2^-15, did not learn at all).
 * @param explodingGain a layer is <b>exploding</b> when its signal gain, or else its gradient
 *     gain, exceeds this or is not finite. Default 100, the mirror image of
 *     {@link #vanishingGain}: logits 100 times the input's scale saturate the softmax, and steps
 *     that large diverge.
 * @param deadFraction a relu layer is <b>dead</b> when more than this fraction of its units
 *     never fire on the probe batch (pre-activation &lt;= 0 for every example and position).
 *     Default 0.5. A dead unit passes no gradient and stays dead. Depth alone silences some
 *     units: through zero-bias ReLU layers the examples' representations grow alike, so a unit
 *     tends to have the same sign on the whole batch; with He init about 20% of the units of the
 *     10th layer of a width-256 MLP are silent on 256 examples, and the fraction creeps towards
 *     one half with depth. More than half means something else pushes the pre-activations
 *     negative: a negative bias, a shifted input, zero weights.
 * @param saturatedFraction a tanh or sigmoid layer is <b>saturated</b> when more than this
 *     fraction of its output values lie beyond 0.95 of the range (tanh |y| &gt; 0.95; sigmoid
 *     y &lt; 0.025 or y &gt; 0.975), where the derivative is under a tenth of its peak (tanh
 *     1 - 0.95^2 = 0.0975 of 1; sigmoid 0.025 * 0.975 = 0.024 of 0.25). Default 0.2.
 * @param identicalUnits a layer is <b>symmetric</b> when at least this many of its units
 *     duplicate another unit (see {@link #identicalTolerance}). Default 1: any two identical
 *     units stay identical for the whole training.
 * @param identicalTolerance two units of a layer with a kernel are identical when every parameter
 *     value feeding them is exactly equal and every gradient value of those parameters agrees
 *     within this fraction of that parameter's gradient RMS. Then an optimizer that updates each
 *     value from its own gradient keeps them equal after the step, and after every step: the
 *     symmetry never breaks. Default 1e-4: gradients of equal units differ only by float32
 *     rounding (about 1e-7 relative), gradients of distinct units by about their RMS.
 */
public record Thresholds(
    double vanishingGain, double explodingGain, double deadFraction, double saturatedFraction,
    int identicalUnits, double identicalTolerance) {

  /** The thresholds {@code primer diagnose} uses. */
  public static final Thresholds DEFAULTS = new Thresholds(0.01, 100, 0.5, 0.2, 1, 1e-4);

  /** The fraction beyond which a tanh or sigmoid value counts as saturated: 0.95 of the range. */
  public static final double SATURATION_LEVEL = 0.95;

  /**
   * @throws IllegalArgumentException naming the threshold out of its range
   */
  public Thresholds {
    if (!(vanishingGain > 0 && vanishingGain < 1)) {
      throw new IllegalArgumentException("thresholds: vanishingGain must be in (0, 1), got "
          + vanishingGain);
    }
    if (!(explodingGain > 1) || Double.isInfinite(explodingGain)) {
      throw new IllegalArgumentException("thresholds: explodingGain must be > 1 and finite, got "
          + explodingGain);
    }
    if (!(deadFraction >= 0 && deadFraction < 1)) {
      throw new IllegalArgumentException("thresholds: deadFraction must be in [0, 1), got "
          + deadFraction);
    }
    if (!(saturatedFraction >= 0 && saturatedFraction < 1)) {
      throw new IllegalArgumentException("thresholds: saturatedFraction must be in [0, 1), got "
          + saturatedFraction);
    }
    if (identicalUnits < 1) {
      throw new IllegalArgumentException("thresholds: identicalUnits must be >= 1, got "
          + identicalUnits);
    }
    if (!(identicalTolerance >= 0 && identicalTolerance < 1)) {
      throw new IllegalArgumentException("thresholds: identicalTolerance must be in [0, 1), got "
          + identicalTolerance);
    }
  }
}
