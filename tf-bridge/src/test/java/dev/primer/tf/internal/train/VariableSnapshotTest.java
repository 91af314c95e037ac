package dev.primer.tf.internal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What fit copies to undo a diverged epoch: a step's weights and optimizer state, not its data. */
class VariableSnapshotTest {

  @Test
  void aStepsVariablesAreItsParametersAndOptimizerStateNotItsDataNorTheStepCounter() {
    try (Model model = Model.compile(Net.input(4).dense(5).relu().dense(3).softmax(), 1)) {
      CompiledGraph g = ModelGraphs.of(model);
      DataVariables data = new DataVariables(g.tf());
      TrainingGraph adam = new TrainingGraphs(g).prepare(data, dev.primer.tf.train.FitOptions
          .defaults().withOptimizer(Optimizer.adam(0.01)).withLoss(Loss.SOFTMAX_CROSS_ENTROPY));

      Map<String, ?> found = VariableSnapshot.variablesOf(adam.step().train(),
          List.of(data.features(), data.targets()));

      // 4 parameters, Adam's m and v for each, and the optimizer's settings (rate, betas, ...,
      // held in a variable so that a fit assigns them instead of adding ops)
      assertThat(found.keySet()).contains("dense_0/kernel", "dense_0/bias", "dense_1/kernel",
          "dense_1/bias");
      assertThat(found.keySet()).filteredOn(n -> n.endsWith("_m") || n.endsWith("_v"))
          .hasSize(8);
      assertThat(found.keySet()).filteredOn(n -> !n.startsWith("dense_"))
          .allMatch(n -> n.startsWith("optimizer_adam/"));
      assertThat(found.keySet()).noneMatch(n -> n.startsWith("data/") || n.equals("step"));
    }
  }

  @Test
  void restoreWritesBackWhatSaveCopied() {
    try (Model model = Model.compile(Net.input(4).dense(3).softmax(), 1)) {
      CompiledGraph g = ModelGraphs.of(model);
      Map<String, ParameterValues> before = model.weights();
      Map<String, org.tensorflow.Output<org.tensorflow.types.TFloat32>> params =
          new java.util.LinkedHashMap<>();
      g.variables().all().forEach((name, v) -> params.put(name, v.asOutput()));
      VariableSnapshot snapshot = VariableSnapshot.of(g, "test", params);
      assertThat(snapshot.values()).isEqualTo(4 * 3 + 3);
      assertThatThrownBy(snapshot::restore).isInstanceOf(IllegalStateException.class)
          .hasMessage("snapshot: nothing saved to restore");

      snapshot.save();
      model.setWeights(List.of(new ParameterValues("dense_0/bias",
          before.get("dense_0/bias").shape(), new float[] {7, 8, 9})));
      assertThat(model.weights().get("dense_0/bias").values()).containsExactly(7, 8, 9);
      snapshot.restore();

      before.forEach((name, v) -> assertThat(model.weights().get(name).values()).as(name)
          .containsExactly(v.values()));
    }
  }
}
