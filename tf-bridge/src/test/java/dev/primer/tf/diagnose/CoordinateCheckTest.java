package dev.primer.tf.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The coordinate check's property, on a small fast configuration (widths 32 to 256, 3 Adam
 * steps, one seed): under muP every layer's coordinate size after the steps stays flat with the
 * width, under the standard parametrization the logits grow with it.
 */
class CoordinateCheckTest {
  private static final NetSpec NET =
      Net.input(32).dense(64).relu().dense(64).relu().dense(10).softmax();

  private static InMemoryDataset data() {
    Random r = new Random(8);
    float[][] x = new float[64][32];
    int[] y = new int[64];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 32; j++) {
        x[i][j] = (float) r.nextGaussian();
      }
      y[i] = r.nextInt(10);
    }
    return InMemoryDataset.ofClasses(x, y, 10);
  }

  @Test
  void underMupSizesStayFlatWithWidthAndUnderSpTheLogitsGrow() {
    CoordinateCheckPlan plan = CoordinateCheckPlan.defaults().withNet(NET)
        .withWidths(List.of(32, 64, 128, 256)).withBaseWidth(32).withSteps(3)
        .withSeeds(List.of(1L)).withBatchSize(64).withOptimizer(Optimizer.adam(0.01));
    CoordinateCheckResult result = CoordinateCheck.run(plan, data());
    assertThat(result.layers()).containsExactly("dense_0", "dense_1", "dense_2");
    assertThat(result.sizes()).hasSize(2 * 4 * 4 * 3); // 2 parametrizations x 4 widths x 4 measures x 3 layers
    // after 3 steps: SP's logits grow about as width^0.5 here (8x wider, ~3x larger) ...
    assertThat(result.slope("standard", 3, "dense_2")).isGreaterThan(0.3);
    // ... muP's layers keep their size: within width^+-0.15 (8x wider, within a factor 1.37)
    for (String layer : result.layers()) {
      assertThat(Math.abs(result.slope("mup(32)", 3, layer))).as(layer).isLessThan(0.15);
    }
    // at initialization the two differ only in the output layer, whose muP logits shrink as
    // width^-1/2 (output weights of fixed variance, times base / width)
    assertThat(result.mean("mup(32)", 32, 0, "dense_1"))
        .isEqualTo(result.mean("standard", 32, 0, "dense_1"));
    assertThat(result.slope("mup(32)", 0, "dense_2")).isLessThan(-0.3);
  }

  @Test
  void aBadPlanIsRefusedBeforeAnyRun() {
    CoordinateCheckPlan plan = CoordinateCheckPlan.defaults();
    assertThatThrownBy(() -> plan.withWidths(List.of(128, 64)))
        .hasMessage("coordinate check: widths must be > 0 and ascending, got [128, 64]");
    assertThatThrownBy(() -> plan.withWidths(List.of(64)))
        .hasMessage("coordinate check: needs at least two widths, got [64]");
    assertThatThrownBy(() -> plan.withNet(NET.mup(64)))
        .hasMessage("coordinate check: the net sets its own parametrization mup(64); give it"
            + " without one (the check runs both)");
    assertThatThrownBy(() -> plan.withNet(Net.input(8, 8, 1).conv2d(4, 3).flatten().dense(2)))
        .hasMessageContaining("layer 0 (conv2d): mup(64) covers chains of dense layers");
  }
}
