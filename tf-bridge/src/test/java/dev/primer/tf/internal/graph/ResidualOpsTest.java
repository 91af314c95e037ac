package dev.primer.tf.internal.graph;

import static dev.primer.dsl.init.Inits.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The residual sum in the graph: its value against x + alpha f(x) computed here (with and
 * without the skip projection, on vectors and images), and its gradients against central finite
 * differences of the same graph.
 */
class ResidualOpsTest {

  static float[] gaussian(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  /** x W + b for one example x [in], W [in, out] row-major. */
  static double[] dense(double[] x, float[] w, float[] b) {
    int out = b.length;
    double[] y = new double[out];
    for (int j = 0; j < out; j++) {
      double s = b[j];
      for (int i = 0; i < x.length; i++) {
        s += x[i] * w[i * out + j];
      }
      y[j] = s;
    }
    return y;
  }

  @Test
  void aScaledResidualWithAProjectionIsProjectedSkipPlusAlphaTimesTheBranch() {
    int in = 5;
    int out = 3;
    int examples = 4;
    NetSpec spec = Net.input(in).residual(Net.block().dense(4).tanh().bias(uniform(-1, 1))
        .dense(out).bias(uniform(-1, 1))).scaled(0.7);
    float[] x = gaussian(examples * in, 3);
    try (Model model = Model.compile(spec, 11)) {
      Map<String, ParameterValues> w = model.weights();
      assertThat(w.keySet()).containsExactly("block_0/dense_0/kernel", "block_0/dense_0/bias",
          "block_0/dense_1/kernel", "block_0/dense_1/bias", "block_0/projection/kernel",
          "block_0/scale");
      assertThat(w.get("block_0/projection/kernel").shape())
          .isEqualTo(dev.primer.dsl.base.Shape.of(in, out));
      assertThat(w.get("block_0/scale").values()).containsExactly(0.7f);
      float[] y = model.predict(x);
      float[] p = w.get("block_0/projection/kernel").values();
      for (int e = 0; e < examples; e++) {
        double[] xe = new double[in];
        for (int i = 0; i < in; i++) {
          xe[i] = x[e * in + i];
        }
        double[] h = dense(xe, w.get("block_0/dense_0/kernel").values(),
            w.get("block_0/dense_0/bias").values());
        for (int j = 0; j < h.length; j++) {
          h[j] = Math.tanh(h[j]);
        }
        double[] f = dense(h, w.get("block_0/dense_1/kernel").values(),
            w.get("block_0/dense_1/bias").values());
        double[] skip = dense(xe, p, new float[out]);
        for (int j = 0; j < out; j++) {
          assertThat((double) y[e * out + j]).as("example %d unit %d", e, j)
              .isCloseTo(skip[j] + 0.7 * f[j], within(1e-5));
        }
      }
    }
  }

  @Test
  void anUnscaledResidualThatKeepsTheShapeAddsItsInput() {
    int width = 6;
    NetSpec spec = Net.input(width).residual(Net.block().dense(width).bias(uniform(-1, 1)))
        .relu();
    float[] x = gaussian(2 * width, 5);
    try (Model model = Model.compile(spec, 2)) {
      Map<String, ParameterValues> w = model.weights();
      assertThat(w.keySet()).containsExactly("block_0/dense_0/kernel", "block_0/dense_0/bias");
      float[] y = model.predict(x);
      for (int e = 0; e < 2; e++) {
        double[] xe = new double[width];
        for (int i = 0; i < width; i++) {
          xe[i] = x[e * width + i];
        }
        double[] f = dense(xe, w.get("block_0/dense_0/kernel").values(),
            w.get("block_0/dense_0/bias").values());
        for (int j = 0; j < width; j++) {
          assertThat((double) y[e * width + j])
              .isCloseTo(Math.max(0, xe[j] + f[j]), within(1e-5));
        }
      }
    }
  }

  @Test
  void onImagesTheProjectionIsAOneByOneConvolutionOverChannels() {
    int h = 3;
    int wd = 3;
    int c = 2;
    int filters = 4;
    NetSpec spec = Net.input(h, wd, c).residual(
        Net.block().conv2d(filters, 3, 1, dev.primer.dsl.layer.Padding.SAME)).scaled(0);
    float[] x = gaussian(h * wd * c, 9);
    try (Model model = Model.compile(spec, 4)) {
      Map<String, ParameterValues> w = model.weights();
      float[] p = w.get("block_0/projection/kernel").values();
      assertThat(w.get("block_0/projection/kernel").shape())
          .isEqualTo(dev.primer.dsl.base.Shape.of(1, 1, c, filters));
      float[] y = model.predict(x);
      // scaled(0): the branch adds nothing yet, so the output is the projected input
      for (int pixel = 0; pixel < h * wd; pixel++) {
        for (int f = 0; f < filters; f++) {
          double s = 0;
          for (int ch = 0; ch < c; ch++) {
            s += x[pixel * c + ch] * p[ch * filters + f];
          }
          assertThat((double) y[pixel * filters + f]).isCloseTo(s, within(1e-5));
        }
      }
    }
  }

  @Test
  void onSequencesTheProjectionActsOnEveryStepsFeatures() {
    int steps = 3;
    int features = 4;
    int units = 6;
    NetSpec spec = Net.input(steps, features).residual(
        Net.block().lstm(units, dev.primer.dsl.layer.Returns.SEQUENCES)).scaled(0);
    float[] x = gaussian(2 * steps * features, 13);
    try (Model model = Model.compile(spec, 6)) {
      float[] p = model.weights().get("block_0/projection/kernel").values();
      float[] y = model.predict(x);
      assertThat(y).hasSize(2 * steps * units);
      for (int row = 0; row < 2 * steps; row++) {
        for (int u = 0; u < units; u++) {
          double s = 0;
          for (int f = 0; f < features; f++) {
            s += x[row * features + f] * p[f * units + u];
          }
          assertThat((double) y[row * units + u]).isCloseTo(s, within(1e-5));
        }
      }
    }
  }

  /**
   * d/dtheta of L = sum_k c_k y_k, from the graph's gradients and from central differences of
   * the same graph's forward pass (in float32: step 1e-2, a smooth net, tolerance a few float32
   * roundings of L divided by the step plus the O(h^2) truncation).
   */
  @Test
  void gradientsThroughTheSumTheScaleAndTheProjectionMatchFiniteDifferences() {
    int in = 4;
    int batch = 3;
    NetSpec spec = Net.input(in).residual(Net.block().dense(5).tanh().dense(3)).scaled(0.5)
        .tanh().residual(Net.block().dense(3).tanh().dense(3)).scaled(-0.8);
    ResolvedNet net = spec.resolve();
    float[] x = gaussian(batch * in, 21);
    float[] c = gaussian(batch * 3, 22);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, in)));
      Placeholder<TFloat32> weights =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      NetVariables variables = NetVariables.create(tf, net, 7);
      Forward pass = ForwardBuilder.build(tf, net, variables, input, Mode.INFER,
          tf.constant(0L), 7);
      Operand<TFloat32> loss = tf.sum(tf.math.mul(pass.output(), weights),
          tf.constant(new int[] {0, 1}));
      List<String> names = new ArrayList<>(variables.all().keySet());
      List<Variable<TFloat32>> vars = names.stream().map(variables::get).toList();
      Gradients gradients = tf.gradients(loss, vars);
      Map<String, Placeholder<TFloat32>> in2 = new LinkedHashMap<>();
      List<org.tensorflow.op.Op> assigns = new ArrayList<>();
      for (String name : names) {
        Placeholder<TFloat32> value = tf.placeholder(TFloat32.class);
        in2.put(name, value);
        assigns.add(tf.assign(variables.get(name), value));
      }
      try (Session session = new Session(graph);
           TFloat32 xt = TFloat32.tensorOf(Shape.of(batch, in), DataBuffers.of(x, true, false));
           TFloat32 ct = TFloat32.tensorOf(Shape.of(batch, 3), DataBuffers.of(c, true, false))) {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, float[]> analytic = new LinkedHashMap<>();
        Session.Runner runner = session.runner().feed(input, xt).feed(weights, ct);
        for (String name : names) {
          runner.fetch(variables.get(name));
        }
        for (Output<?> g : gradients.dy()) {
          runner.fetch(g);
        }
        try (Result r = runner.run()) {
          for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), copy((TFloat32) r.get(i)));
            analytic.put(names.get(i), copy((TFloat32) r.get(names.size() + i)));
          }
        }
        double h = 1e-2;
        int checked = 0;
        for (String name : names) {
          Parameter p = net.parameter(name).orElseThrow();
          float[] v = values.get(name);
          for (int k = 0; k < v.length; k++) {
            float original = v[k];
            v[k] = (float) (original + h);
            double up = lossAt(session, in2.get(name), assigns.get(names.indexOf(name)), v,
                p, loss, input, xt, weights, ct);
            v[k] = (float) (original - h);
            double down = lossAt(session, in2.get(name), assigns.get(names.indexOf(name)), v,
                p, loss, input, xt, weights, ct);
            v[k] = original;
            lossAt(session, in2.get(name), assigns.get(names.indexOf(name)), v, p, loss,
                input, xt, weights, ct);
            double numeric = (up - down) / (2 * h);
            assertThat((double) analytic.get(name)[k]).as("%s[%d]", name, k)
                .isCloseTo(numeric, within(2e-3 + 2e-3 * Math.abs(numeric)));
            checked++;
          }
        }
        assertThat(names).contains("block_0/projection/kernel", "block_0/scale",
            "block_1/scale", "block_1/dense_1/kernel");
        assertThat(checked).isEqualTo((int) net.parameterCount());
      }
    }
  }

  private static double lossAt(Session session, Placeholder<TFloat32> valueIn,
      org.tensorflow.op.Op assign, float[] v, Parameter p, Operand<TFloat32> loss,
      Placeholder<TFloat32> input, TFloat32 xt, Placeholder<TFloat32> weights, TFloat32 ct) {
    long[] dims = java.util.Arrays.stream(p.shape().toArray()).asLongStream().toArray();
    try (TFloat32 vt = TFloat32.tensorOf(Shape.of(dims), DataBuffers.of(v, true, false))) {
      session.runner().feed(valueIn, vt).addTarget(assign).run();
    }
    try (Result r = session.runner().feed(input, xt).feed(weights, ct).fetch(loss).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  private static float[] copy(TFloat32 t) {
    float[] out = new float[(int) t.size()];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }
}
