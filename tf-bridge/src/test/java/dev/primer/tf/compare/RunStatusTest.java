package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.tf.train.FitResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one status rule, on constructed histories: one per status, and its boundaries. */
class RunStatusTest {

  private static final FitResult COMPLETED = new FitResult.Completed(List.of());

  /** Epochs 1, 2, ... with these test accuracies and training losses. */
  private static List<EpochRow> history(double[] accuracies, double... trainLosses) {
    List<EpochRow> rows = new ArrayList<>();
    for (int i = 0; i < accuracies.length; i++) {
      rows.add(new EpochRow(i + 1, trainLosses[i], 1.0, accuracies[i], i + 1));
    }
    return rows;
  }

  private static RunStatus.Kind kind(double[] accuracies, double... trainLosses) {
    return RunStatus.of(COMPLETED, history(accuracies, trainLosses), 10).kind();
  }

  @Test
  void theLearnedLevelRemovesHalfOfChancesError() {
    assertThat(RunStatus.learnedAccuracy(10)).isCloseTo(0.55, within(1e-15));
    assertThat(RunStatus.learnedAccuracy(2)).isCloseTo(0.75, within(1e-15));
    assertThat(RunStatus.explodedLoss(10)).isCloseTo(23.0259, within(1e-4));
    assertThat(kind(new double[] {0.55, 0.55}, 1, 1)).isEqualTo(RunStatus.Kind.LEARNED);
    assertThat(kind(new double[] {0.5499, 0.55}, 1, 1)).isEqualTo(RunStatus.Kind.SLOW_START);
    assertThat(kind(new double[] {0.5499, 0.5499}, 1, 1))
        .isEqualTo(RunStatus.Kind.PARTLY_LEARNED);
    assertThat(RunStatus.offChanceAccuracy(10)).isCloseTo(0.19, within(1e-15));
    assertThat(kind(new double[] {0.11, 0.19}, 2, 2)).isEqualTo(RunStatus.Kind.PARTLY_LEARNED);
    assertThat(kind(new double[] {0.11, 0.1899}, 2, 2)).isEqualTo(RunStatus.Kind.NEVER_LEARNED);
    assertThatThrownBy(() -> RunStatus.learnedAccuracy(1))
        .hasMessage("run status: needs at least 2 classes, got 1");
  }

  @Test
  void aNetAtTheLevelFromEpochOneLearned() {
    RunStatus status = RunStatus.of(COMPLETED,
        history(new double[] {0.892, 0.9015, 0.9363}, 0.745, 0.302, 0.156), 10);
    assertThat(status.kind()).isEqualTo(RunStatus.Kind.LEARNED);
    assertThat(status.describe()).isEqualTo("learned");
    assertThat(status.detail()).isEqualTo("test accuracy 89.20% after epoch 1 and 93.63% after"
        + " epoch 3, at or above the learned level 55.00%");
  }

  @Test
  void normalOneHundredthIsASlowStartNotAStall() {
    // the history of normal(0,0.01) in the default comparison, seed 42: at chance after epoch
    // 1, then 91.35% after epoch 10; the old epoch-1 rule called it stalled
    RunStatus status = RunStatus.of(COMPLETED, history(
        new double[] {0.125, 0.501, 0.78, 0.855, 0.874, 0.8945, 0.9, 0.908, 0.9145, 0.9135},
        2.299, 2.171, 0.985, 0.572, 0.45, 0.38, 0.33, 0.29, 0.26, 0.239), 10);
    assertThat(status.kind()).isEqualTo(RunStatus.Kind.SLOW_START);
    assertThat(status.detail()).isEqualTo("test accuracy 12.50% after epoch 1, below the learned"
        + " level 55.00%; reached it after epoch 3, 91.35% after epoch 10");
  }

  @Test
  void aNetThatLearnedAndLostItCollapsed() {
    assertThat(kind(new double[] {0.6, 0.9, 0.3}, 1, 0.3, 5)).isEqualTo(RunStatus.Kind.COLLAPSED);
  }

