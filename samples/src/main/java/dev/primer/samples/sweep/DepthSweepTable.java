package dev.primer.samples.sweep;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.TextTable;
import dev.primer.tf.compare.DepthRuns;
import dev.primer.tf.compare.DepthSweepResult;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.compare.RunStatus;
import dev.primer.tf.compare.SeedMean;
import java.util.ArrayList;
import java.util.List;

/**
 * The table a depth sweep prints: one row per depth, one column per scheme, each cell the test
 * accuracy after the last epoch and the status ({@link RunStatus#ofGroup}), {@code 97.10%
 * learned}, {@code 85.40% slow start} or {@code 11.35% never learned}; with several seeds the
 * mean and its 95% interval over seeds ({@link SeedMean}), {@code 96.90% [96.41–97.39%]
 * learned}, and the status counts seeds.
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
        row.add(cell(depth.runsOf(scheme)));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * {@code 97.10% learned}; with seeds {@code 96.90% [96.41–97.39%] learned}; {@code diverged
   * at step 3}.
   */
  static String cell(List<SchemeRun> group) {
    if (group.isEmpty()) {
      return "-";
    }
    SeedMean mean = SeedMean.of(group.stream().map(SchemeRun::finalTestAccuracy).toList());
    String accuracy = mean.seeds() == 0 ? "" : Numbers.percent(mean.mean(), 2)
        + (mean.hasInterval() ? " [" + mean.intervalWords() + "]" : "") + " ";
    return accuracy + RunStatus.ofGroup(group);
  }
}
