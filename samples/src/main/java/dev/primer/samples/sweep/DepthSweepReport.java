package dev.primer.samples.sweep;

import dev.primer.samples.report.AccuracyGridChart;
import dev.primer.samples.report.ActivationProbe;
import dev.primer.samples.report.ActivationStdChart;
import dev.primer.samples.report.ChartImages;
import dev.primer.samples.report.EpochCurves;
import dev.primer.samples.report.HtmlReport;
import dev.primer.samples.report.Metric;
import dev.primer.samples.report.ReportSection;
import dev.primer.samples.report.RunDescription;
import dev.primer.samples.report.StatusNotes;
import dev.primer.tf.compare.DepthRuns;
import dev.primer.tf.compare.DepthSweep;
import dev.primer.tf.compare.DepthSweepPlan;
import dev.primer.tf.compare.DepthSweepResult;
import dev.primer.tf.compare.RunStatus;
import dev.primer.tf.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The charts and {@code report.html} of a depth sweep, written into its output directory beside
 * results.csv and results.json:
 * <ul>
 *   <li>{@code accuracy-grid.png}: test accuracy after the last epoch per depth and scheme;
 *   <li>{@code test-accuracy-depth<D>.png}, {@code train-loss-depth<D>.png}: per epoch, per
 *       scheme, for the deepest net D;
 *   <li>{@code activation-std-depth<D>.png}: each layer's output std at initialization in the
 *       deepest net, per scheme;
 *   <li>{@code report.html}: all of it with the run and the table, self-contained.
 * </ul>
 */
public final class DepthSweepReport {
  /** The report's file name. */
  public static final String FILE = "report.html";

  private DepthSweepReport() {
    throw new AssertionError("no instances");
  }

  /** Examples whose layer outputs the activation chart measures. */
  public static final int PROBE_EXAMPLES = 256;

  /**
   * Writes everything a sweep leaves behind into {@code dir}: results.csv and results.json
   * ({@link DepthSweepFiles}), the charts and report.html; returns the report's path. The
   * activation chart probes the deepest net at initialization (first seed) with the first 256
   * examples of {@code probeData}.
   */
  public static Path writeAll(Path dir, DepthSweepResult result, RunDescription run,
      Dataset probeData) throws IOException {
    DepthSweepFiles.write(dir, result, run);
    return writeReport(dir, result, run, probeData);
  }

  /**
   * Writes the charts and report.html into {@code dir}, not the results files (for a caller
   * that wrote them already), and returns the report's path. The activation chart probes the
   * deepest net at initialization (first seed) with the first 256 examples of {@code
   * probeData}.
   */
  public static Path writeReport(Path dir, DepthSweepResult result, RunDescription run,
      Dataset probeData) throws IOException {
    return write(dir, result, run, activationStd(result.plan(), result.classes(), probeData),
        probe(result.plan(), probeData));
  }

  /**
   * The activation chart's measurement: each layer's output std at initialization in the
   * deepest net of {@code plan} (first seed), per scheme, on the first 256 examples of {@code
   * probeData}.
   */
  public static Map<String, double[]> activationStd(DepthSweepPlan plan, int classes,
      Dataset probeData) {
    int deepest = plan.depths().stream().mapToInt(Integer::intValue).max().orElseThrow();
    return ActivationProbe.atInit(plan.net(deepest, probeData.exampleShape(), classes),
        plan.schemes(), plan.seeds().get(0), plan.device(), probeData, PROBE_EXAMPLES);
  }

  /** How {@link #activationStd} measures, for the chart's caption. */
  public static String probe(DepthSweepPlan plan, Dataset probeData) {
    return "measured on the first " + Math.min(PROBE_EXAMPLES, probeData.size())
        + " training examples with seed " + plan.seeds().get(0);
  }

  /**
   * {@link #writeAll(Path, DepthSweepResult, RunDescription, Dataset)} for a program that ran
   * the sweep through the Java API: the run is described from the plan and the data sizes.
   */
  public static Path writeAll(Path dir, DepthSweepResult result, Dataset train, Dataset test)
      throws IOException {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("train_examples", train.size());
    data.put("test_examples", test.size());
    RunDescription run = new RunDescription("DepthSweep.run (Java API)",
        result.plan().describeNets(train.exampleShape(), result.classes()), data,
        result.plan().options(), RunDescription.currentVersions());
    return writeAll(dir, result, run, train);
  }

