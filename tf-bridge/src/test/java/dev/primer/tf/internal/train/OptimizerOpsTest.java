package dev.primer.tf.internal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each optimizer's update, checked against its documented formula: a linear layer trained for
 * three full-batch steps on squared error, its weights compared with the same three steps
 * computed here in double precision from the formulas in {@link Optimizer}'s Javadoc.
 */
class OptimizerOpsTest {
  static final float[] X = {
      1.0f, -0.5f, 2.0f,
      0.3f, 0.8f, -1.2f,
      -1.5f, 0.2f, 0.4f,
      0.7f, -0.9f, -0.1f};
  static final float[] T = {0.5f, -1f, 1.5f, 0.2f, -0.3f, 0.8f, 1f, -0.6f};
  static final float[] W0 = {0.5f, -0.3f, 0.2f, 0.1f, -0.4f, 0.6f};
  static final float[] B0 = {0.1f, -0.2f};
  static final int N = 4;
  static final int IN = 3;
  static final int OUT = 2;
  static final int STEPS = 3;

  static Stream<Optimizer> optimizers() {
    return Stream.of(
        Optimizer.sgd(0.1),
        Optimizer.momentum(0.1, 0.9),
        Optimizer.nesterov(0.1, 0.9),
        new Optimizer.Sgd(0.05, 0.5, true),
        Optimizer.adam(0.01),
        new Optimizer.Adam(0.02, 0.8, 0.99, 1e-3),
        Optimizer.rmsProp(0.01),
        new Optimizer.RmsProp(0.02, 0.8, 0.5, 1e-4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void threeStepsFollowTheFormula(Optimizer optimizer) {
    double[] expected = reference(optimizer);

    float[] actual = new float[IN * OUT + OUT];
    try (Model model = Model.compile(Net.input(IN).dense(OUT), 0)) {
      model.setWeights(List.of(new ParameterValues("dense_0/kernel", Shape.of(IN, OUT), W0),
          new ParameterValues("dense_0/bias", Shape.of(OUT), B0)));
      model.fit(InMemoryDataset.ofTargets(X, Shape.of(IN), T, OUT), FitOptions.defaults()
          .withLoss(Loss.MEAN_SQUARED_ERROR).withOptimizer(optimizer).withBatchSize(N)
          .withEpochs(STEPS));
      Map<String, ParameterValues> w = model.weights();
      System.arraycopy(w.get("dense_0/kernel").values(), 0, actual, 0, IN * OUT);
      System.arraycopy(w.get("dense_0/bias").values(), 0, actual, IN * OUT, OUT);
    }

    // float32 arithmetic on values of order 1: errors of order 1e-6; a wrong formula (no bias
    // correction, no momentum, plain instead of Nesterov) is off by a fraction of lr, >= 1e-3
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i]).as("%s: parameter %d after %d steps", optimizer.describe(),
          i, STEPS).isCloseTo(expected[i], within(1e-5));
      assertThat(Math.abs(expected[i] - (i < IN * OUT ? W0[i] : B0[i - IN * OUT])))
          .as("the reference moved parameter %d", i).isGreaterThan(1e-3);
    }
  }

  /** Kernel then bias after STEPS steps, in double, by the formulas of {@link Optimizer}. */
  static double[] reference(Optimizer optimizer) {
    int p = IN * OUT + OUT;
    double[] w = new double[p];
    for (int i = 0; i < IN * OUT; i++) {
      w[i] = W0[i];
    }
    for (int o = 0; o < OUT; o++) {
      w[IN * OUT + o] = B0[o];
    }
    double[] a = new double[p]; // momentum accumulator / Adam m / RMSprop ms
    double[] b = new double[p]; // Adam v / RMSprop mom
    for (int t = 1; t <= STEPS; t++) {
      double[] g = gradient(w);
      for (int i = 0; i < p; i++) {
        if (optimizer instanceof Optimizer.Sgd s) {
          if (s.momentum() == 0) {
            w[i] -= s.learningRate() * g[i];
          } else {
            a[i] = s.momentum() * a[i] + g[i];
            w[i] -= s.learningRate() * (s.nesterov() ? g[i] + s.momentum() * a[i] : a[i]);
          }
        } else if (optimizer instanceof Optimizer.Adam ad) {
          a[i] = ad.beta1() * a[i] + (1 - ad.beta1()) * g[i];
          b[i] = ad.beta2() * b[i] + (1 - ad.beta2()) * g[i] * g[i];
          double lr = ad.learningRate() * Math.sqrt(1 - Math.pow(ad.beta2(), t))
              / (1 - Math.pow(ad.beta1(), t));
          w[i] -= lr * a[i] / (Math.sqrt(b[i]) + ad.epsilon());
        } else {
          Optimizer.RmsProp r = (Optimizer.RmsProp) optimizer;
          a[i] = r.rho() * a[i] + (1 - r.rho()) * g[i] * g[i];
          b[i] = r.momentum() * b[i] + r.learningRate() * g[i] / Math.sqrt(a[i] + r.epsilon());
          w[i] -= b[i];
        }
      }
    }
    return w;
  }

  /** d/dw of mean over examples and outputs of (x W + b - t)^2. */
  static double[] gradient(double[] w) {
    double[] g = new double[w.length];
    for (int n = 0; n < N; n++) {
      for (int o = 0; o < OUT; o++) {
        double y = w[IN * OUT + o];
        for (int f = 0; f < IN; f++) {
          y += X[n * IN + f] * w[f * OUT + o];
        }
        double dy = 2 * (y - T[n * OUT + o]) / (N * OUT);
        for (int f = 0; f < IN; f++) {
          g[f * OUT + o] += X[n * IN + f] * dy;
        }
        g[IN * OUT + o] += dy;
      }
    }
    return g;
  }
}
