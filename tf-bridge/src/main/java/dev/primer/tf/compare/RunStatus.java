package dev.primer.tf.compare;

import dev.primer.dsl.base.Numbers;
import dev.primer.tf.train.FitResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a run ended: ok, stalled, diverged or failed. {@link #of} is the one stall rule of the
 * library; {@link SchemeRun#slowStart} refines it for a depth sweep with the same
 * {@link #nearChance} test.
 *
 * @param kind ok, stalled, diverged or failed
 * @param detail for people: {@code diverged at epoch 1, step 37 (global step 37)}, the reason of a
 *     failure; empty when ok
 * @param step the global training step where it diverged (from 1), else 0
 */
public record RunStatus(Kind kind, String detail, long step) {

  /** The outcomes. */
  public enum Kind {
    /** Trained with finite losses and moved away from chance. */
    OK,
    /**
     * Test loss after the first epoch within 1% of ln 10 (chance for 10 classes): the net did not
     * start learning, as with zero init's unbroken symmetry.
     */
    STALLED,
    /** The training loss became NaN or infinite; the run stopped there. */
    DIVERGED,
    /** The run could not be done (for example the device failed); the others went on. */
    FAILED
  }

  /** A run that trained. */
  public static final RunStatus OK = new RunStatus(Kind.OK, "", 0);

  /** How close to chance a loss must be to count as chance: 1% of ln(classes). */
  public static final double CHANCE_TOLERANCE = 0.01;

  /**
   * The status of a finished fit: diverged if fit said so; stalled if the test loss after the
   * first epoch is {@link #nearChance near chance}; ok otherwise.
   *
   * @param result what fit returned
   * @param epochs the rows of the epochs completed
   * @param classes the number of classes (the width of a one-hot target)
   */
  public static RunStatus of(FitResult result, List<EpochRow> epochs, int classes) {
    if (result instanceof FitResult.Diverged d) {
      return new RunStatus(Kind.DIVERGED, d.describe(), d.globalStep());
    }
    if (!epochs.isEmpty() && nearChance(epochs.get(0).testLoss(), classes)) {
      return new RunStatus(Kind.STALLED, String.format(Locale.ROOT, "test loss %.4f after epoch 1 is ",
          epochs.get(0).testLoss()) + nearChanceWords(classes), 0);
    }
    return OK;
  }

  /** A run that could not be done, for {@code reason}. */
  public static RunStatus failed(String reason) {
    return new RunStatus(Kind.FAILED, reason, 0);
  }

  /**
   * Whether a mean cross-entropy {@code testLoss} is within 1% of ln(classes), the loss of a
   * uniform guess over {@code classes} classes (ln 10 = 2.3026 for MNIST):
   * {@code |testLoss - ln c| <= 0.01 ln c}. NaN is never near chance.
   */
  public static boolean nearChance(double testLoss, int classes) {
    double chance = Math.log(classes);
    return Math.abs(testLoss - chance) <= CHANCE_TOLERANCE * chance;
  }

  /** The tolerance of {@link #nearChance} in words: {@code 1%}. */
  public static String toleranceWords() {
    return Numbers.format(100 * CHANCE_TOLERANCE) + "%";
  }

  /** The {@link #nearChance} rule in words, for people: {@code within 1% of ln 10 = 2.3026}. */
  public static String nearChanceWords(int classes) {
    return String.format(Locale.ROOT, "within %s of ln %d = %.4f", toleranceWords(), classes,
        Math.log(classes));
  }

  /**
   * The words of a group of runs (the seeds of one scheme) as one: the word if they all agree,
   * else each word with its count in order of first appearance, {@code ok 2/3, stalled 1/3}.
   */
  public static String tally(List<String> words) {
    Map<String, Long> counts = words.stream().collect(Collectors.groupingBy(w -> w,
        LinkedHashMap::new, Collectors.counting()));
    if (counts.size() == 1) {
      return counts.keySet().iterator().next();
    }
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "/"
        + words.size()).collect(Collectors.joining(", "));
  }

  /** The short word in tables and files: ok, stalled, diverged, failed. */
  public String word() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** The word with its detail: {@code diverged at step 37}. */
  public String describe() {
    return switch (kind) {
      case OK -> "ok";
      case STALLED -> "stalled";
      case DIVERGED -> "diverged at step " + step;
      case FAILED -> "failed: " + detail;
    };
  }
}
