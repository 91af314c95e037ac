package dev.primer.tf.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * The median, least and greatest of a benchmark's measurements (rounds, runs, their ratios):
 * what every {@code primer bench} command prints as {@code median [min, max]}. The median of an
 * even count is the mean of the middle two.
 *
 * @param median the middle value
 * @param min the least value
 * @param max the greatest value
 */
public record Spread(double median, double min, double max) {

  /**
   * The spread of {@code values}, in any order (the array is not changed).
   *
   * @throws IllegalArgumentException if there are none
   */
  public static Spread of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return new Spread(median, sorted[0], sorted[sorted.length - 1]);
  }

  /** As {@link #of(double...)}. */
  public static Spread of(Collection<Double> values) {
    return of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
