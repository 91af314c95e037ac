package dev.primer.tf.compare;

import dev.primer.dsl.base.Numbers;
import dev.primer.tf.train.FitResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What happened over a whole run, judged from its per-epoch history: learned, slow start,
 * collapsed, exploded, partly learned, never learned, diverged or failed. {@link #of} is the one status rule of
 * the library, for a comparison and a depth sweep alike.
 *
 * <p>The rule measures each epoch's test accuracy {@code a} as the fraction of chance's error
 * it removed, {@code r = (a - 1/c) / (1 - 1/c)} for {@code c} classes (0 at chance, 1 when
 * every test example is right), and calls an epoch <em>learned</em> when {@code r >=}
 * {@value #LEARNED_FRACTION}: at least half of chance's error gone, a test accuracy of at least
 * 55% for 10 classes ({@link #learnedAccuracy}), and <em>off chance</em> when {@code r >=}
 * {@value #OFF_CHANCE_FRACTION}: 19% for 10 classes, well above what a net that predicts one
 * class for every example scores on balanced classes ({@link #offChanceAccuracy}). In order:
 * <ol>
 *   <li>{@link Kind#FAILED}: the run could not be done;
 *   <li>{@link Kind#DIVERGED}: fit stopped at a NaN or infinite training loss;
 *   <li>{@link Kind#LEARNED}: the first and the last epoch are learned;
 *   <li>{@link Kind#SLOW_START}: the last epoch is learned, the first is not (with one epoch
 *       there is no slow start: that epoch is both);
 *   <li>{@link Kind#COLLAPSED}: some epoch was learned, the last is not;
 *   <li>{@link Kind#EXPLODED}: no epoch learned, and the last epoch's mean training loss is
 *       finite but above {@value #EXPLODED_FACTOR} × ln c (23.03 for 10 classes), ten times
 *       the cross-entropy of a uniform guess: the outputs blew up, confidently wrong, as with
 *       {@code normal(0,1)} on a ReLU net;
 *   <li>{@link Kind#PARTLY_LEARNED}: no epoch learned, but the last is off chance (a deep net
 *       that started late and is still climbing);
 *   <li>{@link Kind#NEVER_LEARNED}: the last epoch is not off chance, or no epoch completed (as
 *       with zero init, whose unbroken symmetry keeps every unit alike).
 * </ol>
 * The thresholds are fixed constants, not fitted: a reader can check any run against its
 * results.csv by hand.
 *
 * @param kind what happened
 * @param detail for people: the figures the kind was judged on ({@code test accuracy 11.70%
 *     after epoch 10, below the learned level 55.00%}), the place it diverged, the reason of a
 *     failure
 * @param step the global training step where it diverged (from 1), else 0
 */
public record RunStatus(Kind kind, String detail, long step) {

  /** What happened over a run, from its history; see the class comment for the rule. */
  public enum Kind {
    /** The test accuracy was at the learned level after the first epoch and the last. */
    LEARNED,
    /** Below the learned level after the first epoch, at it after the last: it started late. */
    SLOW_START,
    /** At the learned level after some epoch, below it after the last: it learned, then lost it. */
    COLLAPSED,
    /** Never at the learned level, with a final training loss ten times chance's or more. */
    EXPLODED,
    /** Never at the learned level, but off chance after the last epoch. */
    PARTLY_LEARNED,
    /** Not off chance after the last epoch (or no epoch completed), and not exploded. */
    NEVER_LEARNED,
    /** The training loss became NaN or infinite; the run stopped there. */
    DIVERGED,
    /** The run could not be done (for example the device failed); the others went on. */
    FAILED;

    /** The word in tables and files: {@code learned}, {@code slow start}, {@code never learned}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The kind of a {@link #word}, as results files hold it.
     *
     * @throws IllegalArgumentException naming the word and the words known
     */
    public static Kind ofWord(String word) {
      for (Kind kind : values()) {
        if (kind.word().equals(word)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown run status '" + word + "'; known: "
          + java.util.Arrays.stream(values()).map(Kind::word).toList());
    }
  }

  /**
   * The fraction of chance's error an epoch must remove to count as learned: {@code (a - 1/c) /
   * (1 - 1/c) >= 0.5}.
   */
  public static final double LEARNED_FRACTION = 0.5;

  /**
   * The fraction of chance's error the last epoch must remove to count as off chance:
   * {@code (a - 1/c) / (1 - 1/c) >= 0.1}.
   */
  public static final double OFF_CHANCE_FRACTION = 0.1;

  /** A final training loss above this many times ln(classes), with nothing learned, exploded. */
  public static final double EXPLODED_FACTOR = 10;

  /** Copies nothing; checks that {@code step} is set exactly for a diverged run. */
  public RunStatus {
    if ((kind == Kind.DIVERGED) != (step > 0)) {
      throw new IllegalArgumentException("a run status has a step exactly when it diverged; got "
          + kind.word() + " at step " + step);
    }
  }

  /**
   * The status of a finished fit, by the rule of the class comment: diverged if fit said so,
   * else {@link #ofHistory}.
   *
   * @param result what fit returned
   * @param epochs the rows of the epochs completed
   * @param classes the number of classes (the width of a one-hot target), at least 2
   */
  public static RunStatus of(FitResult result, List<EpochRow> epochs, int classes) {
    // Java 17 has no pattern switch; every other ending (completed, or stopped early) is
    // judged by its history alone
    if (result instanceof FitResult.Diverged d) {
      return diverged(d.describe(), d.globalStep());
    }
    return ofHistory(epochs, classes);
  }

  /** A run that stopped at a non-finite loss at global step {@code step} (from 1). */
  public static RunStatus diverged(String detail, long step) {
    return new RunStatus(Kind.DIVERGED, detail, step);
  }

  /**
   * The status of a run that completed its epochs (neither diverged nor failed), from their rows
   * alone: learned, slow start, collapsed, exploded, partly learned or never learned, by the rule
   * of the class comment.
   *
   * @param classes the number of classes, at least 2
   * @throws IllegalArgumentException for fewer than 2 classes
   */
  public static RunStatus ofHistory(List<EpochRow> epochs, int classes) {
    double level = learnedAccuracy(classes);
    if (epochs.isEmpty()) {
      return new RunStatus(Kind.NEVER_LEARNED, "no epoch completed", 0);
    }
    EpochRow first = epochs.get(0);
    EpochRow last = epochs.get(epochs.size() - 1);
    String levelWords = "the learned level " + Numbers.percent(level, 2);
    if (last.testAccuracy() >= level) {
      if (first.testAccuracy() >= level) {
        return new RunStatus(Kind.LEARNED, "test accuracy " + accuracyAfter(first)
            + " and " + accuracyAfter(last) + ", at or above " + levelWords, 0);
      }
      int reached = epochs.stream().filter(e -> e.testAccuracy() >= level).findFirst()
          .orElseThrow().epoch();
      return new RunStatus(Kind.SLOW_START, "test accuracy " + accuracyAfter(first)
          + ", below " + levelWords + "; reached it after epoch " + reached + ", "
          + accuracyAfter(last), 0);
    }
    EpochRow best = epochs.stream().max(java.util.Comparator.comparingDouble(
        EpochRow::testAccuracy)).orElseThrow();
    if (best.testAccuracy() >= level) {
      return new RunStatus(Kind.COLLAPSED, "test accuracy " + accuracyAfter(best)
          + ", then " + accuracyAfter(last) + ", below " + levelWords, 0);
    }
    String never = "test accuracy never reached " + levelWords + " (best "
        + accuracyAfter(best) + ")";
    double limit = explodedLoss(classes);
    if (Double.isFinite(last.trainLoss()) && last.trainLoss() > limit) {
      return new RunStatus(Kind.EXPLODED, never + "; training loss " + loss(last.trainLoss())
          + " in epoch " + last.epoch() + ", above " + EXPLODED_FACTOR_WORDS + " ln "
          + classes + " = " + loss(limit), 0);
    }
    if (last.testAccuracy() >= offChanceAccuracy(classes)) {
      return new RunStatus(Kind.PARTLY_LEARNED, never + "; " + accuracyAfter(last) + ", at or"
          + " above " + Numbers.percent(offChanceAccuracy(classes), 2) + ", off chance", 0);
    }
    return new RunStatus(Kind.NEVER_LEARNED, never + "; " + accuracyAfter(last) + ", below "
        + Numbers.percent(offChanceAccuracy(classes), 2) + ", at chance", 0);
  }

  /** A run that could not be done, for {@code reason}. */
  public static RunStatus failed(String reason) {
    return new RunStatus(Kind.FAILED, reason, 0);
  }

  /**
   * The lowest test accuracy (a fraction) that counts as learned for {@code classes} classes:
   * {@code 1/c + 0.5 (1 - 1/c)}, 0.55 for 10 classes.
   *
   * @throws IllegalArgumentException for fewer than 2 classes
   */
  public static double learnedAccuracy(int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("run status: needs at least 2 classes, got " + classes);
    }
    double chance = 1.0 / classes;
    return chance + LEARNED_FRACTION * (1 - chance);
  }

  /**
   * The lowest test accuracy (a fraction) that counts as off chance for {@code classes}
   * classes: {@code 1/c + 0.1 (1 - 1/c)}, 0.19 for 10 classes.
   *
   * @throws IllegalArgumentException for fewer than 2 classes
   */
  public static double offChanceAccuracy(int classes) {
    learnedAccuracy(classes); // the same check
    double chance = 1.0 / classes;
    return chance + OFF_CHANCE_FRACTION * (1 - chance);
  }

  /**
   * The training loss above which a run that learned nothing counts as exploded:
   * {@code 10 ln c}, 23.03 for 10 classes.
   */
  public static double explodedLoss(int classes) {
    return EXPLODED_FACTOR * Math.log(classes);
  }

  /**
   * The words of a group of runs (the seeds of one scheme) as one: the word if they all agree,
   * else each word with its count in order of first appearance,
   * {@code learned 2/3, never learned 1/3}.
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

  /**
   * The status of a group of runs (the seeds of one scheme) in a table's cell: one run's
   * {@link #describe}, else the {@link #tally} of their words.
   */
  public static String ofGroup(List<SchemeRun> group) {
    return tally(group.stream().map(r -> group.size() == 1 ? r.status().describe()
        : r.status().word()).toList());
  }

  /** The short word in tables and files: {@code learned}, {@code never learned}, ... */
  public String word() {
    return kind.word();
  }

  /** The word, with the step for a diverged run: {@code diverged at step 37}. */
  public String describe() {
    return switch (kind) {
      case LEARNED, SLOW_START, COLLAPSED, EXPLODED, PARTLY_LEARNED, NEVER_LEARNED -> word();
      case DIVERGED -> "diverged at step " + step;
      case FAILED -> "failed: " + detail;
    };
  }

  private static final String EXPLODED_FACTOR_WORDS = Numbers.format(EXPLODED_FACTOR);

  private static String accuracyAfter(EpochRow row) {
    return Numbers.percent(row.testAccuracy(), 2) + " after epoch " + row.epoch();
  }

  private static String loss(double value) {
    return Math.abs(value) >= 1e4 ? String.format(Locale.ROOT, "%.3g", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
