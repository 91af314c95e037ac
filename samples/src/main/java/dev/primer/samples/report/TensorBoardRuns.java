package dev.primer.samples.report;

import dev.primer.tf.compare.EpochRow;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.summary.TensorBoardWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a run's epochs as TensorBoard scalars, one run directory per scheme and seed, so runs
 * can be compared in TensorBoard ({@code tensorboard --logdir DIR}). Tags: {@code train_loss},
 * {@code test_loss}, {@code test_accuracy} (a fraction); step: the epoch, from 1.
 */
public final class TensorBoardRuns {
  private TensorBoardRuns() {
    throw new AssertionError("no instances");
  }

  /**
   * Writes {@code run} into {@code root/<name>}, where the name is {@link #runName}; returns
   * that directory.
   */
  public static Path write(Path root, SchemeRun run) throws IOException {
    Path dir = root.resolve(runName(run));
    try (TensorBoardWriter tb = TensorBoardWriter.open(dir)) {
      for (EpochRow row : run.epochs()) {
        for (Metric metric : Metric.values()) {
          double value = metric.of(row);
          if (Double.isFinite(value)) {
            tb.scalar(metric.tag(), row.epoch(), value);
          }
        }
      }
    }
    return dir;
  }

  /**
   * {@code <scheme>-seed<seed>}, with every character other than letters, digits, '.', '_' and
   * '-' replaced by '_' so that any scheme makes a portable directory name:
   * {@code normal(0,0.01)} gives {@code normal_0_0.01_-seed42}.
   */
  public static String runName(SchemeRun run) {
    return run.scheme().replaceAll("[^A-Za-z0-9._-]", "_") + "-seed" + run.seed();
  }
}
