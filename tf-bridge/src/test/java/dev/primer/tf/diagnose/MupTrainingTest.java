package dev.primer.tf.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.param.Scaling;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * muP on real TensorFlow output: each parameter's init variance against Table 8's formula, one
 * Adam and one SGD step against the update computed by hand from the gradient with each
 * parameter's own learning-rate factor, the output multiplier in the forward values, and a net
 * at its base width trained exactly as under the standard parametrization. (In this package for
 * {@link OnePass}, which gives the gradient a step is computed from.)
 */
class MupTrainingTest {
  // dense_0 6 -> 16 (m_out 4), dense_1 16 -> 8 (m_in 4, m_out 2), dense_2 8 -> 3 (m_in 2)
  private static final NetSpec NET =
      Net.input(6).mup(4).dense(16).relu().dense(8).relu().dense(3).softmax();
  private static final int N = 32;
  private static final InMemoryDataset DATA = data();

  private static InMemoryDataset data() {
    Random r = new Random(5);
    float[][] x = new float[N][6];
    int[] y = new int[N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < 6; j++) {
        x[i][j] = (float) r.nextGaussian();
      }
      y[i] = r.nextInt(3);
    }
    return InMemoryDataset.ofClasses(x, y, 3);
  }

  @Test
  void eachKernelsSampleVarianceIsTheTablesFormula() {
    // lecun (AUTO, first layer) 1/100; He at width 512 = (2/32) / m_in with m_in 16;
    // glorot_uniform at the base [32, 10]: 2 / 42 at every width
    NetSpec wide = Net.input(100).mup(32).dense(512).relu().dense(512).relu().dense(10).softmax();
    try (Model mup = Model.compile(wide, 3);
         Model sp = Model.compile(Net.input(100).dense(512).relu().dense(512).relu()
             .dense(10).softmax(), 3)) {
      assertVariance(mup.weights().get("dense_0/kernel"), 1.0 / 100);
      assertVariance(mup.weights().get("dense_1/kernel"), 2.0 / 32 / 16);
      assertVariance(mup.weights().get("dense_2/kernel"), 2.0 / 42);
      assertVariance(sp.weights().get("dense_2/kernel"), 2.0 / 522);
    }
  }

  /** Sample variance about 0 within 5 standard errors, sqrt(2 / n) var (normal's kurtosis). */
  private static void assertVariance(ParameterValues p, double expected) {
    double sum = 0;
    for (float v : p.values()) {
      sum += (double) v * v;
    }
    int n = p.values().length;
    assertThat(sum / n).as(p.name())
        .isCloseTo(expected, within(5 * Math.sqrt(2.0 / n) * expected));
  }

  @Test
  void oneAdamStepMovesEachParameterByItsOwnRate() {
    double lr = 0.01;
    Map<String, Double> rates = Map.of("dense_0/kernel", 1.0, "dense_0/bias", 1.0,
        "dense_1/kernel", 0.25, "dense_1/bias", 1.0, "dense_2/kernel", 1.0, "dense_2/bias", 1.0);
    try (Model model = Model.compile(NET, 11)) {
      Map<String, ParameterValues> before = model.weights();
      OnePass pass = OnePass.run(model, Probe.from(DATA, N, "all"), Loss.SOFTMAX_CROSS_ENTROPY);
      model.fit(DATA, FitOptions.defaults().withBatchSize(N).withOptimizer(Optimizer.adam(lr)));
      Map<String, ParameterValues> after = model.weights();
      for (var e : rates.entrySet()) {
        assertThat(model.net().scaling().of(e.getKey()).adamRate()).isEqualTo(e.getValue());
        float[] g = pass.gradient(e.getKey()).orElseThrow();
        float[] w0 = before.get(e.getKey()).values();
        float[] w1 = after.get(e.getKey()).values();
        // first step of TF's ApplyAdam: lr_t = lr sqrt(1 - b2) / (1 - b1), m = (1 - b1) g,
        // v = (1 - b2) g^2, w -= lr_t m / (sqrt(v) + eps)
        double lrT = lr * e.getValue() * Math.sqrt(1 - 0.999) / (1 - 0.9);
        for (int i = 0; i < g.length; i++) {
          double m = 0.1 * g[i];
          double v = 0.001 * g[i] * g[i];
          double expected = -lrT * m / (Math.sqrt(v) + 1e-7);
          assertThat((double) w1[i] - w0[i]).as(e.getKey() + "[" + i + "]")
              .isCloseTo(expected, within(2e-6 + 1e-3 * Math.abs(expected)));
        }
      }
    }
  }

  @Test
  void oneSgdStepMovesEachParameterByItsOwnRate() {
    double lr = 0.05;
    Map<String, Double> rates = Map.of("dense_0/kernel", 4.0, "dense_0/bias", 4.0,
        "dense_1/kernel", 0.5, "dense_1/bias", 2.0, "dense_2/kernel", 2.0, "dense_2/bias", 1.0);
    try (Model model = Model.compile(NET, 12)) {
      Map<String, ParameterValues> before = model.weights();
      OnePass pass = OnePass.run(model, Probe.from(DATA, N, "all"), Loss.SOFTMAX_CROSS_ENTROPY);
      model.fit(DATA, FitOptions.defaults().withBatchSize(N).withOptimizer(Optimizer.sgd(lr)));
      Map<String, ParameterValues> after = model.weights();
      for (var e : rates.entrySet()) {
        float[] g = pass.gradient(e.getKey()).orElseThrow();
        float[] w0 = before.get(e.getKey()).values();
        float[] w1 = after.get(e.getKey()).values();
        for (int i = 0; i < g.length; i++) {
          double expected = -lr * e.getValue() * g[i];
          assertThat((double) w1[i] - w0[i]).as(e.getKey() + "[" + i + "]")
              .isCloseTo(expected, within(1e-6 + 1e-3 * Math.abs(expected)));
        }
      }
    }
  }

  @Test
  void theOutputLayerComputesItsProductTimesBaseOverFanInBeforeItsBias() {
    // linear output: predictions are the logits, 0.25 relu(x W0 + b0) W1 + b1 (m_in = 8 / 2)
    NetSpec spec = Net.input(6).mup(2).dense(8).relu().dense(3);
    try (Model model = Model.compile(spec, 4)) {
      Map<String, ParameterValues> w = model.weights();
      float[] w0 = w.get("dense_0/kernel").values();
      float[] b0 = w.get("dense_0/bias").values();
      float[] w1 = w.get("dense_1/kernel").values();
      float[] b1 = new float[] {0.5f, -1f, 2f};
      model.setWeights(java.util.List.of(new ParameterValues("dense_1/bias",
          w.get("dense_1/bias").shape(), b1)));
      float[] x = {1, -2, 0.5f, 3, -1, 0.25f};
      float[] out = model.predict(x);
      for (int k = 0; k < 3; k++) {
        double sum = 0;
        for (int j = 0; j < 8; j++) {
          double h = b0[j];
          for (int i = 0; i < 6; i++) {
            h += x[i] * w0[i * 8 + j];
          }
          sum += Math.max(0, h) * w1[j * 3 + k];
        }
        assertThat((double) out[k]).isCloseTo(0.25 * sum + b1[k], within(1e-5));
      }
    }
  }

  @Test
  void atItsBaseWidthAMupNetTrainsExactlyAsTheStandardOne() {
    NetSpec sp = Net.input(6).dense(4).relu().dense(4).relu().dense(3).softmax();
    try (Model a = Model.compile(sp, 21); Model b = Model.compile(sp.mup(4), 21)) {
      assertThat(a.net().scaling()).isEqualTo(Scaling.STANDARD);
      FitOptions adam = FitOptions.defaults().withBatchSize(8).withEpochs(2)
          .withShuffleSeed(1).withOptimizer(Optimizer.adam(0.01));
      a.fit(DATA, adam);
      b.fit(DATA, adam);
      for (var e : a.weights().entrySet()) {
        assertThat(b.weights().get(e.getKey()).values()).as(e.getKey())
            .containsExactly(e.getValue().values());
      }
    }
  }
}
