package dev.primer.tf.diagnose;

import dev.primer.tf.data.Statistics;

/**
 * Mean, standard deviation and second moment of a set of values (all values of a tensor over a
 * batch: every example, position and unit together), computed in double precision:
 * <pre>
 *   mean = (1/N) sum x      secondMoment = (1/N) sum x^2      std = sqrt((1/N) sum (x - mean)^2)
 * </pre>
 * all from {@link Statistics}; the std in two passes (mean first), which stays exact when the std
 * is far below the mean, where {@code sqrt(secondMoment - mean^2)} cancels to noise (a zero-init
 * layer's constant output has std 0, not 1e-8). The second moment is what initialization theory
 * tracks: He init keeps it constant through ReLU layers, Glorot on square ReLU layers halves it
 * per layer.
 */
public record Moments(double mean, double std, double secondMoment) {

  /** The moments of {@code values}. */
  static Moments of(float[] values) {
    return new Moments(Statistics.mean(values), Statistics.populationStd(values),
        Statistics.sumOfSquares(values) / values.length);
  }

  /** Root mean square: {@code sqrt(secondMoment)}. */
  public double rms() {
    return Math.sqrt(secondMoment);
  }
}
