package dev.primer.tf.diagnose;

import dev.primer.tf.data.Statistics;

/**
 * Mean, standard deviation and second moment of a set of values (all values of a tensor over a
 * batch: every example, position and unit together), computed in double precision:
 * <pre>
 *   mean = (1/N) sum x      secondMoment = (1/N) sum x^2      std = sqrt(secondMoment - mean^2)
 * </pre>
 * (sums from {@link Statistics}; the std from the two moments, one formula kept so that
 * diagnoses print the same digits as always). The second moment is what initialization theory tracks: He init keeps it constant through ReLU
 * layers, Glorot on square ReLU layers halves it per layer.
 */
public record Moments(double mean, double std, double secondMoment) {

  /** The moments of {@code values}. */
  static Moments of(float[] values) {
    double mean = Statistics.mean(values);
    double second = Statistics.sumOfSquares(values) / values.length;
    return new Moments(mean, Math.sqrt(Math.max(0, second - mean * mean)), second);
  }

  /** Root mean square: {@code sqrt(secondMoment)}. */
  public double rms() {
    return Math.sqrt(secondMoment);
  }
}
