package dev.primer.samples.cli;

import dev.primer.tf.compare.ComparisonListener;
import dev.primer.tf.compare.SchemeRun;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code transfer} and {@code transformer} show while their runs train: {@link
 * RunProgress}'s bar per run, labelled {@code [index/total] scheme} (with the seed where a scheme
 * has several), and one line per finished run. {@code transformer} keeps its finished runs on
 * a signal with {@link KeptResults} alone; {@code compare} and {@code depth-sweep}, which also
 * stop before their next run and leave unreported a run the signal cut off, use {@link
 * KeptRunsListener} instead.
 */
class RunLines implements ComparisonListener {
  private final RunProgress progress;
  private final PrintWriter text;
  private final boolean withSeed;

  RunLines(RunProgress progress, PrintWriter text, boolean withSeed) {
    this.progress = progress;
    this.text = text;
    this.withSeed = withSeed;
  }

  @Override
  public void runStarted(int index, int total, String scheme, long runSeed) {
    progress.start(String.format(Locale.ROOT, "[%d/%d] %s", index, total, scheme)
        + (withSeed ? " seed " + runSeed : ""));
  }

  @Override
  public void step(int epoch, long step, long stepsPerEpoch, int epochs, double loss) {
    progress.step(epoch, step, stepsPerEpoch, loss);
  }

  @Override
  public void runFinished(SchemeRun run) {
    progress.finish();
    text.println(RunProgress.line(run, 22, run.status().describe()));
    text.flush();
  }
}
