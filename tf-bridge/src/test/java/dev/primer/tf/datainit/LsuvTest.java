package dev.primer.tf.datainit;

import static dev.primer.dsl.init.Inits.LSUV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Lsuv;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.LayerTrace;
import dev.primer.tf.internal.graph.ModelGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * LSUV reaches unit variance within its tolerance on every layer it fills, measured afterwards
 * without the LSUV code: for an MLP by a forward pass in Java (double precision) from the
 * weights, for a CNN from the layers' values fetched from the inference graph with variances
 * computed in Java. Every data set has at most 512 examples, so the probe batch is all of it and
 * the measurement sees the same examples.
 *
 * <p>Tolerances: with zero biases z = xW is linear in W, so one rescaling lands on variance 1 up
 * to float32 rounding (about 1e-6 relative per op); the independent measurement must agree with
 * the reported variance to 1e-3 and lie within the LSUV tolerance of 1.
 */
class LsuvTest {

  private static final String[] MLP_ACTIVATIONS = {"relu", "relu", "relu", "relu", "tanh", ""};

  /** input(32), four dense(64).relu(), dense(48).tanh(), dense(10).softmax(). */
  private static NetSpec deepMlp() {
    return Net.input(32).dense(64).relu().dense(64).relu().dense(64).relu().dense(64).relu()
        .dense(48).tanh().dense(10).softmax();
  }

  @Test
  void everyLayerOfADeepMlpEndsAtUnitVariance() {
    InMemoryDataset data = SyntheticData.vectors(400, 32, 10, 7);
    try (Model model = Model.compile(deepMlp().withKernelInit(LSUV), 11)) {
      DataInitReport report = model.initializeFromData(data);
      assertThat(report.probeExamples()).isEqualTo(400);
      assertThat(report.scalings()).hasSize(6).allSatisfy(s -> {
        assertThat(s.converged()).as(s.describe()).isTrue();
        assertThat(s.iterations()).isBetween(1, 10);
        assertThat(s.tolerance()).isEqualTo(0.1);
        assertThat(s.maxIterations()).isEqualTo(10);
      });
      // the orthonormal pre-init alone is far from unit variance on these inputs
      assertThat(Math.abs(report.scalings().get(0).initialVariance() - 1)).isGreaterThan(1);
      double[] measured = javaPreActivationVariances(model.weights(), data);
      for (int layer = 0; layer < measured.length; layer++) {
        assertThat(measured[layer]).as("layer %d", layer).isCloseTo(1, within(0.1));
        assertThat(measured[layer]).as("layer %d as reported", layer)
            .isCloseTo(report.scalings().get(layer).finalVariance(), within(1e-3));
      }
      assertThat(report.describe()).isEqualTo("lsuv on 400 examples: 6/6 layers within 0.1 of"
          + " unit variance after 1 iteration");
    }
  }

  @Test
  void aTighterToleranceIsHonoured() {
    InMemoryDataset data = SyntheticData.vectors(300, 32, 10, 8);
    Lsuv tight = new Lsuv(0.001, 5);
    try (Model model = Model.compile(deepMlp().withKernelInit(tight), 12)) {
      DataInitReport report = model.initializeFromData(data);
      assertThat(report.converged()).isTrue();
      for (double v : javaPreActivationVariances(model.weights(), data)) {
        assertThat(v).isCloseTo(1, within(0.001));
      }
    }
  }

  @Test
  void everyLayerOfASmallCnnEndsAtUnitVariance() {
    InMemoryDataset data = SyntheticData.images(256, 12, 10, 9);
    NetSpec cnn = Net.input(12, 12, 1).conv2d(8, 3).relu().conv2d(16, 3).relu().maxPool2d(2)
        .flatten().dense(32).relu().dense(10).softmax();
    try (Model model = Model.compile(cnn.withKernelInit(LSUV), 13)) {
      DataInitReport report = model.initializeFromData(data);
      assertThat(report.scalings()).extracting(LayerScaling::parameter).containsExactly(
          "conv2d_0/kernel", "conv2d_1/kernel", "dense_0/kernel", "dense_1/kernel");
      assertThat(report.converged()).isTrue();
      Map<Integer, Double> measured = fetchedPreActivationVariances(model, data);
      for (LayerScaling s : report.scalings()) {
        double v = measured.get(s.layerIndex());
        assertThat(v).as(s.parameter()).isCloseTo(1, within(s.tolerance()));
        assertThat(v).as(s.parameter()).isCloseTo(s.finalVariance(), within(1e-3));
      }
    }
  }

  @Test
  void stopsAfterMaxIterationsWhenUnitVarianceIsOutOfReach() {
    // a bias of spread 2 adds about 4 to the variance of z whatever the kernel's scale
    InMemoryDataset data = SyntheticData.vectors(200, 32, 10, 10);
    NetSpec spec = Net.input(32).dense(64).relu().init(Inits.lsuv(0.1, 3))
        .bias(Inits.normal(0, 2)).dense(10).softmax();
    try (Model model = Model.compile(spec, 14)) {
      DataInitReport report = model.initializeFromData(data);
      LayerScaling s = report.scalings().get(0);
      assertThat(s.iterations()).isEqualTo(3);
      assertThat(s.converged()).isFalse();
      assertThat(s.finalVariance()).isGreaterThan(1.1);
      assertThat(report.converged()).isFalse();
      assertThat(report.describe()).startsWith("lsuv on 200 examples: 0/1 layers within 0.1 of"
          + " unit variance after 3 iterations; not converged: dense_0/kernel (variance ");
      assertThat(s.describe()).startsWith("dense_0/kernel  layer 0 (dense)  variance ")
          .endsWith("in 3 iterations: not converged after 3 iterations (tolerance 0.1)");
    }
  }

