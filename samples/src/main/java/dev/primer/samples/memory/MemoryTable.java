package dev.primer.samples.memory;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.TextTable;
import dev.primer.tf.compare.MemoryRun;
import java.util.ArrayList;
import java.util.List;

/** The text table of a recurrent memory experiment: one row per run. */
public final class MemoryTable {
  private MemoryTable() {
    throw new AssertionError("no instances");
  }

  /** The header of {@link #rows}. */
  public static final List<String> HEADER = List.of("cell", "recurrent init",
      "grad step 1 / step T", "final train MSE", "test MSE", "status", "seconds");

  /** The cells of each run's row, as the table, the CSV and the report show them. */
  public static List<List<String>> rows(List<MemoryRun> runs) {
    List<List<String>> rows = new ArrayList<>();
    for (MemoryRun run : runs) {
      List<Double> train = run.trainLoss();
      rows.add(List.of(run.cell().text(), run.scheme(), Numbers.threeDigits(run.atInit().decay()),
          train.isEmpty() ? "—" : Numbers.threeDigits(train.get(train.size() - 1)),
          Double.isFinite(run.testMse()) ? Numbers.threeDigits(run.testMse()) : "—",
          status(run), Numbers.fixed(run.seconds(), 1)));
    }
    return rows;
  }

  /** The status as people read it: a diverged run says at which step. */
  public static String status(MemoryRun run) {
    return run.divergedAtStep().isPresent()
        ? "diverged at step " + run.divergedAtStep().getAsLong() : run.status().words();
  }

  /** The table with its header, columns aligned. */
  public static String of(List<MemoryRun> runs) {
    List<List<String>> all = new ArrayList<>();
    all.add(HEADER);
    all.addAll(rows(runs));
    return TextTable.render(all, column -> column >= 2 && column != 5, 2);
  }
}
