package dev.primer.samples.report;

import dev.primer.tf.compare.RunStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** What each run status in a report's tables means. */
public final class StatusNotes {
  private StatusNotes() {
    throw new AssertionError("no instances");
  }

  /** The statuses explained, for {@code classes} classes. */
  public static ReportSection.Notes of(int classes) {
    Map<String, String> terms = new LinkedHashMap<>();
    terms.put("ok", "Trained with finite losses, and the test loss after epoch 1 was more than "
        + RunStatus.toleranceWords() + " away from the loss of a uniform guess.");
    terms.put("stalled", "The test loss after epoch 1 was " + RunStatus.nearChanceWords(classes)
        + ", the cross-entropy of a uniform guess over " + classes + " classes: the net did"
        + " not start learning (a signal that vanished on its way through the layers, or"
        + " symmetry that was never broken, as with zero init).");
    terms.put("diverged at step N", "The training loss became NaN or infinite at global step N;"
        + " that run stopped there and the others went on. Its accuracy is from its last"
        + " completed epoch, if any.");
    terms.put("failed", "The run could not be done (for example the device failed); the reason"
        + " is given in results.json.");
    terms.put("k/n", "With several seeds, how many of the n seeds ended that way.");
    return new ReportSection.Notes("What the statuses mean", terms);
  }
}
