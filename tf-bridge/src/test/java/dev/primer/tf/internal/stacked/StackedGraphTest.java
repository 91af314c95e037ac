package dev.primer.tf.internal.stacked;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.compare.Schemes;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each run of a stacked graph starts from bitwise the weights its own model starts from. */
class StackedGraphTest {

  @Test
  void eachRunStartsFromBitwiseTheWeightsOfItsOwnModel() {
    NetSpec base = Net.parse("input(12).dense(8).relu().dense(3).softmax()");
    List<String> schemes = List.of("he_normal", "orthogonal", "normal(0,0.5)", "he_normal");
    List<Long> seeds = List.of(5L, 6L, 5L, 6L);
    List<ResolvedNet> nets =
        schemes.stream().map(s -> base.withKernelInit(Schemes.parse(s)).resolve()).toList();
    try (StackedGraph graph = StackedGraph.create(nets, seeds, Optimizer.sgd(0.1),
        Loss.SOFTMAX_CROSS_ENTROPY, Device.CPU)) {
      assertThat(graph.runs()).isEqualTo(4);
      for (int r = 0; r < schemes.size(); r++) {
        try (Model alone = Model.compile(base.withKernelInit(Schemes.parse(schemes.get(r))),
            seeds.get(r))) {
          Map<String, ParameterValues> weights = alone.weights();
          assertThat(weights).hasSize(4);
          for (ParameterValues p : weights.values()) {
            assertThat(graph.values(p.name(), r)).as(schemes.get(r) + " " + p.name())
                .containsExactly(p.values());
          }
        }
      }
      // the runs differ where their scheme or seed does
      assertThat(graph.values("dense_0/kernel", 0))
          .isNotEqualTo(graph.values("dense_0/kernel", 3));
    }
  }
}
