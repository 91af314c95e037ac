package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.base.Numbers;
import dev.primer.tf.compare.RunStatus;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The statuses in the help of compare and depth-sweep are written out for 10 classes; they must
 * say what {@link RunStatus} computes, and name every status it can give.
 */
class StatusHelpTest {

  @Test
  void theHelpStatesTheRulesThresholdsForTenClasses() {
    String learned = Math.round(100 * RunStatus.learnedAccuracy(10)) + "%";
    String offChance = Math.round(100 * RunStatus.offChanceAccuracy(10)) + "%";
    String exploded = Numbers.format(RunStatus.EXPLODED_FACTOR) + " ln 10 = "
        + String.format(Locale.ROOT, "%.2f", RunStatus.explodedLoss(10));
    for (String command : List.of("compare", "depth-sweep")) {
      CliRun help = CliRun.of(command, "--help");
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).as(command).contains(learned + " (for 10 classes")
          .contains("19% or more after the last").contains(offChance).contains(exploded);
      for (RunStatus.Kind kind : RunStatus.Kind.values()) {
        if (kind != RunStatus.Kind.FAILED) {
          assertThat(help.out()).as(command).contains("  " + kind.word() + " ");
        }
      }
    }
  }
}
