package dev.primer.tf.data;

import java.util.List;

/**
 * The one place the bridge and its tools compute means and standard deviations, in double
 * precision:
 * <pre>
 *   mean            m = (1/n) sum x_i
 *   population std  sqrt( (1/n)     sum (x_i - m)^2 )    two passes: the mean first
 *   sample std      sqrt( (1/(n-1)) sum (x_i - m)^2 )    Bessel's correction, for runs over seeds
 *   rms             sqrt( (1/n) sum x_i^2 )              norm = sqrt( sum x_i^2 )
 * </pre>
 * The float overloads sum in order with plain double additions; the list overloads ignore
 * non-finite values (a diverged run) and sum as {@link java.util.stream.DoubleStream#sum} does.
 */
public final class Statistics {
  private Statistics() {
    throw new AssertionError("no instances");
  }

  /** {@code sum x}, in order, in double. */
  public static double sum(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return sum;
  }

  /** {@code sum x^2}, in order, in double. */
  public static double sumOfSquares(float[] values) {
    double squares = 0;
    for (float v : values) {
      squares += (double) v * v;
    }
    return squares;
  }

  /** The mean; NaN for no values. */
  public static double mean(float[] values) {
    return sum(values) / values.length;
  }

  /** The population standard deviation (divisor n), two passes; NaN for no values. */
  public static double populationStd(float[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double mean = mean(values);
    double squares = 0;
    for (float v : values) {
      double d = v - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / values.length);
  }

  /** The Euclidean norm, {@code sqrt(sum x^2)}. */
  public static double norm(float[] values) {
    return Math.sqrt(sumOfSquares(values));
  }

  /** The root mean square, {@code sqrt(sum x^2 / n)}; NaN for no values. */
  public static double rms(float[] values) {
    return Math.sqrt(sumOfSquares(values) / values.length);
  }

  /** The mean of the finite values; NaN if there are none. */
  public static double mean(List<Double> values) {
    return values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).average()
        .orElse(Double.NaN);
  }

  /** The sample standard deviation (divisor n - 1) of the finite values; NaN with fewer than 2. */
  public static double sampleStd(List<Double> values) {
    List<Double> finite = values.stream().filter(Double::isFinite).toList();
    if (finite.size() < 2) {
      return Double.NaN;
    }
    double m = mean(finite);
    double sum = finite.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
    return Math.sqrt(sum / (finite.size() - 1));
  }
}
