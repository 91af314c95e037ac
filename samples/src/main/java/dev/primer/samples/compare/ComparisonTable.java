package dev.primer.samples.compare;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.TextTable;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.compare.SchemeSummary;
import dev.primer.tf.compare.SeedMean;
import dev.primer.tf.compare.VersusBest;
import dev.primer.tf.data.Statistics;
import java.util.ArrayList;
import java.util.List;

/**
 * The table a comparison prints: one row per scheme with its test accuracy after each epoch,
 * final training loss, final test accuracy, wall time and status. With several seeds the numbers
 * are means over seeds, the final accuracy has its 95% interval ({@link SeedMean}) and a mark
 * against the best scheme ({@link VersusBest}: {@code best}, {@code ≈ best (p = 0.41)} or
 * {@code below (p = 0.003)}), and the status counts seeds. With one seed there is no interval and
 * no test: the table leaves those columns out and {@link #note} says so.
 */
public final class ComparisonTable {
  private ComparisonTable() {
    throw new AssertionError("no instances");
  }

  /** The table of {@code runs} for {@code epochs} epochs, with its {@link #note} if any. */
  public static String of(List<SchemeRun> runs, int epochs) {
    List<List<String>> rows = rows(runs, epochs);
    List<String> header = rows.get(0);
    List<String> leftAligned = List.of("scheme", "vs best", "status");
    String note = note(runs);
    return TextTable.render(rows, c -> !leftAligned.contains(header.get(c)), 2)
        + (note.isEmpty() ? "" : note + "\n");
  }

  /** The same table as cells, the header first (for the HTML report). */
  public static List<List<String>> rows(List<SchemeRun> runs, int epochs) {
    List<SchemeSummary> summaries = SchemeSummary.of(runs);
    boolean seeds = severalSeeds(summaries);
    List<Integer> shown = shownEpochs(epochs);
    List<String> header = new ArrayList<>(List.of("scheme"));
    for (int e : shown) {
      header.add("acc@" + e);
    }
    header.addAll(List.of("train loss", seeds ? "test acc (mean)" : "test acc"));
    if (seeds) {
      header.addAll(List.of("95% interval", "vs best"));
    }
    header.addAll(List.of("time", "status"));
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (SchemeSummary summary : summaries) {
      List<SchemeRun> group = summary.runs();
      List<String> row = new ArrayList<>(List.of(summary.scheme()));
      for (int epoch : shown) {
        row.add(Numbers.percent(Statistics.mean(group.stream().map(r -> r.epochs().size() >= epoch
            ? r.epochs().get(epoch - 1).testAccuracy() : Double.NaN).toList()), 2));
      }
      row.add(Numbers.fixed(
          Statistics.mean(group.stream().map(SchemeRun::finalTrainLoss).toList()), 4));
      row.add(Numbers.percent(summary.finalAccuracy().mean(), 2));
      if (seeds) {
        row.add(summary.finalAccuracy().intervalWords());
        row.add(summary.versusBest().describe());
      }
      row.add(Numbers.fixed(Statistics.mean(group.stream().map(SchemeRun::seconds).toList()), 1)
          + " s");
      row.add(summary.status());
      rows.add(row);
    }
    return rows;
  }

  /**
   * What the table cannot say: {@code one seed: no interval, no test against the best ...} when
   * every scheme ran with one seed; empty otherwise.
   */
  public static String note(List<SchemeRun> runs) {
    return severalSeeds(SchemeSummary.of(runs)) ? ""
        : "one seed: no interval and no test against the best (use --seeds 2 or more)";
  }

  private static boolean severalSeeds(List<SchemeSummary> summaries) {
    return summaries.stream().anyMatch(s -> s.runs().size() > 1);
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
}
