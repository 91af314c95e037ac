package dev.primer.tf;

import static dev.primer.dsl.init.Inits.HE_NORMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.io.NpyArray;
import dev.primer.tf.io.Npz;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import dev.primer.tf.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The public API of {@link Model}: inference, weights, save and load, errors, lifetime. */
class ModelTest {
  /** 2100 examples: predict and evaluate feed batches of 1024, so three batches, one partial. */
  static final InMemoryDataset DATA = Fixtures.blobs(2100, 4, 3, 1);
  static final NetSpec SOFTMAX = Net.input(4).dense(3).softmax();

  /** softmax(x W + b) of one example, in double. */
  static double[] softmaxLayer(float[] x, int offset, float[] w, float[] b) {
    int out = b.length;
    int in = w.length / out;
    double[] z = new double[out];
    double max = Double.NEGATIVE_INFINITY;
    for (int o = 0; o < out; o++) {
      z[o] = b[o];
      for (int f = 0; f < in; f++) {
        z[o] += x[offset + f] * w[f * out + o];
      }
      max = Math.max(max, z[o]);
    }
    double sum = 0;
    for (int o = 0; o < out; o++) {
      z[o] = Math.exp(z[o] - max);
      sum += z[o];
    }
    for (int o = 0; o < out; o++) {
      z[o] /= sum;
    }
    return z;
  }

  // ------------------------------------------------------------------ inference

  @Test
  void predictComputesTheNetForEveryExampleAcrossInferenceBatches() {
    float[] x = Fixtures.features(DATA);
    try (Model model = Model.compile(SOFTMAX, 7)) {
      float[] y = model.predict(x);
      Map<String, ParameterValues> w = model.weights();

      assertThat(model.outputSize()).isEqualTo(3);
      assertThat(y).hasSize(2100 * 3);
      for (int i = 0; i < 2100; i++) {
        double[] expected = softmaxLayer(x, i * 4, w.get("dense_0/kernel").values(),
            w.get("dense_0/bias").values());
        for (int o = 0; o < 3; o++) {
          assertThat((double) y[i * 3 + o]).as("example %d output %d", i, o)
              .isCloseTo(expected[o], within(1e-6));
        }
      }
      assertThat(model.predict(new float[0])).isEmpty();
    }
  }

  @Test
  void evaluateAveragesLossAndAccuracyOverEveryExample() {
    float[] x = Fixtures.features(DATA);
    float[] t = Fixtures.targets(DATA);
    try (Model model = Model.compile(SOFTMAX, 7)) {
      Map<String, ParameterValues> w = model.weights();
      double crossEntropy = 0;
      double squared = 0;
      int correct = 0;
      for (int i = 0; i < 2100; i++) {
        double[] p = softmaxLayer(x, i * 4, w.get("dense_0/kernel").values(),
            w.get("dense_0/bias").values());
        int best = 0;
        for (int o = 0; o < 3; o++) {
          crossEntropy -= t[i * 3 + o] * Math.log(p[o]);
          squared += (p[o] - t[i * 3 + o]) * (p[o] - t[i * 3 + o]) / 3;
          best = p[o] > p[best] ? o : best;
        }
        correct += t[i * 3 + best] == 1f ? 1 : 0;
      }

      Evaluation ce = model.evaluate(DATA);
      assertThat(ce.examples()).isEqualTo(2100);
      assertThat(ce.loss()).isCloseTo(crossEntropy / 2100, within(1e-5));
      assertThat(ce.accuracy()).isCloseTo(correct / 2100.0, within(1e-9));
      Evaluation mse = model.evaluate(DATA, Loss.MEAN_SQUARED_ERROR);
      assertThat(mse.loss()).isCloseTo(squared / 2100, within(1e-6));
      assertThat(mse.accuracy()).isEqualTo(ce.accuracy());
    }
  }

  @Test
  void aNetThatComputesNothingAtInferencePassesItsInputThrough() {
    float[] x = {1, -2, 3, -4, 5, -6, 7, -8};
    try (Model dropoutOnly = Model.compile(Net.input(4).dropout(0.5), 1);
         Model noLayers = Model.compile(Net.input(2, 2), 1)) {
      assertThat(dropoutOnly.predict(x)).containsExactly(x);
      assertThat(noLayers.predict(x)).containsExactly(x);
      assertThat(noLayers.weights()).isEmpty();
    }
  }

