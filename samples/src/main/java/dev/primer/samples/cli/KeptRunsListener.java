package dev.primer.samples.cli;

import dev.primer.tf.compare.DepthSweepListener;
import dev.primer.tf.compare.SchemeRun;

/**
 * What {@code compare} and {@code depth-sweep} do alike while their runs train: the progress bar
 * follows each run's steps, a signal ({@link KeptResults}) stops the comparison before its next
 * run, and a run that ends after the signal is not reported, since it is not among the results
 * kept. A comparison uses it as a plain {@code ComparisonListener}.
 */
abstract class KeptRunsListener implements DepthSweepListener {
  private final RunProgress progress;
  private final KeptResults kept;
  private final boolean bar;

  KeptRunsListener(RunProgress progress, KeptResults kept) {
    this(progress, kept, 1);
  }

  /** With {@code jobs > 1} there is no progress bar: several runs train at once. */
  KeptRunsListener(RunProgress progress, KeptResults kept, int jobs) {
    this.progress = progress;
    this.kept = kept;
    this.bar = jobs == 1;
  }

  /** The progress bar's label for the run of {@code scheme}, the {@code index}-th of total. */
  abstract String label(int index, int total, String scheme);

  /** A run that ended before any signal: print it, write what belongs to it. */
  abstract void reportFinished(SchemeRun run);

  @Override
  public final void runStarted(int index, int total, String scheme, long runSeed) {
    if (bar) {
      progress.start(label(index, total, scheme));
    }
  }

  @Override
  public final void step(int epoch, long step, long stepsPerEpoch, int epochCount, double loss) {
    progress.step(epoch, step, stepsPerEpoch, loss);
  }

  @Override
  public final boolean stopRequested() {
    return kept.interrupted();
  }

  @Override
  public final void runFinished(SchemeRun run) {
    if (bar) {
      progress.finish();
    }
    if (!kept.interrupted()) {
      reportFinished(run);
    }
  }
}