  /**
   * Writes the charts and the report into {@code dir} and returns the report's path.
   *
   * @param activationStd per scheme, each layer's output std at init in the deepest net; empty
   *     for no such chart
   * @param probe how {@code activationStd} was measured, for the caption
   */
  public static Path write(Path dir, DepthSweepResult result, RunDescription run,
      Map<String, double[]> activationStd, String probe) throws IOException {
    Files.createDirectories(dir);
    DepthSweepPlan plan = result.plan();
    int deepest = plan.depths().stream().mapToInt(Integer::intValue).max().orElseThrow();
    List<ReportSection> sections = new ArrayList<>();
    sections.add(run.runFacts());
    sections.add(new ReportSection.Table("Test accuracy after " + plan.epochs() + " epoch"
        + (plan.epochs() == 1 ? "" : "s") + ", per depth and scheme",
        DepthSweepTable.rows(result),
        "depth: hidden ReLU layers (the net has depth + 1 weight layers). Each cell: test"
            + " accuracy after the last epoch"
            + (plan.seeds().size() > 1 ? " (mean over seeds, and in brackets its 95% Student t"
            + " interval)" : "")
            + " and how the run ended. Every epoch of every run is in results.csv."));
    sections.add(StatusNotes.of(result.classes()));

    List<String> schemes = new ArrayList<>(plan.schemes().keySet());
    List<String> depthLabels = new ArrayList<>();
    double[][] percent = new double[plan.depths().size()][schemes.size()];
    for (int r = 0; r < plan.depths().size(); r++) {
      int depth = plan.depths().get(r);
      depthLabels.add(Integer.toString(depth));
      for (int c = 0; c < schemes.size(); c++) {
        percent[r][c] = 100 * result.meanFinalAccuracy(depth, schemes.get(c));
      }
    }
    byte[] grid = ChartImages.png(AccuracyGridChart.chart(
        "Test accuracy after " + plan.epochs() + " epochs (plain SGD, lr "
            + plan.learningRate() + ")", "scheme", schemes,
        "depth (hidden ReLU layers of width " + plan.width() + ")", depthLabels, percent));
    ChartImages.write(dir.resolve("accuracy-grid.png"), grid);
    sections.add(new ReportSection.Figure("Accuracy per depth and scheme", grid,
        "Red is chance (about 10% for 10 classes), green is learned. (accuracy-grid.png)"));

    DepthRuns deep = result.at(deepest);
    if (deep.runs().stream().anyMatch(r -> !r.epochs().isEmpty())) {
      for (Metric metric : List.of(Metric.TEST_ACCURACY, Metric.TRAIN_LOSS)) {
        byte[] png = ChartImages.png(EpochCurves.chart(deep.runs(), metric,
            "depth " + deepest));
        String file = metric.tag().replace('_', '-') + "-depth" + deepest + ".png";
        ChartImages.write(dir.resolve(file), png);
        sections.add(new ReportSection.Figure(metric.title() + " per epoch at depth " + deepest,
            png, metric.title() + " (" + metric.axis() + ") after each epoch of the deepest net,"
                + " one line per scheme" + (plan.seeds().size() > 1
                ? " (mean over seeds; the band spans the lowest to the highest seed)" : "")
                + ". (" + file + ")"));
      }
    }
    if (!activationStd.isEmpty()) {
      byte[] png = ChartImages.png(ActivationStdChart.chart(activationStd, "depth " + deepest));
      String file = "activation-std-depth" + deepest + ".png";
      ChartImages.write(dir.resolve(file), png);
      sections.add(new ReportSection.Figure("Signal through the layers at initialization, depth "
          + deepest, png, "Standard deviation of each layer's output before any training, "
          + probe + ". With ReLU, Glorot init halves the variance at every layer (its std falls"
          + " by 1/√2 per layer); He init keeps it. (" + file + ")"));
    }
    sections.add(run.versionFacts());
    Path report = dir.resolve(FILE);
    new HtmlReport("Depth sweep: does the net still learn as it gets deeper?",
        run.command() + " — " + run.net(), sections).write(report);
    return report;
  }
}
