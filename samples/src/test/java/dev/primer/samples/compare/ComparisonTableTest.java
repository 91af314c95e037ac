package dev.primer.samples.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.tf.compare.EpochRow;
import dev.primer.tf.compare.RunStatus;
import dev.primer.tf.compare.SchemeRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison's table with one seed and with several: the interval and the mark. */
class ComparisonTableTest {

  /** A run of one epoch ending at {@code accuracy}. */
  private static SchemeRun run(String scheme, long seed, double accuracy) {
    List<EpochRow> rows = List.of(new EpochRow(1, 0.25, 0.3, accuracy, 2));
    return new SchemeRun(scheme, seed, rows, RunStatus.ofHistory(rows, 10), 2);
  }

  private static List<SchemeRun> threeSeeds() {
    List<SchemeRun> runs = new ArrayList<>();
    double[][] accuracies = {{0.9295, 0.9330, 0.9285}, {0.9355, 0.9380, 0.9355},
        {0.9355, 0.9315, 0.9345}, {0.117, 0.117, 0.117}};
    String[] schemes = {"glorot_uniform", "he_normal", "auto", "zeros"};
    for (int s = 0; s < schemes.length; s++) {
      for (int seed = 0; seed < 3; seed++) {
        runs.add(run(schemes[s], 42 + seed, accuracies[s][seed]));
      }
    }
    return runs;
  }

  @Test
  void severalSeedsGiveTheMeanItsIntervalAndTheMarkAgainstTheBest() {
    List<List<String>> rows = ComparisonTable.rows(threeSeeds(), 1);
    assertThat(rows.get(0)).containsExactly("scheme", "acc@1", "train loss", "test acc (mean)",
        "95% interval", "vs best", "time", "status");
    assertThat(rows.get(1)).containsExactly("glorot_uniform", "93.03%", "0.2500", "93.03%",
        "92.45–93.62%", "below (p = 0.009)", "2.0 s", "learned");
    assertThat(rows.get(2).subList(4, 6)).containsExactly("93.27–93.99%", "best");
    assertThat(rows.get(3).get(5)).isEqualTo("≈ best (p = 0.342)");
    // every seed of zeros at 11.70%: no spread, an interval of width 0
    assertThat(rows.get(4).subList(4, 8)).containsExactly("11.70–11.70%", "below (p < 0.001)",
        "2.0 s", "never learned");
    assertThat(ComparisonTable.note(threeSeeds())).isEmpty();
    assertThat(ComparisonTable.of(threeSeeds(), 1)).contains("≈ best (p = 0.342)")
        .doesNotContain("one seed");
  }

  @Test
  void oneSeedSaysItHasNoIntervalAndNoTest() {
    List<SchemeRun> runs = List.of(run("glorot_uniform", 42, 0.9445), run("he_normal", 42,
        0.9505));
    List<List<String>> rows = ComparisonTable.rows(runs, 1);
    assertThat(rows.get(0)).containsExactly("scheme", "acc@1", "train loss", "test acc", "time",
        "status");
    assertThat(ComparisonTable.of(runs, 1)).endsWith("one seed: no interval and no test against"
        + " the best (use --seeds 2 or more)\n");
  }

  @Test
  void theSummaryCsvLeavesWhatDoesNotExistEmpty() {
    String csv = ResultsFiles.summaryCsv(List.of(run("he_normal", 42, 0.95)));
    assertThat(csv.lines()).containsExactly(ResultsFiles.SUMMARY_CSV_HEADER,
        "he_normal,1,0.950000,,,,best,1.00000,learned");
  }
}
