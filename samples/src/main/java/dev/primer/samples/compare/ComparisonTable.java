package dev.primer.samples.compare;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.TextTable;
import dev.primer.tf.compare.RunStatus;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.data.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table a comparison prints: one row per scheme with its test accuracy after each epoch,
 * final training loss, final test accuracy, wall time and status. With several seeds the numbers
 * are means, the final accuracy has its sample standard deviation, and the status counts seeds.
 */
public final class ComparisonTable {
  private ComparisonTable() {
    throw new AssertionError("no instances");
  }

  /** The table of {@code runs} for {@code epochs} epochs. */
  public static String of(List<SchemeRun> runs, int epochs) {
    List<List<String>> rows = rows(runs, epochs);
    int last = rows.get(0).size() - 1;
    return TextTable.render(rows, c -> c != 0 && c != last, 2);
  }

  /** The same table as cells, the header first (for the HTML report). */
  public static List<List<String>> rows(List<SchemeRun> runs, int epochs) {
    Map<String, List<SchemeRun>> byScheme = new LinkedHashMap<>();
    runs.forEach(r -> byScheme.computeIfAbsent(r.scheme(), k -> new ArrayList<>()).add(r));
    boolean seeds = byScheme.values().stream().anyMatch(l -> l.size() > 1);
    List<Integer> shown = shownEpochs(epochs);
    List<String> header = new ArrayList<>(List.of("scheme"));
    for (int e : shown) {
      header.add("acc@" + e);
    }
    header.addAll(List.of("train loss", seeds ? "test acc (mean ± sd)" : "test acc", "time",
        "status"));
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (Map.Entry<String, List<SchemeRun>> entry : byScheme.entrySet()) {
      List<SchemeRun> group = entry.getValue();
      List<String> row = new ArrayList<>(List.of(entry.getKey()));
      for (int epoch : shown) {
        row.add(Numbers.percent(Statistics.mean(group.stream().map(r -> r.epochs().size() >= epoch
            ? r.epochs().get(epoch - 1).testAccuracy() : Double.NaN).toList()), 2));
      }
      row.add(Numbers.fixed(
          Statistics.mean(group.stream().map(SchemeRun::finalTrainLoss).toList()), 4));
      List<Double> finals = group.stream().map(SchemeRun::finalTestAccuracy).toList();
      row.add(Numbers.percent(Statistics.mean(finals), 2)
          + (seeds ? " ± " + Numbers.fixed(100 * Statistics.sampleStd(finals), 2) : ""));
      row.add(Numbers.fixed(Statistics.mean(group.stream().map(SchemeRun::seconds).toList()), 1)
          + " s");
      row.add(status(group));
      rows.add(row);
    }
    return rows;
  }

  /**
   * The epochs with an accuracy column: all of them up to 6, else the first three, the middle
   * one and the last two (the CSV and JSON files have every epoch).
   */
  static List<Integer> shownEpochs(int epochs) {
    if (epochs <= 6) {
      return java.util.stream.IntStream.rangeClosed(1, epochs).boxed().toList();
    }
    return new ArrayList<>(new java.util.TreeSet<>(
        List.of(1, 2, 3, (epochs + 1) / 2, epochs - 1, epochs)));
  }

  /** "ok", or for mixed outcomes over seeds "ok 2/3, diverged 1/3" ({@link RunStatus#tally}). */
  static String status(List<SchemeRun> group) {
    return RunStatus.tally(group.stream().map(r -> group.size() == 1 ? r.status().describe()
        : r.status().word()).toList());
  }



}
