package dev.primer.tf.internal.train;

import static dev.primer.tf.internal.train.OptimizerOpsTest.B0;
import static dev.primer.tf.internal.train.OptimizerOpsTest.IN;
import static dev.primer.tf.internal.train.OptimizerOpsTest.N;
import static dev.primer.tf.internal.train.OptimizerOpsTest.OUT;
import static dev.primer.tf.internal.train.OptimizerOpsTest.T;
import static dev.primer.tf.internal.train.OptimizerOpsTest.W0;
import static dev.primer.tf.internal.train.OptimizerOpsTest.X;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.tf.Fixtures;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.LearningRate;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Repeated fits reuse the training graphs (the graph's op count does not grow), the optimizer
 * state continues for an equal optimizer and restarts for another (weights against the update
 * formulas computed here, with and without a restart), and gradient clipping by global norm
 * gives the documented update.
 */
class TrainingGraphsTest {
  static final InMemoryDataset LINEAR = InMemoryDataset.ofTargets(X, Shape.of(IN), T, OUT);
  static final FitOptions FULL_BATCH = FitOptions.defaults().withLoss(Loss.MEAN_SQUARED_ERROR)
      .withBatchSize(N);

  @Test
  void repeatedFitsWithNewValuesOfOneKindDoNotGrowTheGraph() {
    InMemoryDataset data = Fixtures.blobs(64, 8, 3, 1);
    FitOptions base = FitOptions.defaults().withBatchSize(32);
    try (Model model = Model.compile(Net.input(8).dense(16).relu().dense(3).softmax(), 5)) {
      int start = ops(model);
      model.fit(data, base.withOptimizer(Optimizer.adam(1e-3)));
      int afterFirst = ops(model);
      assertThat(afterFirst).as("the first fit builds its step").isGreaterThan(start + 100);
      model.fit(data, base.withOptimizer(new Optimizer.Adam(LearningRate.constant(2e-3), 0.8,
          0.99, 1e-5)));
      assertThat(ops(model)).as("another constant rate and betas").isEqualTo(afterFirst);
      model.fit(data, base.withOptimizer(Optimizer.adam(LearningRate.cosine(1e-2, 50, 0.1))));
      int scheduled = ops(model);
      assertThat(scheduled).as("the first schedule builds the step that computes the rate")
          .isGreaterThan(afterFirst);
      List<Optimizer> adams = List.of(
          new Optimizer.Adam(LearningRate.step(1e-2, 0.5, 3).withWarmup(2), 0.8, 0.99, 1e-5),
          Optimizer.adam(LearningRate.exponential(1e-2, 0.9, 4)), Optimizer.adam(3e-3));
      for (Optimizer adam : adams) {
        model.fit(data, base.withOptimizer(adam));
        assertThat(ops(model)).as("fit with %s", adam.describe()).isEqualTo(scheduled);
      }

      model.fit(data, base.withGradientClipping(1.0));
      int clipped = ops(model);
      model.fit(data, base.withGradientClipping(0.1).withOptimizer(Optimizer.adam(5e-3)));
      assertThat(ops(model)).as("another clipping norm").isEqualTo(clipped);

      model.fit(data, base.withClassWeights(1, 2, 3));
      int weighted = ops(model);
      model.fit(data, base.withClassWeights(0.5, 1, 0));
      assertThat(ops(model)).as("other class weights").isEqualTo(weighted);

      int before = 0;
      for (double lr : new double[] {0.1, 0.05}) {
        before = ops(model);
        model.fit(data, base.withOptimizer(Optimizer.sgd(lr)));
        model.fit(data, base.withOptimizer(Optimizer.momentum(lr, 0.5 + lr)));
        model.fit(data, base.withOptimizer(Optimizer.rmsProp(lr / 10)));
      }
      assertThat(ops(model)).as("a second round of other kinds").isEqualTo(before);
    }
  }

  /**
   * A constant rate is read as it is (the graph for constant rates has no schedule ops), a
   * schedule through the formula: step decay by a factor of 1 gives the same rate at every
   * step, so the two graphs must train bitwise alike, one step per call and four.
   */
  @Test
  void aConstantRateTrainsBitwiseAsTheScheduleFormulaOfTheSameRate() {
    InMemoryDataset data = Fixtures.blobs(256, 8, 3, 2);
    for (int stepsPerCall : new int[] {1, 4}) {
      // 64 steps per epoch, 16 epochs: 1,024 steps, enough for several steps per call
      FitOptions options = FitOptions.defaults().withBatchSize(4).withEpochs(16);
      for (boolean adam : new boolean[] {false, true}) {
        Optimizer constant = adam ? Optimizer.adam(0.01) : Optimizer.momentum(0.05, 0.9);
        LearningRate same = LearningRate.step(adam ? 0.01 : 0.05, 1.0, 3);
        Optimizer formula = adam ? Optimizer.adam(same) : Optimizer.momentum(same, 0.9);
        Map<String, ParameterValues> byConstant = trained(data, options, constant, stepsPerCall);
        Map<String, ParameterValues> byFormula = trained(data, options, formula, stepsPerCall);
        assertThat(byConstant.keySet()).isEqualTo(byFormula.keySet());
        byConstant.forEach((name, values) -> assertThat(values.values())
            .as("%s, %s against %s, %d steps per call", name, constant.describe(),
                formula.describe(), stepsPerCall)
            .containsExactly(byFormula.get(name).values()));
      }
    }
  }

  private static Map<String, ParameterValues> trained(InMemoryDataset data, FitOptions options,
      Optimizer optimizer, int stepsPerCall) {
    try (Model model = Model.compile(Net.input(8).dense(16).relu().dense(3).softmax(), 5)) {
      new dev.primer.tf.train.Trainer(model, stepsPerCall).fit(data,
          options.withOptimizer(optimizer));
      return model.weights();
    }
  }

  @Test
  void anEqualOptimizerContinuesItsStateAnotherRestartsIt() {
    Optimizer first = Optimizer.adam(0.01);
    Optimizer other = Optimizer.adam(0.02);

    Reference continued = new Reference();
    continued.adam(first, 3);
    continued.adam(first, 2);
    assertThat(trained(List.of(first, first), 3, 2).distance(continued))
        .as("a second fit with an equal optimizer").isLessThan(1e-5);

    Reference restarted = new Reference();
    restarted.adam(first, 3);
    restarted.restart();
    restarted.adam(other, 2);
    assertThat(trained(List.of(first, other), 3, 2).distance(restarted))
        .as("a second fit with another optimizer").isLessThan(1e-5);
    assertThat(continued.distance(restarted)).as("the references differ").isGreaterThan(1e-3);

    LearningRate schedule = LearningRate.step(0.2, 0.5, 2).withWarmup(2);
    Reference scheduled = new Reference();
    scheduled.sgd(schedule, 3);
    scheduled.sgd(schedule, 3);
    Optimizer sgd = Optimizer.sgd(schedule);
    assertThat(trained(List.of(sgd, sgd), 3, 3).distance(scheduled))
        .as("the schedule's step continues with an equal optimizer").isLessThan(1e-5);
  }

  @Test
  void clippingScalesTheGradientsToTheMaxGlobalNorm() {
    double[] w = new Reference().w;
    double[] g = OptimizerOpsTest.gradient(w);
    double norm = 0;
    for (double gi : g) {
      norm += gi * gi;
    }
    norm = Math.sqrt(norm);
    double lr = 0.1;
    for (double c : new double[] {norm / 3, 2 * norm}) {
      double[] expected = w.clone();
      double clippedBy = 0;
      for (int i = 0; i < w.length; i++) {
        expected[i] -= lr * g[i] * c / Math.max(norm, c);
        clippedBy = Math.max(clippedBy, Math.abs(lr * g[i] - (w[i] - expected[i])));
      }
      if (c < norm) {
        assertThat(clippedBy).as("clipping to a third changes the step").isGreaterThan(1e-3);
      }
      try (Model model = linear()) {
        model.fit(LINEAR, FULL_BATCH.withOptimizer(Optimizer.sgd(lr)).withGradientClipping(c));
        double[] actual = weights(model);
        for (int i = 0; i < w.length; i++) {
          // float32 on values of order 1: errors of order 1e-7
          assertThat(actual[i]).as("max norm %s, parameter %d", c, i)
              .isCloseTo(expected[i], within(1e-6));
        }
      }
    }
  }

  /** Weights after one fit per optimizer, of the given epochs (one full-batch step each). */
  static Reference trained(List<Optimizer> optimizers, int... epochs) {
    try (Model model = linear()) {
      for (int i = 0; i < optimizers.size(); i++) {
        model.fit(LINEAR, FULL_BATCH.withOptimizer(optimizers.get(i)).withEpochs(epochs[i]));
      }
      Reference r = new Reference();
      r.w = weights(model);
      return r;
    }
  }

  static Model linear() {
    Model model = Model.compile(Net.input(IN).dense(OUT), 0);
    model.setWeights(List.of(new ParameterValues("dense_0/kernel", Shape.of(IN, OUT), W0),
        new ParameterValues("dense_0/bias", Shape.of(OUT), B0)));
    return model;
  }

  static double[] weights(Model model) {
    Map<String, ParameterValues> w = model.weights();
    double[] out = new double[IN * OUT + OUT];
    float[] k = w.get("dense_0/kernel").values();
    float[] b = w.get("dense_0/bias").values();
    for (int i = 0; i < k.length; i++) {
      out[i] = k[i];
    }
    for (int i = 0; i < b.length; i++) {
      out[k.length + i] = b[i];
    }
    return out;
  }

  static int ops(Model model) {
    return ScheduleOpsTest.count(ModelGraphs.of(model));
  }

  /** The linear layer's parameters and an optimizer's state, stepped in double. */
  static final class Reference {
    double[] w = new double[IN * OUT + OUT];
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    long t;

    Reference() {
      for (int i = 0; i < IN * OUT; i++) {
        w[i] = W0[i];
      }
      for (int o = 0; o < OUT; o++) {
        w[IN * OUT + o] = B0[o];
      }
    }

    void restart() {
      m = new double[w.length];
      v = new double[w.length];
      t = 0;
    }

    void adam(Optimizer optimizer, int steps) {
      Optimizer.Adam a = (Optimizer.Adam) optimizer;
      for (int s = 0; s < steps; s++) {
        double[] g = OptimizerOpsTest.gradient(w);
        t++;
        double lr = a.schedule().at(t - 1) * Math.sqrt(1 - Math.pow(a.beta2(), t))
            / (1 - Math.pow(a.beta1(), t));
        for (int i = 0; i < w.length; i++) {
          m[i] = a.beta1() * m[i] + (1 - a.beta1()) * g[i];
          v[i] = a.beta2() * v[i] + (1 - a.beta2()) * g[i] * g[i];
          w[i] -= lr * m[i] / (Math.sqrt(v[i]) + a.epsilon());
        }
      }
    }

    void sgd(LearningRate schedule, int steps) {
      for (int s = 0; s < steps; s++) {
        double[] g = OptimizerOpsTest.gradient(w);
        double lr = schedule.at(t++);
        for (int i = 0; i < w.length; i++) {
          w[i] -= lr * g[i];
        }
      }
    }

    double distance(Reference other) {
      double d = 0;
      for (int i = 0; i < w.length; i++) {
        d = Math.max(d, Math.abs(w[i] - other.w[i]));
      }
      return d;
    }

    @Override
    public String toString() {
      return java.util.Arrays.toString(w);
    }
  }
}