  @Test
  void aDeadLayerIsReportedNotScaled() {
    // every input zero: z = 0 whatever W is, and 1/sqrt(0) must not be applied
    InMemoryDataset zeros = InMemoryDataset.ofClasses(new float[50 * 4],
        dev.primer.dsl.base.Shape.of(4), new int[50], 2);
    try (Model model = Model.compile(Net.input(4).dense(3).init(LSUV).dense(2).softmax(), 1)) {
      LayerScaling s = model.initializeFromData(zeros).scalings().get(0);
      assertThat(s.iterations()).isZero();
      assertThat(s.finalVariance()).isZero();
      assertThat(s.converged()).isFalse();
      assertThat(s.describe()).endsWith("not converged: a variance of 0.0 cannot be scaled to 1");
      assertThat(model.weights().get("dense_0/kernel").values()).doesNotContain(Float.NaN);
    }
  }

  @Test
  void runningAgainFindsUnitVarianceAtOnceAndTheSameSeedGivesTheSameWeights() {
    InMemoryDataset data = SyntheticData.vectors(600, 32, 10, 11);
    try (Model a = Model.compile(deepMlp().withKernelInit(LSUV), 15);
         Model b = Model.compile(deepMlp().withKernelInit(LSUV), 15)) {
      assertThat(a.initializeFromData(data).probeExamples()).isEqualTo(512); // the probe batch: 512 of the data set's examples
      b.initializeFromData(data);
      for (String name : a.weights().keySet()) {
        assertThat(a.weights().get(name).values()).as(name)
            .isEqualTo(b.weights().get(name).values());
      }
      DataInitReport again = a.initializeFromData(data);
      assertThat(again.scalings()).allSatisfy(s -> assertThat(s.iterations()).isZero());
    }
  }

  /**
   * The variance of each layer's value before activation over all examples of {@code data},
   * by a forward pass in Java (double precision) through dense layers with relu, tanh or none.
   */
  private static double[] javaPreActivationVariances(Map<String, ParameterValues> weights,
      InMemoryDataset data) {
    int n = data.size();
    int width = Math.toIntExact(data.exampleShape().size());
    float[] x = SyntheticData.features(data);
    double[] h = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      h[i] = x[i];
    }
    double[] variances = new double[MLP_ACTIVATIONS.length];
    for (int layer = 0; layer < MLP_ACTIVATIONS.length; layer++) {
      ParameterValues w = weights.get("dense_" + layer + "/kernel");
      float[] b = weights.get("dense_" + layer + "/bias").values();
      int out = w.shape().dim(1);
      double[] z = new double[n * out];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < out; k++) {
          double sum = b[k];
          for (int j = 0; j < width; j++) {
            sum += h[i * width + j] * w.values()[j * out + k];
          }
          z[i * out + k] = sum;
        }
      }
      variances[layer] = SyntheticData.variance(z);
      for (int i = 0; i < z.length; i++) {
        z[i] = switch (MLP_ACTIVATIONS[layer]) {
          case "relu" -> Math.max(0, z[i]);
          case "tanh" -> Math.tanh(z[i]);
          default -> z[i];
        };
      }
      h = z;
      width = out;
    }
    return variances;
  }

  /** Per layer index, the variance of its fetched pre-activation over all of {@code data}. */
  private static Map<Integer, Double> fetchedPreActivationVariances(Model model,
      InMemoryDataset data) {
    CompiledGraph g = ModelGraphs.of(model);
    List<LayerTrace> traces = new ArrayList<>();
    for (LayerTrace t : g.inference().traces()) {
      String kind = t.layer().kind();
      if (kind.equals("dense") || kind.equals("conv2d")) {
        traces.add(t);
      }
    }
    float[] x = SyntheticData.features(data);
    long[] dims = {data.size(), 12, 12, 1};
    Map<Integer, Double> variances = new java.util.HashMap<>();
    Session.Runner runner;
    try (TFloat32 batch = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(dims),
        DataBuffers.of(x, true, false))) {
      runner = g.session().runner().feed(g.input(), batch);
      traces.forEach(t -> runner.fetch(t.preActivation()));
      try (Result r = runner.run()) {
        for (int i = 0; i < traces.size(); i++) {
          TFloat32 t = (TFloat32) r.get(i);
          float[] values = new float[Math.toIntExact(t.shape().size())];
          t.copyTo(DataBuffers.of(values, false, false));
          double[] asDouble = new double[values.length];
          for (int j = 0; j < values.length; j++) {
            asDouble[j] = values[j];
          }
          variances.put(traces.get(i).layer().index(), SyntheticData.variance(asDouble));
        }
      }
    }
    return variances;
  }
}