  @Test
  void aCompletedRunWithAHugeLossAndChanceAccuracyExplodedIsNotOk() {
    RunStatus status = RunStatus.of(COMPLETED,
        history(new double[] {0.113, 0.127}, 3.1e22, 4.9e21), 10);
    assertThat(status.kind()).isEqualTo(RunStatus.Kind.EXPLODED);
    assertThat(status.word()).isEqualTo("exploded");
    assertThat(status.detail()).isEqualTo("test accuracy never reached the learned level 55.00%"
        + " (best 12.70% after epoch 2); training loss 4.90e+21 in epoch 2, above 10 ln 10"
        + " = 23.03");
    // just under ten times chance's loss is not exploded, and a net that learned with a large
    // loss learned
    assertThat(kind(new double[] {0.12}, 23.0)).isEqualTo(RunStatus.Kind.NEVER_LEARNED);
    assertThat(kind(new double[] {0.9}, 1e6)).isEqualTo(RunStatus.Kind.LEARNED);
  }

  @Test
  void aDeepNetThatLeftChanceButNeverReachedTheLevelPartlyLearned() {
    // depth 20 under Glorot in the depth sweep: at chance for epochs, then climbing to 50.55%
    RunStatus status = RunStatus.of(COMPLETED, history(
        new double[] {0.117, 0.117, 0.117, 0.2, 0.3, 0.4, 0.5055}, 2.3, 2.3, 2.3, 2.1, 1.9, 1.6,
        1.3), 10);
    assertThat(status.kind()).isEqualTo(RunStatus.Kind.PARTLY_LEARNED);
    assertThat(status.detail()).isEqualTo("test accuracy never reached the learned level 55.00%"
        + " (best 50.55% after epoch 7); 50.55% after epoch 7, at or above 19.00%, off chance");
  }

  @Test
  void zeroInitNeverLearned() {
    RunStatus status = RunStatus.of(COMPLETED,
        history(new double[] {0.117, 0.117, 0.117}, 2.302, 2.301, 2.301), 10);
    assertThat(status.kind()).isEqualTo(RunStatus.Kind.NEVER_LEARNED);
    assertThat(status.word()).isEqualTo("never learned");
    assertThat(status.detail()).isEqualTo("test accuracy never reached the learned level 55.00%"
        + " (best 11.70% after epoch 1); 11.70% after epoch 3, below 19.00%, at chance");
    assertThat(RunStatus.of(COMPLETED, List.of(), 10).detail()).isEqualTo("no epoch completed");
  }

  @Test
  void aNonFiniteLossDivergedWhateverTheHistory() {
    FitResult diverged = new FitResult.Diverged(2, 5, 130, Double.NaN, List.of());
    RunStatus status = RunStatus.of(diverged, history(new double[] {0.9}, 0.3), 10);
    assertThat(status.kind()).isEqualTo(RunStatus.Kind.DIVERGED);
    assertThat(status.step()).isEqualTo(130);
    assertThat(status.describe()).isEqualTo("diverged at step 130");
    assertThat(RunStatus.failed("device lost").describe()).isEqualTo("failed: device lost");
  }

  @Test
  void aStepBelongsToADivergedRunOnly() {
    assertThatThrownBy(() -> new RunStatus(RunStatus.Kind.LEARNED, "", 3))
        .hasMessage("a run status has a step exactly when it diverged; got learned at step 3");
  }

  @Test
  void everyWordReadsBack() {
    for (RunStatus.Kind kind : RunStatus.Kind.values()) {
      assertThat(RunStatus.Kind.ofWord(kind.word())).isEqualTo(kind);
    }
    assertThatThrownBy(() -> RunStatus.Kind.ofWord("ok")).hasMessage("unknown run status 'ok';"
        + " known: [learned, slow start, collapsed, exploded, partly learned, never learned,"
        + " diverged, failed]");
  }

  @Test
  void aGroupOfSeedsIsTalliedInOrderOfFirstAppearance() {
    assertThat(RunStatus.tally(List.of("learned", "learned"))).isEqualTo("learned");
    assertThat(RunStatus.tally(List.of("slow start", "learned", "learned")))
        .isEqualTo("slow start 1/3, learned 2/3");
    RunStatus learned = RunStatus.ofHistory(history(new double[] {0.9}, 0.3), 10);
    SchemeRun one = new SchemeRun("s", 1, history(new double[] {0.9}, 0.3), learned, 1);
    SchemeRun two = new SchemeRun("s", 2, List.of(), RunStatus.diverged("d", 7), 1);
    assertThat(RunStatus.ofGroup(List.of(two))).isEqualTo("diverged at step 7");
    assertThat(RunStatus.ofGroup(List.of(one, two))).isEqualTo("learned 1/2, diverged 1/2");
  }
}
