package dev.primer.samples.report;

import dev.primer.dsl.base.Numbers;
import dev.primer.tf.compare.RunStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What each run status in a report's tables means: {@link RunStatus}'s rule in words. */
public final class StatusNotes {
  private StatusNotes() {
    throw new AssertionError("no instances");
  }

  /** The statuses explained, for {@code classes} classes. */
  public static ReportSection.Notes of(int classes) {
    String level = Numbers.percent(RunStatus.learnedAccuracy(classes), 2);
    Map<String, String> terms = new LinkedHashMap<>();
    terms.put("learned level", "A status is judged over the whole run from the test accuracy"
        + " after each epoch. An epoch counts as learned when its test accuracy is at least "
        + level + ": half of the error of a uniform guess over " + classes + " classes ("
        + Numbers.percent(1.0 / classes, 2) + " right) gone.");
    terms.put(RunStatus.Kind.LEARNED.word(), "At or above " + level + " after epoch 1 and after"
        + " the last epoch.");
    terms.put(RunStatus.Kind.SLOW_START.word(), "Below " + level + " after epoch 1, at or above"
        + " it after the last: the net started late, as under an init that makes the signal"
        + " too small to learn from at first.");
    terms.put(RunStatus.Kind.COLLAPSED.word(), "At or above " + level + " after some epoch,"
        + " below it after the last: it learned, then lost it.");
    terms.put(RunStatus.Kind.EXPLODED.word(), "Never at " + level + ", and the last epoch's"
        + " mean training loss, though finite, was above "
        + Numbers.format(RunStatus.EXPLODED_FACTOR) + " ln " + classes + " = "
        + String.format(Locale.ROOT, "%.2f", RunStatus.explodedLoss(classes))
        + ", ten times the loss of a uniform guess: the outputs blew up and are confidently"
        + " wrong.");
    String offChance = Numbers.percent(RunStatus.offChanceAccuracy(classes), 2);
    terms.put(RunStatus.Kind.PARTLY_LEARNED.word(), "Never at " + level + ", but at or above "
        + offChance + " after the last epoch (a tenth of chance's error gone): it left chance"
        + " and was still below the level, as a deep net that starts late.");
    terms.put(RunStatus.Kind.NEVER_LEARNED.word(), "Below " + offChance + " after the last"
        + " epoch and never at " + level + " (or no epoch completed): the net did not learn, as"
        + " when symmetry is never broken (zero init) or the signal vanishes on its way through"
        + " the layers.");
    terms.put("diverged at step N", "The training loss became NaN or infinite at global step N;"
        + " that run stopped there and the others went on. Its accuracy is from its last"
        + " completed epoch, if any.");
    terms.put(RunStatus.Kind.FAILED.word(), "The run could not be done (for example the device"
        + " failed); the reason is given in results.json.");
    terms.put("k/n", "With several seeds, how many of the n seeds ended that way.");
    return new ReportSection.Notes("What the statuses mean", terms);
  }
}
