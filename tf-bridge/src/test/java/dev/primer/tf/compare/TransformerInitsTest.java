package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.tf.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transformer comparison on a tiny plan (1 block of width 8, 4 tokens, 2 epochs of 100
 * sequences): every scheme runs on its own net variant and gives finite accuracy curves, and
 * bad plans are refused before anything trains.
 */
class TransformerInitsTest {

  static TransformerInitsPlan tiny() {
    return TransformerInitsPlan.defaults().withTask(TransformerInitsPlan.Task.REVERSE, 4, 4)
        .withNet(1, 8, 2, 8).withTraining(100, 40, 2, 20).withSeeds(List.of(1L, 2L))
        .withLearningRate(0.01);
  }

  @Test
  void everySchemeAndSeedGivesAFiniteCurveInThePlansOrder() {
    TransformerInitsPlan plan = tiny();
    TransformerInitsResult result = TransformerInits.run(plan, ComparisonListener.NONE);
    assertThat(result.complete()).isTrue();
    assertThat(result.runs()).hasSize(plan.schemes().size() * 2);
    for (TransformerScheme scheme : plan.schemes()) {
      assertThat(result.runsOf(scheme)).extracting(SchemeRun::seed).containsExactly(1L, 2L);
      for (List<Double> curve : result.accuracyCurves(scheme)) {
        assertThat(curve).as(scheme.text()).hasSize(2)
            .allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
      }
      for (SchemeRun run : result.runsOf(scheme)) {
        assertThat(run.status().kind()).as(scheme.text())
            .isNotIn(RunStatus.Kind.FAILED, RunStatus.Kind.DIVERGED);
        assertThat(run.finalTrainLoss()).as(scheme.text()).isFinite();
      }
      SeedMean mean = result.finalAccuracy(scheme);
      assertThat(mean.seeds()).isEqualTo(2);
      assertThat(mean.mean()).isBetween(0.0, 1.0);
    }
    // the same seed and data give the same run: the curves are the plan's, not the clock's
    TransformerInitsResult again = TransformerInits.run(
        plan.withSchemes(List.of(TransformerScheme.XAVIER)).withSeeds(List.of(1L)),
        ComparisonListener.NONE);
    assertThat(again.accuracyCurves(TransformerScheme.XAVIER).get(0))
        .isEqualTo(result.accuracyCurves(TransformerScheme.XAVIER).get(0));
  }

  @Test
  void eachSchemeTrainsItsOwnNetVariant() {
    TransformerInitsPlan plan = tiny();
    String xavier = plan.net(TransformerScheme.XAVIER).toString();
    String mimetic = plan.net(TransformerScheme.MIMETIC).toString();
    String rezero = plan.net(TransformerScheme.REZERO).toString();
    assertThat(xavier).isEqualTo("input(4).embedding(4,8).positionalEmbedding()"
        + ".repeat(1,residual(multiHeadAttention(2,4)).layerNorm()"
        + ".residual(dense(8).relu().dense(8)).layerNorm()).dense(4).softmax()");
    assertThat(mimetic).isEqualTo(xavier.replace("multiHeadAttention(2,4)",
        "multiHeadAttention(2,4).init(mimetic)"));
    assertThat(rezero).doesNotContain("layerNorm").contains("scaled(0");
    String tFixup = plan.net(TransformerScheme.T_FIXUP).toString();
    assertThat(tFixup).doesNotContain("layerNorm").doesNotContain("scaled")
        .contains("t_fixup");
    assertThat(plan.net(TransformerScheme.GPT2).toString()).contains("layerNorm", "gpt2");
    // T-Fixup's embeddings follow its rule, not AUTO: N(0, (9N)^(-1/4) d^(-1/2)), N = 1, d = 8
    assertThat(plan.net(TransformerScheme.T_FIXUP).resolve()
        .parameter("embedding_0/embeddings").orElseThrow().blocks().get(0).sampler())
        .isEqualTo(new dev.primer.dsl.init.Normal(0, Math.pow(9, -0.25) / Math.sqrt(8)));
    for (TransformerScheme scheme : TransformerScheme.values()) {
      assertThat(scheme.layerNorm()).isEqualTo(plan.net(scheme).toString()
          .contains("layerNorm"));
    }
  }

  @Test
  void aStopRequestEndsTheComparisonWithTheRunsSoFar() {
    int[] finished = {0};
    TransformerInitsResult result = TransformerInits.run(
        tiny().withSchemes(List.of(TransformerScheme.REZERO)), new ComparisonListener() {
          @Override
          public void runFinished(SchemeRun run) {
            finished[0]++;
          }

          @Override
          public boolean stopRequested() {
            return finished[0] == 1;
          }
        });
    assertThat(result.runs()).hasSize(1);
    assertThat(result.complete()).isFalse();
  }

  @Test
  void badPlansAreRefusedNamingTheValue() {
    TransformerInitsPlan plan = TransformerInitsPlan.defaults();
    assertThatThrownBy(() -> plan.withNet(2, 30, 4, 64))
        .hasMessageContaining("width 30 is not a multiple of 4 heads");
    assertThatThrownBy(() -> plan.withTraining(40, 10, 1, 50))
        .hasMessageContaining("batch size 50 is larger than the 40 training examples");
    assertThatThrownBy(() -> plan.withSchemes(List.of(TransformerScheme.XAVIER,
        TransformerScheme.XAVIER))).hasMessageContaining("given twice");
    assertThatThrownBy(() -> plan.withLearningRate(Double.NaN))
        .hasMessageContaining("learning rate");
    assertThatThrownBy(() -> plan.withTask(TransformerInitsPlan.Task.SORT, 1, 10))
        .hasMessageContaining("length must be at least 2, got 1");
    assertThatThrownBy(() -> plan.with(1, null)).hasMessageContaining("device");
    assertThatThrownBy(() -> TransformerScheme.named("fixup"))
        .hasMessageContaining("unknown transformer scheme 'fixup'")
        .hasMessageContaining("rezero, t_fixup, gpt2");
    assertThatThrownBy(() -> TransformerInitsPlan.Task.named("copy"))
        .hasMessageContaining("known: reverse, sort");
    // the defaults themselves are a valid plan whose every net resolves
    plan.checkNets();
    assertThat(plan.runs()).isEqualTo(TransformerScheme.values().length * 3);
    assertThat(plan.device()).isEqualTo(Device.CPU);
  }
}