  @Test
  void dropoutIsOffAtInferenceAndBatchNormUsesItsMovingStatistics() {
    NetSpec withDropout = Net.input(4).dense(16).relu().dropout(0.5).dense(3).softmax();
    NetSpec without = Net.input(4).dense(16).relu().dense(3).softmax();
    float[] x = Fixtures.features(Fixtures.blobs(50, 4, 3, 2));
    try (Model a = Model.compile(withDropout, 3); Model b = Model.compile(without, 3)) {
      a.fit(DATA, FitOptions.defaults().withEpochs(1));
      b.setWeights(a.weights().values());

      // deterministic, and the same as the net without dropout
      float[] first = a.predict(x);
      assertThat(a.predict(x)).containsExactly(first);
      assertThat(b.predict(x)).containsExactly(first);
      assertThat(a.evaluate(DATA)).isEqualTo(b.evaluate(DATA));
    }
  }

  @Test
  void afterTrainingBatchNormPredictsWithTheMovingAverages() {
    // one full batch per step: every step's batch statistics are those of the whole set, so
    // after k steps moving_mean = (1 - m^k) mean and moving_variance = m^k + (1 - m^k) var
    int n = 64;
    java.util.SplittableRandom random = new java.util.SplittableRandom(6);
    float[] x = new float[n * 2];
    float[] y = new float[n * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (3 + 2 * random.nextGaussian());
      y[i] = (float) random.nextGaussian();
    }
    InMemoryDataset data = InMemoryDataset.ofTargets(x, Shape.of(2), y, 2);
    double momentum = 0.9;
    int steps = 5;
    try (Model model = Model.compile(Net.input(2).batchNorm(momentum, 1e-3), 5)) {
      model.fit(data, FitOptions.defaults().withLoss(Loss.MEAN_SQUARED_ERROR)
          .withOptimizer(Optimizer.sgd(0.1)).withBatchSize(n).withEpochs(steps));
      Map<String, ParameterValues> w = model.weights();
      float[] mm = w.get("batch_norm_0/moving_mean").values();
      float[] mv = w.get("batch_norm_0/moving_variance").values();
      float[] gamma = w.get("batch_norm_0/gamma").values();
      float[] beta = w.get("batch_norm_0/beta").values();

      double decay = Math.pow(momentum, steps);
      for (int c = 0; c < 2; c++) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
          mean += x[i * 2 + c] / (double) n;
        }
        double var = 0;
        for (int i = 0; i < n; i++) {
          var += (x[i * 2 + c] - mean) * (x[i * 2 + c] - mean) / n;
        }
        assertThat((double) mm[c]).as("moving mean %d", c)
            .isCloseTo((1 - decay) * mean, within(1e-4));
        assertThat((double) mv[c]).as("moving variance %d", c)
            .isCloseTo(decay + (1 - decay) * var, within(1e-4));
      }

