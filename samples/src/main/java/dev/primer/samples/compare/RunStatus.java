package dev.primer.samples.compare;

/**
 * How a run ended, judged as the comparison prints it.
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

  public static final RunStatus OK = new RunStatus(Kind.OK, "", 0);

  /** The short word in tables and files: ok, stalled, diverged, failed. */
  public String word() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
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
