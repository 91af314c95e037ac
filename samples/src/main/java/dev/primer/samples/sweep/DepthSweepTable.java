package dev.primer.samples.sweep;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.TextTable;
import dev.primer.tf.compare.DepthRuns;
import dev.primer.tf.compare.DepthSweepResult;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.compare.SweepStatus;
import dev.primer.tf.data.Statistics;
import java.util.ArrayList;
import java.util.List;

/**
 * The table a depth sweep prints: one row per depth, one column per scheme, each cell the test
 * accuracy after the last epoch and the status ({@link SweepStatus}), {@code 97.10% ok},
 * {@code 85.40% slow start} or {@code 11.35% stalled};
 * with several seeds the mean and sample standard deviation, {@code 96.9 ± 0.2% ok}, and the
 * status counts seeds.
 */
public final class DepthSweepTable {
  private DepthSweepTable() {
    throw new AssertionError("no instances");
  }

  /** The table as text, columns aligned. */
  public static String of(DepthSweepResult result) {
    return TextTable.render(rows(result), c -> c == 0, 3);
  }

  /** The table as cells, the header first. */
  public static List<List<String>> rows(DepthSweepResult result) {
    List<String> schemes = new ArrayList<>(result.plan().schemes().keySet());
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("depth"));
    header.addAll(schemes);
    rows.add(header);
    for (DepthRuns depth : result.depths()) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(depth.depth())));
      for (String scheme : schemes) {
        row.add(cell(depth.runsOf(scheme), result.classes()));
      }
      rows.add(row);
    }
    return rows;
  }

  /** {@code 97.10% ok}; with seeds {@code 96.90 ± 0.20% ok}; {@code diverged at step 3}. */
  static String cell(List<SchemeRun> group, int classes) {
    if (group.isEmpty()) {
      return "-";
    }
    List<Double> finals = group.stream().map(SchemeRun::finalTestAccuracy).toList();
    double mean = Statistics.mean(finals);
    String accuracy;
    if (!Double.isFinite(mean)) {
      accuracy = "";
    } else if (group.size() == 1) {
      accuracy = Numbers.percent(mean, 2) + " ";
    } else {
      double sd = Statistics.sampleStd(finals);
      accuracy = Numbers.fixed(100 * mean, 2) + " ± " + Numbers.fixed(100 * sd, 2) + "% ";
    }
    return accuracy + SweepStatus.of(group, classes);
  }
}
