package dev.primer.tf.train;

import static dev.primer.dsl.init.Inits.HE_NORMAL;
import static dev.primer.dsl.init.Inits.ZEROS;
import static dev.primer.dsl.init.Inits.constant;
import static dev.primer.dsl.init.Inits.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Fixtures;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.InMemoryDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training through {@link Model#fit}: every optimizer trains an MLP and a CNN, recurrent layers
 * train, symmetric init stays symmetric, a diverging run ends in {@link FitResult.Diverged}, and
 * the bookkeeping of epochs, steps and listeners.
 *
 * <p>"Learns" means: the mean loss over the training set at inference falls to less than a
 * quarter of its value before training and accuracy reaches 95%. With the seeds here the factor
 * measured is at least 20 (the simple RNN; 26 for plain SGD on the CNN, 50-600 for most), so
 * the check has room without being unable to fail: an optimizer that does not update, or updates
 * with the wrong sign, leaves the loss where it was or raises it.
 */
class TrainingTest {

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", Optimizer.sgd(0.1)),
        Arguments.of("momentum", Optimizer.momentum(0.05, 0.9)),
        Arguments.of("nesterov", Optimizer.nesterov(0.05, 0.9)),
        Arguments.of("adam", Optimizer.adam(0.01)),
        Arguments.of("rmsprop", Optimizer.rmsProp(0.01)));
  }

  private static void assertLearns(NetSpec spec, InMemoryDataset data, FitOptions options,
      String what) {
    try (Model model = Model.compile(spec, 17)) {
      Evaluation before = model.evaluate(data);
      FitResult result = model.fit(data, options);
      Evaluation after = model.evaluate(data);

      assertThat(result).as(what).isInstanceOf(FitResult.Completed.class);
      assertThat(result.history()).hasSize(options.epochs());
      assertThat(after.loss()).as("%s: loss before %s, after", what, before.loss())
          .isLessThan(before.loss() / 4);
      assertThat(after.accuracy()).as("%s: accuracy", what).isGreaterThanOrEqualTo(0.95);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void anMlpLearnsSeparableBlobs(String name, Optimizer optimizer) {
    assertLearns(Net.input(8).dense(16).relu().dense(3).softmax(), Fixtures.blobs(384, 8, 3, 5),
        FitOptions.defaults().withOptimizer(optimizer).withBatchSize(32).withEpochs(10),
        "mlp " + name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void aCnnLearnsHorizontalFromVerticalBars(String name, Optimizer optimizer) {
    assertLearns(Net.input(8, 8, 1).conv2d(8, 3).relu().maxPool2d(2).flatten().dense(2).softmax(),
        Fixtures.bars(256, 8, 6),
        FitOptions.defaults().withOptimizer(optimizer).withBatchSize(32).withEpochs(20),
        "cnn " + name);
  }

  static Stream<Arguments> recurrentNets() {
    List<Arguments> nets = new ArrayList<>();
    for (Returns returns : Returns.values()) {
      NetSpec base = Net.input(8, 3);
      List<NetSpec> layers = List.of(base.simpleRnn(8, returns), base.lstm(8, returns),
          base.gru(8, returns));
      for (NetSpec layer : layers) {
        NetSpec spec = returns == Returns.SEQUENCES ? layer.flatten() : layer;
        nets.add(Arguments.of(spec.dense(2).softmax()));
      }
    }
    return nets.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recurrentNets")
  void recurrentNetsLearnTheSignOfARunningMean(NetSpec spec) {
    assertLearns(spec, Fixtures.sequences(256, 8, 3, 9),
        FitOptions.defaults().withOptimizer(Optimizer.adam(0.01)).withBatchSize(32).withEpochs(10),
        spec.toString());
  }

  // ------------------------------------------------------------------ symmetry

  /** Hidden [8, 16] kernel columns, hidden biases and output [16, 3] kernel rows after SGD. */
  private static Map<String, ParameterValues> trainedWith(Init init) {
    NetSpec spec = Net.input(8).dense(16).sigmoid().dense(3).softmax().defaultInit(init);
    try (Model model = Model.compile(spec, 3)) {
      model.fit(Fixtures.blobs(384, 8, 3, 5), FitOptions.defaults()
          .withOptimizer(Optimizer.sgd(0.5)).withBatchSize(32).withEpochs(10));
      return model.weights();
    }
  }

  /** The largest difference between column j and column 0 of a [rows, cols] matrix. */
  private static double columnSpread(float[] w, int rows, int cols) {
    double spread = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 1; c < cols; c++) {
        spread = Math.max(spread, Math.abs(w[r * cols + c] - w[r * cols]));
      }
    }
    return spread;
  }

  private static double maxAbs(float[] w) {
    double m = 0;
    for (float v : w) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("symmetricInits")
  void aConstantInitLeavesTheHiddenUnitsIdenticalAfterTraining(String name, Init init) {
    Map<String, ParameterValues> w = trainedWith(init);
    float[] hidden = w.get("dense_0/kernel").values();
    float[] bias = w.get("dense_0/bias").values();
    float[] out = w.get("dense_1/kernel").values();

    // the weights moved (sigmoid(0) = 0.5 passes a gradient) ...
    assertThat(maxAbs(hidden)).as("hidden kernel moved away from its start").isGreaterThan(0.1);
    // ... but every hidden unit got the same gradient at every step: identical columns, equal
    // biases, identical rows of the output kernel. Measured exactly 0; 1e-4 of the weights'
    // size leaves room for float summation order, 10^4 times below He's spread below.
    double tolerance = 1e-4 * maxAbs(hidden);
    assertThat(columnSpread(hidden, 8, 16)).as("spread of the hidden columns").isLessThan(tolerance);
    assertThat(columnSpread(bias, 1, 16)).as("spread of the hidden biases").isLessThan(tolerance);
    assertThat(columnSpread(transpose(out, 16, 3), 3, 16)).as("spread of the output rows")
        .isLessThan(tolerance);
  }

  static Stream<Arguments> symmetricInits() {
    return Stream.of(Arguments.of("zeros", ZEROS), Arguments.of("constant(0.1)", constant(0.1)));
  }

  @Test
  void heInitBreaksTheSymmetry() {
    float[] hidden = trainedWith(HE_NORMAL).get("dense_0/kernel").values();

    assertThat(columnSpread(hidden, 8, 16)).isGreaterThan(0.1 * maxAbs(hidden));
  }

  private static float[] transpose(float[] w, int rows, int cols) {
    float[] t = new float[w.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = w[r * cols + c];
      }
    }
    return t;
  }

  // ------------------------------------------------------------------ divergence

  @Test
  void aNonFiniteLossStopsTrainingWithDivergedAndTheModelStaysUsable() {
    // squared error, weights N(0, 10^2) and SGD with learning rate 1000: the first step
    // overshoots by orders of magnitude and the loss overflows float32 within a few steps
    NetSpec exploding = Net.input(8).dense(16).init(normal(0, 10)).relu()
        .dense(3).init(normal(0, 10));
    InMemoryDataset data = Fixtures.blobs(384, 8, 3, 5);
    List<Double> stepLosses = new ArrayList<>();
    FitOptions options = FitOptions.defaults().withLoss(Loss.MEAN_SQUARED_ERROR)
        .withOptimizer(Optimizer.sgd(1000)).withBatchSize(32).withEpochs(3)
        .withListener(new TrainingListener() {
          @Override
          public void onStep(int epoch, long step, long stepsPerEpoch, double loss) {
            stepLosses.add(loss);
          }
        });

    try (Model model = Model.compile(exploding, 3)) {
      Map<String, ParameterValues> before = model.weights();
      FitResult result = model.fit(data, options);

      assertThat(result).isInstanceOfSatisfying(FitResult.Diverged.class, d -> {
        assertThat(d.epoch()).isEqualTo(1);
        assertThat(d.step()).isBetween(2L, 12L);
        assertThat(d.globalStep()).isEqualTo(d.step());
        assertThat(Double.isFinite(d.loss())).isFalse();
        assertThat(d.history()).isEmpty();
        assertThat(d.weightsOfEpoch()).isZero();
        assertThat(d.describe()).isEqualTo("diverged at epoch 1, step " + d.step() + " (loss "
            + d.loss() + ")");
        // the listener heard every finite step before it, not the diverged one
        assertThat(stepLosses).hasSize((int) d.step() - 1).allMatch(Double::isFinite);
      });
      // the model got back the weights fit found, bitwise: all finite, and predict is finite
      assertSameWeights(model.weights(), before);
      assertAllFinite(model);
      // a re-fit with a sane rate trains from there
      double lossBefore = model.evaluate(data, Loss.MEAN_SQUARED_ERROR).loss();
      FitResult again = model.fit(data, options.withOptimizer(Optimizer.sgd(1e-4))
          .withListener(TrainingListener.NONE));
      assertThat(again).isInstanceOf(FitResult.Completed.class);
      assertThat(model.evaluate(data, Loss.MEAN_SQUARED_ERROR).loss()).isLessThan(lossBefore);
      assertAllFinite(model);
    }
  }

  @Test
  void aRunDivergingInALaterEpochGetsBackTheWeightsOfTheEpochBefore() {
    // squared error and SGD at 0.5 from He init: the loss grows each step but stays finite
    // through epoch 1 and overflows in epoch 2 (step 3 with these seeds)
    NetSpec net = Net.input(8).dense(16).relu().init(HE_NORMAL).dense(3);
    InMemoryDataset data = Fixtures.blobs(128, 8, 3, 5);
    try (Model model = Model.compile(net, 3)) {
      List<Map<String, ParameterValues>> byEpoch = new ArrayList<>();
      FitResult result = model.fit(data, FitOptions.defaults().withLoss(Loss.MEAN_SQUARED_ERROR)
          .withOptimizer(Optimizer.sgd(0.5)).withBatchSize(32).withEpochs(10)
          .withListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochStats stats) {
              byEpoch.add(model.weights());
            }
          }));

      assertThat(result).isInstanceOfSatisfying(FitResult.Diverged.class, d -> {
        assertThat(d.epoch()).isBetween(2, 9);
        assertThat(d.history()).hasSize(d.epoch() - 1);
        assertThat(d.weightsOfEpoch()).isEqualTo(d.epoch() - 1);
        assertSameWeights(model.weights(), byEpoch.get(d.weightsOfEpoch() - 1));
      });
      assertAllFinite(model);
      // epoch 1 left the loss at about 2.6e7 (already growing); a rate of 1e-4 brings it down
      double lossBefore = model.evaluate(data, Loss.MEAN_SQUARED_ERROR).loss();
      FitResult again = model.fit(data, FitOptions.defaults().withLoss(Loss.MEAN_SQUARED_ERROR)
          .withOptimizer(Optimizer.sgd(1e-4)).withBatchSize(32).withEpochs(2));
      assertThat(again).isInstanceOf(FitResult.Completed.class);
      assertThat(model.evaluate(data, Loss.MEAN_SQUARED_ERROR).loss()).isLessThan(lossBefore);
      assertAllFinite(model);
    }
  }

  private static void assertSameWeights(Map<String, ParameterValues> actual,
      Map<String, ParameterValues> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((name, v) ->
        assertThat(actual.get(name).values()).as(name).containsExactly(v.values()));
  }

  private static void assertAllFinite(Model model) {
    model.weights().forEach((name, v) -> {
      for (float w : v.values()) {
        assertThat(Float.isFinite(w)).as("%s finite", name).isTrue();
      }
    });
    float[] x = Fixtures.features(Fixtures.blobs(30, 8, 3, 9));
    for (float y : model.predict(x)) {
      assertThat(Float.isFinite(y)).as("prediction finite").isTrue();
    }
  }

  @Test
  void aNanInTheDataDivergesAtTheFirstStepThatSeesIt() {
    float[] x = Fixtures.features(Fixtures.blobs(64, 8, 3, 5));
    int[] labels = new int[64];
    InMemoryDataset clean = InMemoryDataset.ofClasses(x, Shape.of(8), labels, 3);
    Dataset data = nanAt(clean, 5);
    try (Model model = Model.compile(Net.input(8).dense(3).softmax(), 1)) {
      // one batch holding every example: the first step sees the NaN
      FitResult result = model.fit(data, FitOptions.defaults().withBatchSize(64).withEpochs(2));

      assertThat(result).isInstanceOfSatisfying(FitResult.Diverged.class, d -> {
        assertThat(d.epoch()).isEqualTo(1);
        assertThat(d.step()).isEqualTo(1);
        assertThat(d.loss()).isNaN();
      });
    }
  }

  @Test
  void afterADivergedFitTheNextFitStartsTheOptimizerAfresh() {
    // the diverged epoch is undone (parameters and slots), but the optimizer's step counter ran
    // on; the next fit, even with an equal optimizer, must start its state afresh, exactly like a
    // new model given the same weights (a continued Adam state moves the weights differently)
    InMemoryDataset clean = Fixtures.blobs(64, 8, 3, 5);
    Dataset poisoned = nanAt(clean, 0);
    NetSpec net = Net.input(8).dense(3).softmax();
    FitOptions adam = FitOptions.defaults().withOptimizer(Optimizer.adam(0.01)).withBatchSize(64);
    Map<String, ParameterValues> afterTwoEpochs;
    Map<String, ParameterValues> continued;
    try (Model model = Model.compile(net, 1)) {
      model.fit(clean, adam.withEpochs(2));
      afterTwoEpochs = model.weights();
      assertThat(model.fit(poisoned, adam)).isInstanceOf(FitResult.Diverged.class);
      assertSameWeights(model.weights(), afterTwoEpochs);
      model.fit(clean, adam);
      continued = model.weights();
    }
    try (Model fresh = Model.compile(net, 1)) {
      fresh.setWeights(afterTwoEpochs.values());
      fresh.fit(clean, adam);
      // one full batch: the same gradient up to the order of the sum over examples
      fresh.weights().forEach((name, v) -> assertThat(continued.get(name).values()).as(name)
          .containsExactly(v.values(), within(1e-6f)));
    }
  }

  /**
   * {@code clean} with a NaN at example 0, {@code feature}: InMemoryDataset refuses a NaN when it
   * is built, a Dataset of one's own can still deliver one.
   */
  private static Dataset nanAt(InMemoryDataset clean, int feature) {
    return new Dataset() {
      @Override
      public int size() {
        return clean.size();
      }

      @Override
      public Shape exampleShape() {
        return clean.exampleShape();
      }

      @Override
      public int targetWidth() {
        return clean.targetWidth();
      }

      @Override
      public void read(int from, int count, float[] features, int featuresOffset,
          float[] targets, int targetsOffset) {
        clean.read(from, count, features, featuresOffset, targets, targetsOffset);
        if (from == 0 && count > 0) {
          features[featuresOffset + feature] = Float.NaN;
        }
      }
    };
  }

  // ------------------------------------------------------------------ bookkeeping

  @Test
  void epochsStepsListenersAndValidationAreReportedAsTheyHappen() {
    InMemoryDataset train = Fixtures.blobs(100, 8, 3, 1);
    InMemoryDataset validation = Fixtures.blobs(50, 8, 3, 2);
    List<long[]> steps = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    List<EpochStats> epochs = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onStep(int epoch, long step, long stepsPerEpoch, double loss) {
        steps.add(new long[] {epoch, step, stepsPerEpoch});
        losses.add(loss);
      }

      @Override
      public void onEpoch(EpochStats stats) {
        epochs.add(stats);
      }
    };

    try (Model model = Model.compile(Net.input(8).dense(3).softmax(), 4)) {
      FitResult result = model.fit(train, FitOptions.defaults().withBatchSize(32).withEpochs(2)
          .withValidation(validation).withListener(listener));

      // 100 examples in batches of 32: 4 steps per epoch, the last of 4 examples
      assertThat(steps).extracting(s -> s[0] + "." + s[1] + "/" + s[2]).containsExactly(
          "1.1/4", "1.2/4", "1.3/4", "1.4/4", "2.1/4", "2.2/4", "2.3/4", "2.4/4");
      assertThat(result).isInstanceOf(FitResult.Completed.class);
      assertThat(result.describe()).isEqualTo("completed 2 epochs");
      assertThat(result.history()).containsExactlyElementsOf(epochs);
      for (int e = 0; e < 2; e++) {
        EpochStats stats = epochs.get(e);
        assertThat(stats.epoch()).isEqualTo(e + 1);
        assertThat(stats.steps()).isEqualTo(4);
        // the epoch's loss is the mean over examples: batch losses weighted by batch size
        double weighted = 0;
        for (int s = 0; s < 4; s++) {
          weighted += losses.get(e * 4 + s) * (s < 3 ? 32 : 4);
        }
        assertThat(stats.trainLoss()).isCloseTo(weighted / 100, within(1e-6));
        assertThat(stats.trainAccuracy()).isBetween(0.0, 1.0);
        assertThat(stats.validation()).isPresent();
        assertThat(stats.elapsed()).isPositive();
      }
      // the last validation is the model as it ends
      assertThat(epochs.get(1).validation()).contains(model.evaluate(validation));
    }
  }

  @Test
  void targetsOfOneValueHaveNoAccuracy() {
    float[] x = Fixtures.features(Fixtures.blobs(64, 4, 2, 8));
    float[] y = new float[64];
    for (int i = 0; i < 64; i++) {
      y[i] = x[i * 4] - 2 * x[i * 4 + 1];
    }
    InMemoryDataset regression = InMemoryDataset.ofTargets(x, Shape.of(4), y, 1);
    try (Model model = Model.compile(Net.input(4).dense(1), 2)) {
      FitResult result = model.fit(regression, FitOptions.defaults()
          .withLoss(Loss.MEAN_SQUARED_ERROR).withOptimizer(Optimizer.sgd(0.05)).withEpochs(30)
          .withBatchSize(16));
      Evaluation after = model.evaluate(regression, Loss.MEAN_SQUARED_ERROR);

      assertThat(result.history().get(0).trainAccuracy()).isNaN();
      assertThat(after.accuracy()).isNaN();
      assertThat(after.loss()).isLessThan(result.history().get(0).trainLoss() / 100);
    }
  }

  @Test
  void aDifferentDataSetIsLoadedForTheNextFit() {
    // the same points with every label moved on by one class, and fewer of them: after
    // training on them the model must follow the new labels, so the new data was really used
    InMemoryDataset original = Fixtures.blobs(384, 8, 3, 5);
    float[] x = Arrays.copyOf(Fixtures.features(original), 200 * 8);
    int[] shifted = new int[200];
    for (int i = 0; i < 200; i++) {
      shifted[i] = (i % 3 + 1) % 3;
    }
    InMemoryDataset relabelled = InMemoryDataset.ofClasses(x, Shape.of(8), shifted, 3);
    FitOptions options = FitOptions.defaults().withOptimizer(Optimizer.adam(0.02))
        .withBatchSize(32).withEpochs(15);
    try (Model model = Model.compile(Net.input(8).dense(16).relu().dense(3).softmax(), 2)) {
      model.fit(original, options);
      assertThat(model.evaluate(original).accuracy()).isGreaterThan(0.95);

      model.fit(relabelled, options);
      assertThat(model.evaluate(relabelled).accuracy()).isGreaterThan(0.95);
      assertThat(model.evaluate(original).accuracy()).isLessThan(0.1);
    }
  }

  @Test
  void threeFitsOfOneEpochEqualOneFitOfThree() {
    // epochs are numbered across calls (shuffles), the step counter keys dropout, Adam's moments
    // and beta powers persist: the runs must agree bit for bit
    NetSpec spec = Net.input(8).dense(16).relu().dropout(0.3).dense(3).softmax();
    InMemoryDataset data = Fixtures.blobs(96, 8, 3, 12);
    FitOptions one = FitOptions.defaults().withOptimizer(Optimizer.adam(0.01)).withBatchSize(16);
    Map<String, ParameterValues> stepwise;
    try (Model model = Model.compile(spec, 31)) {
      for (int i = 0; i < 3; i++) {
        model.fit(data, one);
      }
      stepwise = model.weights();
    }
    try (Model model = Model.compile(spec, 31)) {
      model.fit(data, one.withEpochs(3));
      Map<String, ParameterValues> once = model.weights();
      assertThat(Fixtures.sha256(once)).isEqualTo(Fixtures.sha256(stepwise));
    }
  }

  @Test
  void theShuffleSeedDecidesTheOrderOfTheExamples() {
    NetSpec spec = Net.input(8).dense(3).softmax();
    InMemoryDataset data = Fixtures.blobs(96, 8, 3, 14);
    FitOptions options = FitOptions.defaults().withOptimizer(Optimizer.sgd(0.1)).withBatchSize(8);
    List<String> digests = new ArrayList<>();
    for (long shuffle : new long[] {1, 1, 2}) {
      try (Model model = Model.compile(spec, 5)) {
        model.fit(data, options.withShuffleSeed(shuffle));
        digests.add(Fixtures.sha256(model.weights()));
      }
    }

    assertThat(digests.get(1)).isEqualTo(digests.get(0));
    assertThat(digests.get(2)).isNotEqualTo(digests.get(0));
  }

  @Test
  void theSameTrainingTwiceInOneJvmGivesBitwiseIdenticalWeightsForEveryOptimizer() {
    InMemoryDataset data = Fixtures.blobs(96, 8, 3, 13);
    NetSpec spec = Net.input(8).dense(16).relu().dropout(0.2).dense(8).batchNorm().relu()
        .dense(3).softmax();
    optimizers().forEach(arguments -> {
      Optimizer optimizer = (Optimizer) arguments.get()[1];
      List<String> digests = new ArrayList<>();
      for (int run = 0; run < 2; run++) {
        try (Model model = Model.compile(spec, 8)) {
          model.fit(data, FitOptions.defaults().withOptimizer(optimizer).withBatchSize(16)
              .withEpochs(2));
          digests.add(Fixtures.sha256(model.weights()));
        }
      }
      assertThat(digests.get(1)).as("%s", arguments.get()[0]).isEqualTo(digests.get(0));
    });
  }
}
