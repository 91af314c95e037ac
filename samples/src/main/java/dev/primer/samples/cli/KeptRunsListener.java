package dev.primer.samples.cli;

import dev.primer.tf.compare.DepthSweepListener;
import dev.primer.tf.compare.PlannedRun;
import dev.primer.tf.compare.SchemeRun;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
  // the plan positions of the runs started, each run of a group counted once: a group that falls
  // back to training its runs one by one starts them again
  private final Set<Integer> started = ConcurrentHashMap.newKeySet();
  private volatile boolean group;

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

  /**
   * Runs started so far, each run of a group trained together counted: those not among the
   * results kept when a signal came were in progress (or just ending) and are lost.
   */
  final int started() {
    return started.size();
  }

  /** Whether the runs last started train together, as a group that finishes together. */
  final boolean lastStartedAGroup() {
    return group;
  }

  @Override
  public final void runStarted(int index, int total, String scheme, long runSeed) {
    started.add(index);
    group = false;
    if (bar) {
      progress.start(label(index, total, scheme));
    }
  }

  /**
   * Runs trained together: one bar for all of them, labelled with the first and last index,
   * {@code [1-27/27] 27 runs together}.
   */
  @Override
  public final void runsStarted(List<PlannedRun> runs, int total) {
    runs.forEach(run -> started.add(run.index()));
    group = true;
    progress.start(String.format(Locale.ROOT, "[%d-%d/%d] %d runs together",
        runs.get(0).index(), runs.get(runs.size() - 1).index(), total, runs.size()));
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
