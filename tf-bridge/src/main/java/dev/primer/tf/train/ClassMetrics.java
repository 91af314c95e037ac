package dev.primer.tf.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * What an evaluation tells about classes, where the target is a class (targets of more than one
 * value: one-hot, or a distribution whose largest value names the class): the {@link
 * ConfusionMatrix} and the rank of each example's class among the net's outputs, from which
 * top-k accuracy comes:
 * <pre>
 *   rank(x)        = #{ j : not (output_j &lt;= output_t) },  t = the class of x
 *   topKAccuracy(k) = #{ x : rank(x) &lt; k } / examples
 * </pre>
 * Ties count for the class, as TensorFlow's {@code in_top_k} does: an example whose class shares
 * the largest output with another is top-1 here while {@link Evaluation#accuracy} (first largest
 * output) may count it wrong; with real-valued outputs ties are rare. An example with a
 * non-finite output is in no top k. An immutable value.
 *
 * @param confusion actual class by predicted class
 * @param rankCounts {@code rankCounts[r]}: examples whose class ranked {@code r} (0 = largest
 *     output), one entry per class; examples with a non-finite output are in none
 */
public record ClassMetrics(ConfusionMatrix confusion, long[] rankCounts) {

  /**
   * Metrics of these counts (copied).
   *
   * @throws IllegalArgumentException if there is not one rank count per class
   */
  public ClassMetrics {
    Objects.requireNonNull(confusion, "confusion");
    if (rankCounts.length != confusion.classes()) {
      throw new IllegalArgumentException("class metrics: " + confusion.classes()
          + " classes need as many rank counts, got " + rankCounts.length);
    }
    rankCounts = rankCounts.clone();
  }

  /** The rank counts (a copy). */
  @Override
  public long[] rankCounts() {
    return rankCounts.clone();
  }

  /** The number of classes. */
  public int classes() {
    return confusion.classes();
  }

  /**
   * The fraction of examples whose class is among the net's {@code k} largest outputs (ties
   * count for the class; see above).
   *
   * @throws IllegalArgumentException unless 1 &lt;= k &lt;= classes
   */
  public double topKAccuracy(int k) {
    if (k < 1 || k > classes()) {
      throw new IllegalArgumentException("top-k accuracy: k must be in [1, " + classes()
          + "], got " + k);
    }
    long examples = confusion.total();
    long in = 0;
    for (int r = 0; r < k; r++) {
      in += rankCounts[r];
    }
    return examples == 0 ? Double.NaN : (double) in / examples;
  }

  /** {@link ConfusionMatrix#precision} of class {@code c}. */
  public double precision(int c) {
    return confusion.precision(c);
  }

  /** {@link ConfusionMatrix#recall} of class {@code c}. */
  public double recall(int c) {
    return confusion.recall(c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassMetrics m && m.confusion.equals(confusion)
        && Arrays.equals(m.rankCounts, rankCounts);
  }

  @Override
  public int hashCode() {
    return 31 * confusion.hashCode() + Arrays.hashCode(rankCounts);
  }

  @Override
  public String toString() {
    return "ClassMetrics[" + confusion + ", rankCounts " + Arrays.toString(rankCounts) + "]";
  }
}
