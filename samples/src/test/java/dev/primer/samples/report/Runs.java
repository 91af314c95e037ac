package dev.primer.samples.report;

import dev.primer.tf.compare.EpochRow;
import dev.primer.tf.compare.RunStatus;
import dev.primer.tf.compare.SchemeRun;
import java.util.ArrayList;
import java.util.List;

/** Made-up runs for chart and report tests: losses fall and accuracies rise by seed. */
final class Runs {
  private Runs() {}

  /** A run of {@code epochs} epochs whose loss starts at {@code loss0} and halves each epoch. */
  static SchemeRun run(String scheme, long seed, int epochs, double loss0, double acc0) {
    List<EpochRow> rows = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      double loss = loss0 / Math.pow(2, e - 1) + 0.01 * seed;
      rows.add(new EpochRow(e, loss, loss * 1.1, Math.min(0.99, acc0 + 0.05 * e + 0.01 * seed),
          e * 1.5));
    }
    return new SchemeRun(scheme, seed, rows, RunStatus.ofHistory(rows, 10), epochs * 1.5);
  }

  /** Two schemes, three seeds each, five epochs. */
  static List<SchemeRun> twoSchemesThreeSeeds() {
    List<SchemeRun> runs = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      runs.add(run("glorot_uniform", seed, 5, 2.3, 0.5));
    }
    for (long seed = 1; seed <= 3; seed++) {
      runs.add(run("he_normal", seed, 5, 1.5, 0.7));
    }
    return runs;
  }
}
