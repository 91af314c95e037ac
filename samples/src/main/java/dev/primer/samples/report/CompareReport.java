package dev.primer.samples.report;

import dev.primer.samples.compare.ComparisonTable;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.compare.VersusBest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The charts and the {@code report.html} of a comparison ({@code primer compare}), written into
 * its output directory beside results.csv and results.json:
 * <ul>
 *   <li>{@code test-accuracy.png}, {@code train-loss.png}, {@code test-loss.png}: per epoch,
 *       one line per scheme (mean over seeds, min–max band);
 *   <li>{@code activation-std.png}: each layer's output std at initialization, per scheme;
 *   <li>{@code report.html}: the run, the results table, the statuses explained and the charts,
 *       self-contained.
 * </ul>
 */
public final class CompareReport {
  /** The report's file name. */
  public static final String FILE = "report.html";

  private CompareReport() {
    throw new AssertionError("no instances");
  }

  /**
   * Writes the charts and the report into {@code dir} (created if needed) and returns the
   * report's path.
   *
   * @param epochs the epochs each run was asked for
   * @param classes the number of classes (for what "stalled" means)
   * @param activationStd per scheme, each layer's output std at init; empty for no such chart
   * @param probe how {@code activationStd} was measured, for the chart's caption
   */
  public static Path write(Path dir, RunDescription run, List<SchemeRun> runs, int epochs,
      int classes, Map<String, double[]> activationStd, String probe) throws IOException {
    Files.createDirectories(dir);
    List<ReportSection> sections = new ArrayList<>();
    sections.add(run.runFacts());
    sections.add(new ReportSection.Table("Results", ComparisonTable.rows(runs, epochs),
        caption(runs)));
    sections.add(StatusNotes.of(classes));
    if (runs.stream().anyMatch(r -> !r.epochs().isEmpty())) {
      for (Metric metric : List.of(Metric.TEST_ACCURACY, Metric.TRAIN_LOSS, Metric.TEST_LOSS)) {
        byte[] png = ChartImages.png(EpochCurves.chart(runs, metric, ""));
        String file = metric.tag().replace('_', '-') + ".png";
        ChartImages.write(dir.resolve(file), png);
        sections.add(new ReportSection.Figure(metric.title() + " per epoch", png,
            curvesCaption(metric, file)));
      }
    }
    if (!activationStd.isEmpty()) {
      byte[] png = ChartImages.png(ActivationStdChart.chart(activationStd, ""));
      ChartImages.write(dir.resolve("activation-std.png"), png);
      sections.add(new ReportSection.Figure("Signal through the layers at initialization", png,
          "Standard deviation of each layer's output before any training, " + probe + "."
              + " Flat lines keep the signal; falling lines let it vanish, rising ones let it"
              + " explode. (activation-std.png)"));
    }
    sections.add(run.versionFacts());
    Path report = dir.resolve(FILE);
    new HtmlReport("Initialization schemes compared", run.command() + " — " + run.net(),
        sections).write(report);
    return report;
  }

  /** What the results table's columns mean, the interval and the mark included. */
  static String caption(List<SchemeRun> runs) {
    String note = ComparisonTable.note(runs);
    return "acc@N: test accuracy after epoch N (mean over seeds); train loss: mean training"
        + " loss of the last epoch; test acc: after the last epoch; time: wall time per run,"
        + " compile and evaluation included. "
        + (note.isEmpty() ? "95% interval: Student's t interval of the mean over the seeds,"
            + " mean ± t(0.975; n−1)·sd/√n. vs best: a paired t test over seeds (the runs of one"
            + " seed share their batches), two-sided, α = " + VersusBest.ALPHA + ", against"
            + " the scheme of highest mean: ≈ best means the seeds do not show a difference,"
            + " below means p < " + VersusBest.ALPHA + ". "
            : note.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + note.substring(1)
            + ". ")
        + "Every epoch of every run is in results.csv and results.json, the summary in"
        + " summary.csv.";
  }

  static String curvesCaption(Metric metric, String file) {
    return metric.title() + " (" + metric.axis() + ") after each epoch, one line per scheme;"
        + " with several seeds the line is their mean and the band spans the lowest to the"
        + " highest seed." + (metric.logScale() ? " Log scale." : "") + " (" + file + ")";
  }
}
