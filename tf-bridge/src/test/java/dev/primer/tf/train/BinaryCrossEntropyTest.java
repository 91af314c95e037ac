package dev.primer.tf.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Binary cross-entropy on sigmoid outputs: its value and accuracy (thresholded at 0.5) against
 * the formulas of {@link Loss#BINARY_CROSS_ENTROPY} on hand-set weights, one output and several;
 * its gradient through one SGD step; a 1-unit sigmoid net learning an XOR-like problem; and the
 * checks that refuse what it cannot train.
 */
class BinaryCrossEntropyTest {
  static final float[] X = {1.0f, 2.0f, -0.5f, 0.3f, 0.2f, -1.5f, -2.0f, 1.0f, 0.7f, 0.7f,
      3.0f, -1.0f};
  static final float[] KERNEL = {0.8f, -0.5f};
  static final float BIAS = 0.1f;
  /** z = -0.1, -0.45, 1.01, -2.0, 0.31, 3.0: labels chosen so that examples 0, 3, 4 are wrong. */
  static final float[] LABELS = {1, 0, 1, 1, 0, 1};

  static Model logistic() {
    Model model = Model.compile(Net.input(2).dense(1).sigmoid(), 0);
    model.setWeights(List.of(new ParameterValues("dense_0/kernel", Shape.of(2, 1), KERNEL),
        new ParameterValues("dense_0/bias", Shape.of(1), new float[] {BIAS})));
    return model;
  }

  static double z(int i) {
    return (double) X[2 * i] * KERNEL[0] + (double) X[2 * i + 1] * KERNEL[1] + BIAS;
  }

  static double bce(double z, double y) {
    return -y * Math.log(sigmoid(z)) - (1 - y) * Math.log(1 - sigmoid(z));
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @Test
  void oneOutputLossAndAccuracyFollowTheFormulas() {
    double loss = 0;
    double correct = 0;
    for (int i = 0; i < LABELS.length; i++) {
      loss += bce(z(i), LABELS[i]);
      correct += (sigmoid(z(i)) > 0.5) == (LABELS[i] == 1) ? 1 : 0;
    }
    try (Model model = logistic()) {
      Evaluation e = model.evaluate(
          InMemoryDataset.ofTargets(X, Shape.of(2), LABELS, 1), Loss.BINARY_CROSS_ENTROPY);
      // float32 on values of order 1
      assertThat(e.loss()).isCloseTo(loss / LABELS.length, within(1e-6));
      assertThat(e.accuracy()).isEqualTo(correct / LABELS.length);
      assertThat(correct).as("the case has right and wrong examples").isEqualTo(3);
    }
  }

  @Test
  void severalOutputsAreIndependentLabelsAveraged() {
    float[] kernel = {0.5f, -1f, 2f, 1.5f, 0.3f, -0.7f};
    float[] bias = {0f, 0.2f, -0.1f};
    float[] x = {1f, 0.5f, -1f, 2f, 0.3f, -0.4f, 2f, 1f};
    float[] y = {1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1};
    double loss = 0;
    double correct = 0;
    for (int i = 0; i < 4; i++) {
      double each = 0;
      double right = 0;
      for (int k = 0; k < 3; k++) {
        double z = x[2 * i] * kernel[k] + x[2 * i + 1] * kernel[3 + k] + bias[k];
        each += bce(z, y[3 * i + k]);
        right += (z > 0) == (y[3 * i + k] == 1) ? 1 : 0;
      }
      loss += each / 3;
      correct += right / 3;
    }
    try (Model model = Model.compile(Net.input(2).dense(3).sigmoid(), 0)) {
      model.setWeights(List.of(new ParameterValues("dense_0/kernel", Shape.of(2, 3), kernel),
          new ParameterValues("dense_0/bias", Shape.of(3), bias)));
      Evaluation e = model.evaluate(
          InMemoryDataset.ofTargets(x, Shape.of(2), y, 3), Loss.BINARY_CROSS_ENTROPY);
      assertThat(e.loss()).isCloseTo(loss / 4, within(1e-6));
      assertThat(e.accuracy()).isCloseTo(correct / 4, within(1e-6));
    }
  }

  @Test
  void oneStepFollowsTheGradientSigmoidMinusTarget() {
    double lr = 0.5;
    double[] grad = new double[3];
    for (int i = 0; i < LABELS.length; i++) {
      double d = (sigmoid(z(i)) - LABELS[i]) / LABELS.length;
      grad[0] += d * X[2 * i];
      grad[1] += d * X[2 * i + 1];
      grad[2] += d;
    }
    try (Model model = logistic()) {
      FitResult result = model.fit(InMemoryDataset.ofTargets(X, Shape.of(2), LABELS, 1),
          FitOptions.defaults().withLoss(Loss.BINARY_CROSS_ENTROPY)
              .withOptimizer(Optimizer.sgd(lr)).withBatchSize(LABELS.length));
      float[] k = model.weights().get("dense_0/kernel").values();
      float b = model.weights().get("dense_0/bias").values()[0];
      assertThat((double) k[0]).isCloseTo(KERNEL[0] - lr * grad[0], within(1e-6));
      assertThat((double) k[1]).isCloseTo(KERNEL[1] - lr * grad[1], within(1e-6));
      assertThat((double) b).isCloseTo(BIAS - lr * grad[2], within(1e-6));
      assertThat(result.history().get(0).trainAccuracy()).as("thresholded at 0.5")
          .isEqualTo(0.5);
    }
  }

  @Test
  void aOneUnitSigmoidNetLearnsAnXorLikeProblem() {
    InMemoryDataset train = quadrants(512, 1);
    InMemoryDataset test = quadrants(2000, 2);
    try (Model model = Model.compile(Net.input(2).dense(16).tanh().dense(1).sigmoid(), 3)) {
      model.fit(train, FitOptions.defaults().withLoss(Loss.BINARY_CROSS_ENTROPY)
          .withOptimizer(Optimizer.adam(0.02)).withBatchSize(64).withEpochs(60));
      Evaluation e = model.evaluate(test, Loss.BINARY_CROSS_ENTROPY);
      // this net reaches ~0.97 here; the estimate's standard error on 2000 examples is at most
      // sqrt(0.25 / 2000) = 0.011, so 0.9 sits more than 5 errors below it, and far above the
      // 0.5 of a net that cannot learn XOR (or was never trained)
      assertThat(e.accuracy()).isGreaterThan(0.9);
    }
  }

  /** Points uniform in [-1, 1]^2, labelled 1 where x1 * x2 &gt; 0. */
  static InMemoryDataset quadrants(int n, long seed) {
    Random random = new Random(seed);
    float[] x = new float[2 * n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = random.nextFloat() * 2 - 1;
      x[2 * i + 1] = random.nextFloat() * 2 - 1;
      y[i] = x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0;
    }
    return InMemoryDataset.ofTargets(x, Shape.of(2), y, 1);
  }

  @Test
  void whatItCannotTrainIsRefusedUpFront() {
    FitOptions bce = FitOptions.defaults().withLoss(Loss.BINARY_CROSS_ENTROPY);
    try (Model model = logistic()) {
      float[] y = LABELS.clone();
      y[4] = 2;
      assertThatThrownBy(() -> model.fit(InMemoryDataset.ofTargets(X, Shape.of(2), y, 1), bce))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("binary cross-entropy needs targets in [0, 1]; example 4 has 2.0 at"
              + " output 0");
    }
    try (Model softmax = Model.compile(Net.input(2).dense(2).softmax(), 0)) {
      assertThatThrownBy(() -> softmax.fit(InMemoryDataset.ofTargets(X, Shape.of(2),
          new float[12], 2), bce))
          .hasMessage("binary cross-entropy needs the net to end with sigmoid() or no"
              + " activation; layer 0 (dense) ends with softmax()");
    }
    try (Model dropped = Model.compile(Net.input(2).dense(1).sigmoid().dropout(0.5), 0)) {
      assertThatThrownBy(() -> dropped.fit(
          InMemoryDataset.ofTargets(X, Shape.of(2), LABELS, 1), bce))
          .hasMessageStartingWith("binary cross-entropy needs sigmoid() on the last layer;"
              + " layer 0 (dense) applies it before layer 1");
    }
  }
}
