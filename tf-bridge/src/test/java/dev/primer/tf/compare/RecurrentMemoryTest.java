package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.tf.data.AddingProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RecurrentMemoryTest {

  @Test
  void runsEveryCellUnderEverySchemeAndHandsEachRunOverAsItEnds() {
    RecurrentMemoryPlan plan = RecurrentMemoryPlan.defaults()
        .withCells(List.of(RecurrentCell.RELU_RNN, RecurrentCell.GRU))
        .withSchemes(Schemes.parseList("identity,glorot_uniform"))
        .withLength(8).withTraining(2048, 256, 3)
        .withOptimizer(dev.primer.tf.train.Optimizer.adam(0.01), 1.0);
    List<MemoryRun> heard = new ArrayList<>();
    List<MemoryRun> runs = RecurrentMemory.run(plan, heard::add);
    assertThat(runs).hasSize(4).isEqualTo(heard);
    assertThat(runs).extracting(r -> r.cell().text() + "/" + r.scheme()).containsExactly(
        "relu_rnn/identity", "relu_rnn/glorot_uniform", "gru/identity", "gru/glorot_uniform");
    for (MemoryRun run : runs) {
      assertThat(run.atInit().steps()).isEqualTo(8);
      if (run.status() != MemoryRun.Status.DIVERGED) {
        assertThat(run.trainLoss()).hasSize(3);
        assertThat(run.testMse()).isFinite();
      }
    }
    // a GRU learns the 8-step task well below the constant predictor within 3 short epochs
    MemoryRun gru = runs.get(3);
    assertThat(gru.testMse()).isLessThan(MemoryRun.LEARNED_FRACTION * AddingProblem.BASELINE_MSE);
  }

  @Test
  void aStatusFollowsTheTestErrorAgainstTheBaseline() {
    assertThat(run(0.005, OptionalLong.empty()).status()).isEqualTo(MemoryRun.Status.SOLVED);
    assertThat(run(0.05, OptionalLong.empty()).status()).isEqualTo(MemoryRun.Status.LEARNED);
    assertThat(run(0.16, OptionalLong.empty()).status())
        .isEqualTo(MemoryRun.Status.NEVER_LEARNED);
    assertThat(run(1.7e9, OptionalLong.empty()).status()).isEqualTo(MemoryRun.Status.EXPLODED);
    assertThat(run(Double.NaN, OptionalLong.of(7)).status())
        .isEqualTo(MemoryRun.Status.DIVERGED);
  }

  @Test
  void aSchemeThatCannotInitializeARecurrentKernelIsRefusedBeforeTraining() {
    RecurrentMemoryPlan plan = RecurrentMemoryPlan.defaults()
        .withCells(List.of(RecurrentCell.LSTM))
        .withSchemes(Schemes.parseList("delta_orthogonal"));
    assertThatThrownBy(() -> RecurrentMemory.run(plan, r -> {
      throw new AssertionError("nothing may train");
    })).hasMessageContaining("lstm with recurrent init delta_orthogonal");
  }

  @Test
  void unknownCellsAreNamedWithTheAllowedOnes() {
    assertThatThrownBy(() -> RecurrentCell.named("transformer"))
        .hasMessageContaining("unknown recurrent cell 'transformer'")
        .hasMessageContaining("simple_rnn, relu_rnn, lstm, gru");
  }

  private static MemoryRun run(double mse, OptionalLong diverged) {
    return new MemoryRun(RecurrentCell.LSTM, "orthogonal",
        new dev.primer.tf.diagnose.GradientThroughTime(new double[] {1, 1}), List.of(0.1), mse,
        diverged, 1);
  }
}
