package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.datainit.DataInitReport;
import dev.primer.tf.datainit.LayerScaling;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.LayerTrace;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.train.FitOptions;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A CNN initialized with LSUV and the class prior on 300 real digits, through the Java API. With
 * fewer than 512 examples the probe batch is all of them; each conv and dense layer's value
 * before its activation is fetched again on those digits and its variance computed here, in
 * double (the output layer's without the bias the class prior set afterwards): it must be within
 * LSUV's tolerance of 1 (one rescaling with zero biases is exact up to float32 rounding) and
 * agree with the report to 1e-3.
 */
class DataInitOnDigitsTest {

  @Test
  void aCnnStartsAtUnitVarianceOnEveryLayerOfRealDigits() {
    ImageDataset digits = new ImageDataset(EmbeddedMnist.load().train().subset(0, 300),
        Shape.of(28, 28, 1), 10);
    NetSpec cnn = Net.parse("input(28,28,1).conv2d(8,5).relu().maxPool2d(2).conv2d(16,3).relu()"
        + ".maxPool2d(2).flatten().dense(10).softmax().bias(class_prior)")
        .withKernelInit(Inits.LSUV);
    try (Model model = Model.compile(cnn, 21)) {
      double[] before = new double[3];
      model.initializeFromData(digits);
      DataInitReport report = model.dataInitReport().orElseThrow();
      assertThat(report.scalings()).extracting(LayerScaling::parameter)
          .containsExactly("conv2d_0/kernel", "conv2d_1/kernel", "dense_0/kernel");
      assertThat(report.converged()).isTrue();
      float[] x = new float[300 * 784];
      digits.read(0, 300, x, 0, new float[300 * 10], 0);
      CompiledGraph g = ModelGraphs.of(model);
      Session.Runner runner;
      try (TFloat32 batch = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(300, 28, 28, 1),
          DataBuffers.of(x, true, false))) {
        runner = g.session().runner().feed(g.input(), batch);
        for (LayerScaling s : report.scalings()) {
          LayerTrace trace = g.inference().traces().get(s.layerIndex());
          runner.fetch(trace.preActivation());
        }
        try (Result r = runner.run()) {
          for (int i = 0; i < 3; i++) {
            TFloat32 t = (TFloat32) r.get(i);
            float[] v = new float[Math.toIntExact(t.shape().size())];
            t.copyTo(DataBuffers.of(v, false, false));
            if (i == 2) {
              // LSUV measured the output layer with its bias at zero, before the class prior
              float[] bias = model.weights().get("dense_0/bias").values();
              for (int j = 0; j < v.length; j++) {
                v[j] -= bias[j % bias.length];
              }
            }
            before[i] = variance(v);
          }
        }
      }
      for (int i = 0; i < 3; i++) {
        LayerScaling s = report.scalings().get(i);
        assertThat(before[i]).as(s.parameter()).isCloseTo(1, within(s.tolerance()));
        assertThat(before[i]).as(s.parameter()).isCloseTo(s.finalVariance(), within(1e-3));
      }
      // fit does not run it a second time
      model.fit(digits, FitOptions.defaults().withBatchSize(100));
      assertThat(model.dataInitReport()).containsSame(report);
    }
  }

  private static double variance(float[] values) {
    double mean = 0;
    for (float v : values) {
      mean += v;
    }
    mean /= values.length;
    double sum = 0;
    for (float v : values) {
      sum += (v - mean) * (v - mean);
    }
    return sum / values.length;
  }
}
