package dev.primer.tf.compare;

import dev.primer.dsl.base.Numbers;
import dev.primer.tf.data.Statistics;
import dev.primer.tf.internal.stats.StudentT;
import java.util.List;

/**
 * The mean of one measure over seeds (such as a scheme's final test accuracy) with its
 * two-sided 95% Student t confidence interval, for {@code n} finite values {@code x_i}:
 * <pre>
 *   mean        m = (1/n) sum x_i
 *   sample sd   s = sqrt( sum (x_i - m)^2 / (n - 1) )
 *   interval    m ± t(0.975; n - 1) · s / √n
 * </pre>
 * with {@code t(0.975; n - 1)} the 97.5% quantile of Student's t with n − 1 degrees of freedom
 * ({@link StudentT}; 12.71 for 2 seeds, 4.30 for 3, 2.78 for 5, 2.26 for 10). The interval
 * assumes the seeds' values are independent draws from one normal distribution; it is not
 * clipped to [0, 1]. With one value there is no interval ({@link #hasInterval} is false and
 * {@link #intervalWords} says {@code one seed: no interval}): one seed says nothing of the
 * spread between seeds. Non-finite values (a run with no completed epoch) are left out and not
 * counted.
 *
 * @param seeds n, the number of finite values
 * @param mean m; NaN when {@code seeds} is 0
 * @param standardDeviation s; NaN when {@code seeds < 2}
 * @param halfWidth {@code t(0.975; n - 1) · s / √n}; NaN when {@code seeds < 2}
 */
public record SeedMean(int seeds, double mean, double standardDeviation, double halfWidth) {

  /** The coverage of the interval: 95%. */
  public static final double CONFIDENCE = 0.95;

  /** The mean and interval of {@code values}, one per seed; non-finite values are left out. */
  public static SeedMean of(List<Double> values) {
    List<Double> finite = values.stream().filter(Double::isFinite).toList();
    int n = finite.size();
    double mean = Statistics.mean(finite);
    if (n < 2) {
      return new SeedMean(n, mean, Double.NaN, Double.NaN);
    }
    double sd = Statistics.sampleStd(finite);
    return new SeedMean(n, mean, sd, StudentT.twoSidedQuantile(CONFIDENCE, n - 1) * sd
        / Math.sqrt(n));
  }

  /** Whether there is an interval: two seeds or more. */
  public boolean hasInterval() {
    return seeds >= 2;
  }

  /** The interval's lower end, {@code m - halfWidth}; NaN without an interval. */
  public double low() {
    return mean - halfWidth;
  }

  /** The interval's upper end, {@code m + halfWidth}; NaN without an interval. */
  public double high() {
    return mean + halfWidth;
  }

  /**
   * The interval of a fraction as percentages, for people: {@code 94.21–95.89%}, {@code one
   * seed: no interval}, or {@code no seed finished an epoch}.
   */
  public String intervalWords() {
    if (seeds == 0) {
      return "no seed finished an epoch";
    }
    if (!hasInterval()) {
      return "one seed: no interval";
    }
    return Numbers.fixed(100 * low(), 2) + "–" + Numbers.fixed(100 * high(), 2) + "%";
  }
}
