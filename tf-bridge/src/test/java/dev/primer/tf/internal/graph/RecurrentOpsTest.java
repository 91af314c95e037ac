package dev.primer.tf.internal.graph;

import static dev.primer.dsl.init.Inits.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Cell;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unrolled recurrent layers against the cell equations of their Javadoc, evaluated here in
 * double from the model's own weights: gate order [i, f, c, o] for the LSTM, [z, r, h] for the
 * GRU with the reset gate applied before its matmul, state starting at zero, and either the
 * last state or every state returned.
 */
class RecurrentOpsTest {
  static final int STEPS = 5;
  static final int FEATURES = 3;
  static final int UNITS = 4;
  static final int EXAMPLES = 7;

  static Stream<Arguments> layers() {
    return Stream.of(Cell.SIMPLE_RNN, Cell.LSTM, Cell.GRU).flatMap(cell ->
        Stream.of(Returns.values()).map(returns -> Arguments.of(cell, returns)));
  }

  @ParameterizedTest(name = "{0} returning {1}")
  @MethodSource("layers")
  void theUnrolledLayerComputesTheCellEquations(Cell cell, Returns returns) {
    NetSpec base = Net.input(STEPS, FEATURES);
    // a random bias, so that a misplaced bias block shows
    NetSpec spec = switch (cell) {
      case SIMPLE_RNN -> base.simpleRnn(UNITS, returns).bias(uniform(-0.5, 0.5));
      case LSTM -> base.lstm(UNITS, returns).bias(uniform(-0.5, 0.5));
      case GRU -> base.gru(UNITS, returns).bias(uniform(-0.5, 0.5));
      case NONE -> throw new AssertionError();
    };
    SplittableRandom random = new SplittableRandom(3);
    float[] x = new float[EXAMPLES * STEPS * FEATURES];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }

    try (Model model = Model.compile(spec, 19)) {
      Map<String, ParameterValues> w = model.weights();
      String layer = model.net().layers().get(0).name();
      float[] kernel = w.get(layer + "/kernel").values();
      float[] recurrent = w.get(layer + "/recurrent_kernel").values();
      float[] bias = w.get(layer + "/bias").values();
      float[] y = model.predict(x);

      int perExample = returns == Returns.LAST ? UNITS : STEPS * UNITS;
      assertThat(y).hasSize(EXAMPLES * perExample);
      for (int e = 0; e < EXAMPLES; e++) {
        double[][] states = reference(cell, x, e, kernel, recurrent, bias);
        for (int t = 0; t < STEPS; t++) {
          if (returns == Returns.LAST && t < STEPS - 1) {
            continue;
          }
          int offset = e * perExample + (returns == Returns.LAST ? 0 : t * UNITS);
          for (int u = 0; u < UNITS; u++) {
            // float32 through a few matmuls and saturating nonlinearities of values of order 1
            assertThat((double) y[offset + u]).as("%s example %d step %d unit %d", cell, e, t, u)
                .isCloseTo(states[t][u], within(1e-5));
          }
        }
      }
    }
  }

  /** The state after each step, for example {@code e}. */
  static double[][] reference(Cell cell, float[] x, int e, float[] kernel, float[] recurrent,
      float[] bias) {
    int gates = cell.gates();
    int width = gates * UNITS;
    double[] h = new double[UNITS];
    double[] c = new double[UNITS];
    double[][] states = new double[STEPS][];
    for (int t = 0; t < STEPS; t++) {
      // x_t W + b for every gate column
      double[] xw = new double[width];
      for (int j = 0; j < width; j++) {
        xw[j] = bias[j];
        for (int f = 0; f < FEATURES; f++) {
          xw[j] += x[(e * STEPS + t) * FEATURES + f] * kernel[f * width + j];
        }
      }
      double[] next = new double[UNITS];
      switch (cell) {
        case SIMPLE_RNN -> {
          double[] hu = times(h, recurrent, width, 0);
          for (int u = 0; u < UNITS; u++) {
            next[u] = Math.tanh(xw[u] + hu[u]);
          }
        }
        case LSTM -> {
          double[] i = new double[UNITS];
          double[] f = new double[UNITS];
          double[] g = new double[UNITS];
          double[] o = new double[UNITS];
          for (int u = 0; u < UNITS; u++) {
            i[u] = sigmoid(xw[u] + times(h, recurrent, width, 0)[u]);
            f[u] = sigmoid(xw[UNITS + u] + times(h, recurrent, width, 1)[u]);
            g[u] = Math.tanh(xw[2 * UNITS + u] + times(h, recurrent, width, 2)[u]);
            o[u] = sigmoid(xw[3 * UNITS + u] + times(h, recurrent, width, 3)[u]);
          }
          for (int u = 0; u < UNITS; u++) {
            c[u] = f[u] * c[u] + i[u] * g[u];
            next[u] = o[u] * Math.tanh(c[u]);
          }
        }
        case GRU -> {
          double[] z = new double[UNITS];
          double[] r = new double[UNITS];
          double[] hz = times(h, recurrent, width, 0);
          double[] hr = times(h, recurrent, width, 1);
          for (int u = 0; u < UNITS; u++) {
            z[u] = sigmoid(xw[u] + hz[u]);
            r[u] = sigmoid(xw[UNITS + u] + hr[u]);
          }
          double[] rh = new double[UNITS];
          for (int u = 0; u < UNITS; u++) {
            rh[u] = r[u] * h[u];
          }
          double[] rhu = times(rh, recurrent, width, 2);
          for (int u = 0; u < UNITS; u++) {
            double candidate = Math.tanh(xw[2 * UNITS + u] + rhu[u]);
            next[u] = z[u] * h[u] + (1 - z[u]) * candidate;
          }
        }
        case NONE -> throw new AssertionError();
      }
      h = next;
      states[t] = next.clone();
    }
    return states;
  }

  /** v U_gate: v [UNITS] times the gate's [UNITS, UNITS] block of U [UNITS, width]. */
  static double[] times(double[] v, float[] u, int width, int gate) {
    double[] out = new double[UNITS];
    for (int j = 0; j < UNITS; j++) {
      for (int k = 0; k < UNITS; k++) {
        out[j] += v[k] * u[k * width + gate * UNITS + j];
      }
    }
    return out;
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
