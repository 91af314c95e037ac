package dev.primer.samples.cli;

import dev.primer.tf.compare.SchemeRun;
import java.util.Locale;

/**
 * What {@code compare} and {@code depth-sweep} show while training: a progress bar per run
 * (redrawn every 10 steps and at the end of each epoch) and one line per finished run.
 */
final class RunProgress implements AutoCloseable {
  private final Progress progress = new Progress();
  private final long stepsPerRun;
  private long stepsDone;

  RunProgress(long stepsPerRun) {
    this.stepsPerRun = stepsPerRun;
  }

  /** A run called {@code task} starts. */
  void start(String task) {
    stepsDone = 0;
    progress.start(task, stepsPerRun);
  }

  /** One training step of the current run. */
  void step(int epoch, long step, long stepsPerEpoch, double loss) {
    stepsDone++;
    if (stepsDone % 10 == 0 || step == stepsPerEpoch) {
      progress.update(stepsDone, String.format(Locale.ROOT, "epoch %d loss %.4f", epoch, loss));
    }
  }

  /** The current run ended. */
  void finish() {
    progress.finish();
  }

  @Override
  public void close() {
    progress.close();
  }

  /**
   * A finished run in one line, its scheme left-aligned in {@code width} characters:
   * {@code he_normal   seed 42     test acc  97.10% after 10 epochs, 12.3 s: ok}.
   */
  static String line(SchemeRun run, int width, String status) {
    return String.format(Locale.ROOT, "%-" + width + "s seed %-6d %s after %d epoch%s, %.1f s: %s",
        run.scheme(), run.seed(), Double.isFinite(run.finalTestAccuracy())
            ? String.format(Locale.ROOT, "test acc %6.2f%%", 100 * run.finalTestAccuracy())
            : "no accuracy    ",
        run.epochs().size(), run.epochs().size() == 1 ? "" : "s", run.seconds(), status);
  }
}
