package dev.primer.tf.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.bench.GraphBuildTimer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The graph's names do not depend on how its name scopes are made: saved weights, SavedModel
 * exports and diagnostics find parameters and passes by these names. The expected list
 * (compiled-graph-names.txt) was written by the graph builder of commit b0d51a8, which made each
 * scope in passing, before the scopes were made ahead of the ops (linear-time building, {@link
 * ForwardBuilder#scopes}).
 */
class GraphNamesTest {

  /** A net with every kind of parameter role the MLPs and conv nets use, batch norm included. */
  static final NetSpec SMALL = Net.input(6, 6, 1).conv2d(4, 3).relu().maxPool2d(2).flatten()
      .dense(16).relu().batchNorm().dropout(0.1).dense(8).tanh().dense(3).softmax();

  @Test
  void everyOpOfACompiledSmallNetKeepsItsName() throws IOException {
    List<String> expected;
    try (InputStream in = getClass().getResourceAsStream("compiled-graph-names.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    try (Model model = Model.compile(SMALL, 3)) {
      assertThat(withInitScopesOnly(opNames(model)))
          .containsExactlyElementsOf(withInitScopesOnly(expected));
      assertThat(model.weights().keySet()).containsExactly(
          "conv2d_0/kernel", "conv2d_0/bias", "dense_0/kernel", "dense_0/bias",
          "batch_norm_0/gamma", "batch_norm_0/beta", "batch_norm_0/moving_mean",
          "batch_norm_0/moving_variance", "dense_1/kernel", "dense_1/bias", "dense_2/kernel",
          "dense_2/bias");
    }
  }

  @Test
  void aDeepNetCompilesWithTheNamesWeightsAndPredictionsOfItsLayers() {
    int depth = 300;
    int width = 8;
    NetSpec deep = GraphBuildTimer.deepMlp(depth, width);
    NetSpec shallow = GraphBuildTimer.deepMlp(10, width);
    float[] examples = new float[4 * width];
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < examples.length; i++) {
      examples[i] = (float) random.nextGaussian();
    }
    try (Model model = Model.compile(deep, 1); Model reference = Model.compile(shallow, 1)) {
      Map<String, ParameterValues> weights = model.weights();
      List<String> names = new ArrayList<>();
      for (int k = 0; k < depth; k++) {
        names.add("dense_" + k + "/kernel");
        names.add("dense_" + k + "/bias");
      }
      assertThat(weights.keySet()).containsExactlyElementsOf(names);
      List<String> ops = opNames(model);
      List<String> variables = new ArrayList<>(names);
      variables.add("step");
      assertThat(ops).filteredOn(s -> s.endsWith(" VariableV2"))
          .containsExactlyElementsOf(variables.stream().map(n -> n + " VariableV2").toList());
      for (int k = 0; k < depth; k += 37) {
        assertThat(ops).contains("infer/dense_" + k + "/MatMul MatMul",
            "infer/dense_" + k + "/BiasAdd BiasAdd", "infer/dense_" + k + "/Relu Relu");
      }
      // a parameter's initial value is keyed by its name: the layers both nets have start alike
      reference.weights().forEach((name, values) ->
          assertThat(weights.get(name).values()).as(name).containsExactly(values.values()));
      float[] predicted = model.predict(examples);
      float[] expected = forwardInJava(weights, depth, width, examples);
      float scale = 0;
      for (float e : expected) {
        scale = Math.max(scale, Math.abs(e));
      }
      assertThat(scale).as("the signal reaches the last layer").isGreaterThan(0f);
      // float32 sums of 8 terms in another order, compounded over 300 layers: ~1e-5 relative
      for (int i = 0; i < expected.length; i++) {
        assertThat(predicted[i]).as("output %d", i).isCloseTo(expected[i],
            org.assertj.core.data.Offset.offset(1e-3f * scale));
      }
    }
  }

  /** The deep MLP's output computed in Java from its weights. */
  private static float[] forwardInJava(Map<String, ParameterValues> weights, int depth, int width,
      float[] examples) {
    int rows = examples.length / width;
    float[] x = examples.clone();
    for (int k = 0; k < depth; k++) {
      float[] kernel = weights.get("dense_" + k + "/kernel").values();
      float[] bias = weights.get("dense_" + k + "/bias").values();
      float[] y = new float[rows * width];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < width; c++) {
          float sum = 0;
          for (int i = 0; i < width; i++) {
            sum += x[r * width + i] * kernel[i * width + c];
          }
          y[r * width + c] = Math.max(0f, sum + bias[c]);
        }
      }
      x = y;
    }
    return x;
  }

  /**
   * The names with each initializer's ops ({@code dense_0/kernel_init/Mul}) replaced by their
   * scope ({@code dense_0/kernel_init}), once: how an initializer computes is not what is kept.
   */
  private static List<String> withInitScopesOnly(List<String> names) {
    return names.stream()
        .map(n -> n.contains("_init/") ? n.substring(0, n.indexOf("_init/") + 5) : n)
        .distinct().toList();
  }

  private static List<String> opNames(Model model) {
    List<String> names = new ArrayList<>();
    ModelGraphs.of(model).graph().operations()
        .forEachRemaining(op -> names.add(op.name() + " " + op.type()));
    return names;
  }
}