      float[] predicted = model.predict(x);
      double[] outputMean = new double[2];
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < 2; c++) {
          double expected = gamma[c] * (x[i * 2 + c] - mm[c]) / Math.sqrt(mv[c] + 1e-3) + beta[c];
          assertThat((double) predicted[i * 2 + c]).as("example %d channel %d", i, c)
              .isCloseTo(expected, within(1e-5 * Math.abs(expected) + 1e-5));
          outputMean[c] += predicted[i * 2 + c] / n;
        }
      }
      // normalising by the batch's own statistics would centre the outputs on beta; the moving
      // mean is still 41% short of the data's, so the inference outputs are far from it
      for (int c = 0; c < 2; c++) {
        assertThat(Math.abs(outputMean[c] - beta[c])).as("channel %d", c).isGreaterThan(0.3);
      }
    }
  }

  @Test
  void theCompiledGraphRunsTheSameInferencePassAsPredict() {
    float[] x = Arrays.copyOf(Fixtures.features(DATA), 5 * 4);
    try (Model model = Model.compile(SOFTMAX, 7)) {
      CompiledGraph compiled = ModelGraphs.of(model);
      float[] y = new float[5 * 3];
      try (TFloat32 xt = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(5, 4),
               DataBuffers.of(x, true, false));
           Result r = compiled.session().runner().feed(compiled.input(), xt)
               .fetch(compiled.inference().output()).run()) {
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(y, false, false));
      }

      assertThat(y).isEqualTo(model.predict(x));
      assertThat(compiled.variables().all().keySet())
          .containsExactlyElementsOf(model.weights().keySet());
      assertThat(compiled.inference().traces()).hasSize(1);
    }
  }

  // ------------------------------------------------------------------ compiling

  @Test
  void aSpecWithoutInputTakesItsShapeAtCompileTimeOrFromTheData() {
    NetSpec block = Net.dense(3).softmax();
    try (Model given = Model.compile(block, Shape.of(4), 2, Device.CPU);
         Model fromData = Model.compileFor(block, DATA, 2, Device.CPU)) {
      assertThat(given.net().input()).isEqualTo(Shape.of(4));
      assertThat(given.spec()).isEqualTo(Net.input(4).dense(3).softmax());
      assertThat(fromData.spec()).isEqualTo(given.spec());
      assertThat(fromData.seed()).isEqualTo(2);
      assertThat(fromData.device()).isEqualTo(Device.CPU);
      assertThat(Fixtures.sha256(fromData.weights())).isEqualTo(Fixtures.sha256(given.weights()));
    }
    assertThatThrownBy(() -> Model.compile(block, 2))
        .isInstanceOf(SpecException.class)
        .hasMessage("the spec has no input shape: start it with input(...) or give one with"
            + " withInput(...)");
  }

  // ------------------------------------------------------------------ weights

  @Test
  void weightsComeInTheNetsOrderAndSetWeightsRoundTrips() {
    try (Model model = Model.compile(Net.input(4).dense(5).relu().dense(3).softmax(), 9)) {
      Map<String, ParameterValues> w = model.weights();
      assertThat(w.keySet()).containsExactly(
          "dense_0/kernel", "dense_0/bias", "dense_1/kernel", "dense_1/bias");
      assertThat(w.get("dense_0/kernel").shape()).isEqualTo(Shape.of(4, 5));

      float[] changed = w.get("dense_1/kernel").values().clone();
      for (int i = 0; i < changed.length; i++) {
        changed[i] = i * 0.25f - 1;
      }
      model.setWeights(List.of(new ParameterValues("dense_1/kernel", Shape.of(5, 3), changed)));
      Map<String, ParameterValues> after = model.weights();

      assertThat(after.get("dense_1/kernel").values()).containsExactly(changed);
      assertThat(after.get("dense_0/kernel").values())
          .containsExactly(w.get("dense_0/kernel").values());
      // the arrays handed out belong to the caller
      after.get("dense_0/bias").values()[0] = 42;
      assertThat(model.weights().get("dense_0/bias").values()[0]).isNotEqualTo(42f);
      model.setWeights(List.of());
    }
  }

  @Test
  void setWeightsNamesAnUnknownParameterOrAWrongShape() {
    try (Model model = Model.compile(Net.input(4).dense(3), 9)) {
      assertThatThrownBy(() -> model.setWeights(List.of(
          new ParameterValues("dense_9/kernel", Shape.of(4, 3), new float[12]))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("setWeights: the net has no parameter 'dense_9/kernel'; it has"
              + " [dense_0/kernel, dense_0/bias]");
      assertThatThrownBy(() -> model.setWeights(List.of(
          new ParameterValues("dense_0/kernel", Shape.of(3, 4), new float[12]))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("setWeights: dense_0/kernel has shape [4, 3], got [3, 4]");
    }
    assertThatThrownBy(() -> new ParameterValues("dense_0/kernel", Shape.of(4, 3), new float[5]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dense_0/kernel: 5 values for shape [4, 3] (12)");
  }

  // ------------------------------------------------------------------ save and load

  @Test
  void saveThenLoadGivesBitwiseIdenticalPredictions(@TempDir Path dir) throws IOException {
    NetSpec spec = Net.input(4).dense(8).init(HE_NORMAL).relu().batchNorm().dropout(0.2)
        .dense(3).softmax();
    float[] x = Fixtures.features(Fixtures.blobs(40, 4, 3, 3));
    Path saved = dir.resolve("model");
    float[] before;
    Map<String, ParameterValues> weights;
    try (Model model = Model.compile(spec, 12)) {
      model.fit(DATA, FitOptions.defaults().withEpochs(2));
      before = model.predict(x);
      weights = model.weights();
      model.save(saved);
    }

    assertThat(Files.readString(saved.resolve("spec.txt"))).isEqualTo(spec + "\n");
    assertThat(Npz.read(saved.resolve("weights.npz")).keySet())
        .containsExactlyElementsOf(weights.keySet());
    try (Model loaded = Model.load(saved, Device.CPU)) {
      assertThat(loaded.spec()).isEqualTo(spec);
      assertThat(loaded.predict(x)).containsExactly(before);
      assertThat(Fixtures.sha256(loaded.weights())).isEqualTo(Fixtures.sha256(weights));
      // and it trains on
      assertThat(loaded.fit(DATA, FitOptions.defaults()))
          .isInstanceOf(FitResult.Completed.class);
    }
  }

  @Test
  void loadNamesWhatIsMissingOrWrong(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> Model.load(dir.resolve("nowhere"), Device.CPU))
        .isInstanceOf(NoSuchFileException.class);

    Files.writeString(dir.resolve("spec.txt"), "input(4).dense(3)\n");
    Npz.write(dir.resolve("weights.npz"), List.of(
        new NpyArray("dense_0/kernel", new int[] {4, 3}, new float[12])));
    assertThatThrownBy(() -> Model.load(dir, Device.CPU))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(dir.resolve("weights.npz") + ": no array 'dense_0/bias' for the spec's"
            + " parameter of that name");

    Npz.write(dir.resolve("weights.npz"), List.of(
        new NpyArray("dense_0/kernel", new int[] {3, 4}, new float[12]),
        new NpyArray("dense_0/bias", new int[] {3}, new float[3])));
    assertThatThrownBy(() -> Model.load(dir, Device.CPU))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("setWeights: dense_0/kernel has shape [4, 3], got [3, 4]");
  }

  // ------------------------------------------------------------------ data errors

  @Test
  void dataThatDoesNotFitTheNetIsRejectedWithWhatWasExpected() {
    InMemoryDataset fiveFeatures = Fixtures.blobs(10, 5, 3, 1);
    InMemoryDataset twoClasses = Fixtures.blobs(10, 4, 2, 1);
    InMemoryDataset empty = InMemoryDataset.ofClasses(new float[0], Shape.of(4), new int[0], 3);
    try (Model model = Model.compile(SOFTMAX, 1);
         Model relu = Model.compile(Net.input(4).dense(3).relu(), 1);
         Model dropped = Model.compile(Net.input(4).dense(3).softmax().dropout(0.1), 1);
         Model logits = Model.compile(Net.input(4).dense(3).dropout(0.1), 1)) {
      List<ThrowingCallable> shapeCalls = List.of(
          () -> model.evaluate(fiveFeatures), () -> model.fit(fiveFeatures, FitOptions.defaults()),
          () -> model.fit(DATA, FitOptions.defaults().withValidation(fiveFeatures)));
      for (ThrowingCallable call : shapeCalls) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("the data's examples have shape [5], the net takes [4]");
      }
      assertThatThrownBy(() -> model.fit(twoClasses, FitOptions.defaults()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the data has 2 target values per example, the net outputs [3] (3)");
      assertThatThrownBy(() -> model.evaluate(empty))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the data set is empty");
      assertThatThrownBy(() -> relu.fit(DATA, FitOptions.defaults()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("softmax cross-entropy needs the net to end with softmax() or no"
              + " activation; layer 0 (dense) ends with relu()");
      assertThatCode(() -> relu.evaluate(DATA, Loss.MEAN_SQUARED_ERROR))
          .doesNotThrowAnyException();
      // probabilities passed through dropout are no longer logits nor a softmax output
      assertThatThrownBy(() -> dropped.evaluate(DATA))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("softmax cross-entropy needs softmax() on the last layer; layer 0 (dense)"
              + " applies it before layer 1 (dropout)");
      assertThatCode(() -> logits.evaluate(DATA)).doesNotThrowAnyException();
      assertThatThrownBy(() -> model.predict(new float[7]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("predict: 7 values is not a whole number of examples of shape [4]"
              + " (4 each)");
    }
  }

  // ------------------------------------------------------------------ lifetime

  @Test
  void aClosedModelRefusesEveryUseAndClosingTwiceIsFine(@TempDir Path dir) {
    Model model = Model.compile(SOFTMAX, 1);
    Map<String, ParameterValues> w = model.weights();
    model.close();
    model.close();

    assertThat(model.toString()).endsWith(", closed]");
    List<ThrowingCallable> uses = new ArrayList<>(List.of(
        model::weights,
        () -> model.predict(new float[4]),
        () -> model.evaluate(DATA),
        () -> model.evaluate(DATA, Loss.MEAN_SQUARED_ERROR),
        () -> model.fit(DATA, FitOptions.defaults()),
        () -> model.setWeights(w.values()),
        () -> model.save(dir.resolve("closed")),
        () -> ModelGraphs.of(model),
        () -> new Trainer(model)));
    for (ThrowingCallable use : uses) {
      assertThatThrownBy(use).isInstanceOf(IllegalStateException.class)
          .hasMessage("the model is closed");
    }
    assertThat(dir.resolve("closed")).doesNotExist();
    // what needs no session still answers
    assertThat(model.outputSize()).isEqualTo(3);
    assertThat(model.spec()).isEqualTo(SOFTMAX);
  }

  @Test
  void aModelIsAutoCloseable() {
    Model escaped;
    try (Model model = Model.compile(SOFTMAX, 1)) {
      escaped = model;
      assertThat(model.predict(new float[4])).hasSize(3);
    }
    assertThatThrownBy(() -> escaped.predict(new float[4]))
        .isInstanceOf(IllegalStateException.class);
    assertThatCode(escaped::close).doesNotThrowAnyException();
  }
}
