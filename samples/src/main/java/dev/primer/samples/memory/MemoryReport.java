package dev.primer.samples.memory;

import dev.primer.samples.report.ChartImages;
import dev.primer.samples.report.GradientThroughTimeChart;
import dev.primer.samples.report.HtmlReport;
import dev.primer.samples.report.ReportSection;
import dev.primer.samples.report.RunDescription;
import dev.primer.tf.compare.MemoryRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a recurrent memory experiment: {@code gradient-through-time.png} and a
 * self-contained {@code report.html} with the run, the table, the chart and what the columns
 * and statuses mean.
 */
public final class MemoryReport {
  /** The report's file name. */
  public static final String FILE = "report.html";

  private MemoryReport() {
    throw new AssertionError("no instances");
  }

  /** Writes the chart and report.html into {@code dir}; returns the report's path. */
  public static Path write(Path dir, List<MemoryRun> runs, RunDescription run)
      throws IOException {
    Map<String, double[]> norms = new LinkedHashMap<>();
    runs.forEach(r -> norms.put(r.cell().text() + " / " + r.scheme(), r.atInit().norms()));
    byte[] png = ChartImages.png(GradientThroughTimeChart.chart(norms));
    ChartImages.write(dir.resolve("gradient-through-time.png"), png);
    List<List<String>> table = new ArrayList<>();
    table.add(MemoryTable.HEADER);
    table.addAll(MemoryTable.rows(runs));
    List<ReportSection> sections = List.of(run.runFacts(),
        new ReportSection.Table("Results", table, "test MSE on held-out sequences; the "
            + "constant prediction 1 scores 0.167"),
        new ReportSection.Figure("Gradient through time at initialization", png,
            "mean ||dL/dx_t|| over the first test sequences, before training: how much the "
            + "loss after the last step can still feel the input at step t"),
        new ReportSection.Notes("What the columns mean", notes()),
        run.versionFacts());
    Path file = dir.resolve(FILE);
    new HtmlReport("Recurrent memory: the adding problem", run.command(), sections).write(file);
    return file;
  }

  private static Map<String, String> notes() {
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("grad step 1 / step T", "||dL/dx_1|| / ||dL/dx_T|| at initialization: near 1 the"
        + " gradient reaches the first step undiminished; 1e-3 and below, it has vanished");
    for (MemoryRun.Status s : MemoryRun.Status.values()) {
      notes.put(s.words(), switch (s) {
        case SOLVED -> "test MSE below " + MemoryRun.SOLVED_MSE + ": the net adds the two "
            + "marked values";
        case LEARNED -> "test MSE below half of 0.167: it uses the markers, not yet well";
        case NEVER_LEARNED -> "test MSE at or above half of 0.167: about the constant "
            + "prediction; the early marker is lost";
        case EXPLODED -> "test MSE finite but over " + (int) MemoryRun.EXPLODED_MULTIPLE
            + " times 0.167: the weights grew until the output is far worse than a constant";
        case DIVERGED -> "the loss became NaN or infinite; that run stopped";
      });
    }
    return notes;
  }
}
