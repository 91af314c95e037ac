package dev.primer.samples.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for one task at a time, drawn only when the program runs in a
 * terminal (never into a pipe, a file or a CI log). Thread-safe: a signal's shutdown hook may end
 * the bar while the training thread still reports steps.
 */
final class Progress implements AutoCloseable {
  private final boolean enabled;
  private ProgressBar bar;

  Progress() {
    this(System.console() != null && !"1".equals(System.getenv("PRIMER_NO_PROGRESS")));
  }

  Progress(boolean enabled) {
    this.enabled = enabled;
  }

  /** Starts a bar for a task of {@code total} units, ending any previous one. */
  synchronized void start(String task, long total) {
    finish();
    if (enabled) {
      bar = new ProgressBarBuilder()
          .setTaskName(task)
          .setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(200)
          .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
          .clearDisplayOnFinish()
          .build();
    }
  }

  /** Moves the bar to {@code done} of its total, with a short extra message. */
  synchronized void update(long done, String message) {
    if (bar != null) {
      bar.stepTo(done);
      bar.setExtraMessage(message);
    }
  }

  /** Ends the current bar, if any. */
  synchronized void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  @Override
  public void close() {
    finish();
  }
}
