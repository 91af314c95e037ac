package dev.primer.tf.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Fixtures;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frozen layers after a fit, for every optimizer Primer has: their parameters (batch norm's
 * gamma, beta and moving statistics included) are bitwise what they were, while the layers that
 * are not frozen change (so the test would see an optimizer that ignores freezing, or one that
 * trains nothing).
 */
class FrozenTrainingTest {

  /** A frozen dense body, a frozen batch norm, then a trainable dense and batch norm and head. */
  private static final NetSpec NET = Net.input(6).dense(8).relu().frozen().batchNorm().frozen()
      .dense(8).relu().batchNorm().dense(3).softmax();

  static java.util.List<String> optimizers() {
    return OptimizerNames.NAMES;
  }

  @ParameterizedTest
  @MethodSource("optimizers")
  void frozenParametersAreBitwiseUnchangedAfterFit(String optimizer) {
    InMemoryDataset data = Fixtures.blobs(96, 6, 3, 7);
    try (Model model = Model.compile(NET, 11)) {
      // moving statistics that differ from their init, so "unchanged" is not "still 0 and 1"
      model.setWeights(List.of(
          new ParameterValues("batch_norm_0/moving_mean", Shape.of(8),
              new float[] {0.5f, -1, 2, 0.25f, 0, 1, -0.5f, 3}),
          new ParameterValues("batch_norm_0/moving_variance", Shape.of(8),
              new float[] {2, 0.5f, 1.5f, 4, 1, 0.75f, 3, 0.25f})));
      Map<String, ParameterValues> before = model.weights();
      FitResult result = model.fit(data, FitOptions.defaults().withEpochs(1).withBatchSize(16)
          .withOptimizer(OptimizerNames.of(optimizer)));
      assertThat(result).isInstanceOf(FitResult.Completed.class);
      Map<String, ParameterValues> after = model.weights();
      for (String frozen : new String[] {"dense_0/kernel", "dense_0/bias", "batch_norm_0/gamma",
          "batch_norm_0/beta", "batch_norm_0/moving_mean", "batch_norm_0/moving_variance"}) {
        assertThat(after.get(frozen).values()).as(optimizer + " " + frozen)
            .isEqualTo(before.get(frozen).values());
      }
      for (String trained : new String[] {"dense_1/kernel", "dense_1/bias",
          "batch_norm_1/gamma", "batch_norm_1/beta", "batch_norm_1/moving_mean",
          "batch_norm_1/moving_variance", "dense_2/kernel", "dense_2/bias"}) {
        assertThat(after.get(trained).values()).as(optimizer + " " + trained)
            .isNotEqualTo(before.get(trained).values());
      }
    }
  }
}
