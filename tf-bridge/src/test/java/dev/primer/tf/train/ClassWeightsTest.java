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
import org.junit.jupiter.api.Test;

/**
 * Class weights: on an unbalanced set with hand-set weights, the training loss of a full-batch
 * step is {@code (1 / B) sum_i w_c(i) l_i} computed here, for softmax and binary cross-entropy;
 * the step follows the weighted gradient; bad weights are refused before training.
 */
class ClassWeightsTest {
  static final float[] X = {1.0f, 2.0f, -0.5f, 0.3f, 0.2f, -1.5f, -2.0f, 1.0f, 0.7f, 0.7f,
      3.0f, -1.0f, 0.1f, 0.4f};
  /** Four examples of class 0, two of class 1, one of class 2. */
  static final int[] CLASSES = {0, 0, 0, 0, 1, 1, 2};
  static final float[] KERNEL = {0.8f, -0.5f, 0.3f, 0.2f, 0.6f, -1.0f};
  static final float[] BIAS = {0.1f, -0.2f, 0.05f};

  @Test
  void softmaxLossIsWeightedByClassOverTheBatchSize() {
    double[] weights = {0.5, 2, 4};
    int n = CLASSES.length;
    double weighted = 0;
    double plain = 0;
    for (int i = 0; i < n; i++) {
      double[] z = new double[3];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < 3; k++) {
        z[k] = X[2 * i] * KERNEL[k] + X[2 * i + 1] * KERNEL[3 + k] + BIAS[k];
        max = Math.max(max, z[k]);
      }
      double sum = 0;
      for (int k = 0; k < 3; k++) {
        sum += Math.exp(z[k] - max);
      }
      double ce = -(z[CLASSES[i]] - max - Math.log(sum));
      weighted += weights[CLASSES[i]] * ce;
      plain += ce;
    }
    InMemoryDataset data = InMemoryDataset.ofClasses(X, Shape.of(2), CLASSES, 3);
    FitOptions options = FitOptions.defaults().withOptimizer(Optimizer.sgd(1e-3))
        .withBatchSize(n);
    try (Model model = softmax()) {
      double loss = model.fit(data, options.withClassWeights(weights)).history().get(0)
          .trainLoss();
      // float32 on values of order 1; the weights move the loss by far more than that
      assertThat(loss).isCloseTo(weighted / n, within(1e-5));
      assertThat(Math.abs(weighted - plain) / n).isGreaterThan(0.1);
    }
    try (Model model = softmax()) {
      double loss = model.fit(data, options.withClassWeights(1, 1, 1)).history().get(0)
          .trainLoss();
      assertThat(loss).as("weights of 1 give the plain mean").isCloseTo(plain / n, within(1e-5));
    }
  }

  @Test
  void binaryLossIsWeightedByTheTargetsClassAndTheStepFollowsIt() {
    float[] y = {0, 0, 0, 0, 0, 1, 1};
    double[] weights = {1, 3};
    float[] kernel = {0.8f, -0.5f};
    float bias = 0.1f;
    int n = y.length;
    double lr = 0.5;
    double loss = 0;
    double[] grad = new double[3];
    for (int i = 0; i < n; i++) {
      double z = X[2 * i] * kernel[0] + X[2 * i + 1] * kernel[1] + bias;
      double p = 1 / (1 + Math.exp(-z));
      double w = weights[(int) y[i]];
      loss += w * -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
      grad[0] += w * (p - y[i]) * X[2 * i] / n;
      grad[1] += w * (p - y[i]) * X[2 * i + 1] / n;
      grad[2] += w * (p - y[i]) / n;
    }
    try (Model model = Model.compile(Net.input(2).dense(1).sigmoid(), 0)) {
      model.setWeights(List.of(new ParameterValues("dense_0/kernel", Shape.of(2, 1), kernel),
          new ParameterValues("dense_0/bias", Shape.of(1), new float[] {bias})));
      double trainLoss = model.fit(InMemoryDataset.ofTargets(X, Shape.of(2), y, 1),
          FitOptions.defaults().withLoss(Loss.BINARY_CROSS_ENTROPY)
              .withOptimizer(Optimizer.sgd(lr)).withBatchSize(n).withClassWeights(weights))
          .history().get(0).trainLoss();
      assertThat(trainLoss).isCloseTo(loss / n, within(1e-5));
      float[] k = model.weights().get("dense_0/kernel").values();
      assertThat((double) k[0]).isCloseTo(kernel[0] - lr * grad[0], within(1e-6));
      assertThat((double) k[1]).isCloseTo(kernel[1] - lr * grad[1], within(1e-6));
      assertThat((double) model.weights().get("dense_0/bias").values()[0])
          .isCloseTo(bias - lr * grad[2], within(1e-6));
    }
  }

  @Test
  void weightsThatDoNotFitTheNetAreRefusedBeforeTraining() {
    InMemoryDataset data = InMemoryDataset.ofClasses(X, Shape.of(2), CLASSES, 3);
    try (Model model = softmax()) {
      assertThatThrownBy(() -> model.fit(data, FitOptions.defaults().withClassWeights(1, 2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("fit: class weights: 2 given, but the net has 3 classes (one per output)");
    }
    try (Model binary = Model.compile(Net.input(2).dense(1).sigmoid(), 0)) {
      assertThatThrownBy(() -> binary.fit(
          InMemoryDataset.ofTargets(X, Shape.of(2), new float[7], 1),
          FitOptions.defaults().withLoss(Loss.BINARY_CROSS_ENTROPY).withClassWeights(1, 2, 3)))
          .hasMessage("fit: class weights: 3 given, but binary cross-entropy with one output"
              + " has 2 classes (0, then 1)");
    }
    try (Model multi = Model.compile(Net.input(2).dense(3).sigmoid(), 0)) {
      assertThatThrownBy(() -> multi.fit(data,
          FitOptions.defaults().withLoss(Loss.BINARY_CROSS_ENTROPY).withClassWeights(1, 2, 3)))
          .hasMessageStartingWith("fit: class weights need one class per example; binary"
              + " cross-entropy with 3 outputs is multi-label");
    }
  }

  static Model softmax() {
    Model model = Model.compile(Net.input(2).dense(3).softmax(), 0);
    model.setWeights(List.of(new ParameterValues("dense_0/kernel", Shape.of(2, 3), KERNEL),
        new ParameterValues("dense_0/bias", Shape.of(3), BIAS)));
    return model;
  }
}
