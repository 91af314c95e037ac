package dev.primer.tf.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Fixtures;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Early stopping and listeners that stop training. The run here overfits 48 training examples
 * with Adam at 0.05: its validation loss falls to a minimum at epoch 4 and then rises (measured
 * with these seeds: 0.134 0.043 0.033 0.031 0.032 0.033 0.035 ...), so patience 3 stops it at
 * epoch 7. The test does not rely on those figures: it finds the best epoch in the history.
 */
class EarlyStoppingTest {
  private static final NetSpec NET = Net.input(8).dense(32).relu().dense(3).softmax();
  private static final InMemoryDataset TRAIN = Fixtures.blobs(48, 8, 3, 11);
  private static final InMemoryDataset VALIDATION = Fixtures.blobs(96, 8, 3, 12);

  private static FitOptions overfitting(EarlyStopping stopping) {
    return FitOptions.defaults().withBatchSize(16).withEpochs(12)
        .withOptimizer(Optimizer.adam(0.05)).withValidation(VALIDATION)
        .withEarlyStopping(stopping);
  }

  /** Records the model's weights after each epoch. */
  private static TrainingListener recorder(Model model, List<Map<String, ParameterValues>> to) {
    return new TrainingListener() {
      @Override
      public void onEpoch(EpochStats stats) {
        to.add(model.weights());
      }
    };
  }

  private static int bestEpochByLoss(List<EpochStats> history) {
    return history.stream().min(Comparator.comparingDouble(s -> s.validation().get().loss()))
        .orElseThrow().epoch();
  }

  private static void assertSameWeights(Map<String, ParameterValues> actual,
      Map<String, ParameterValues> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((name, v) ->
        assertThat(actual.get(name).values()).as(name).containsExactly(v.values()));
  }

  @Test
  void stopsAfterPatienceAndRestoresTheBestEpochsWeightsBitwise() {
    try (Model model = Model.compile(NET, 5)) {
      List<Map<String, ParameterValues>> byEpoch = new ArrayList<>();
      FitResult result = model.fit(TRAIN, overfitting(EarlyStopping.onValidationLoss(3))
          .withListener(recorder(model, byEpoch)));

      int best = bestEpochByLoss(result.history());
      assertThat(result).isInstanceOfSatisfying(FitResult.Stopped.class, s -> {
        assertThat(s.epoch()).isEqualTo(best + 3).isLessThan(12);
        assertThat(s.restoredEpoch()).hasValue(best);
        assertThat(s.history()).hasSize(best + 3);
        assertThat(s.reason()).isEqualTo("early stopping: validation loss did not improve for 3"
            + " epochs (best " + result.history().get(best - 1).validation().get().loss()
            + " at epoch " + best + ")");
        assertThat(s.describe()).isEqualTo("stopped after epoch " + (best + 3) + ": "
            + s.reason() + "; weights of epoch " + best + " restored");
      });
      // the weights are the best epoch's, bitwise, and not the last epoch's
      assertSameWeights(model.weights(), byEpoch.get(best - 1));
      assertThat(model.weights().get("dense_0/kernel").values())
          .isNotEqualTo(byEpoch.get(byEpoch.size() - 1).get("dense_0/kernel").values());
      // and evaluation gives exactly the figures recorded at the best epoch
      assertThat(model.evaluate(VALIDATION))
          .isEqualTo(result.history().get(best - 1).validation().get());
    }
  }

  @Test
  void withoutRestoreBestTheModelKeepsTheLastEpochsWeights() {
    try (Model model = Model.compile(NET, 5)) {
      List<Map<String, ParameterValues>> byEpoch = new ArrayList<>();
      FitResult result = model.fit(TRAIN, overfitting(
          EarlyStopping.onValidationLoss(3).withRestoreBest(false))
          .withListener(recorder(model, byEpoch)));

      assertThat(result).isInstanceOfSatisfying(FitResult.Stopped.class,
          s -> assertThat(s.restoredEpoch()).isEmpty());
      assertSameWeights(model.weights(), byEpoch.get(byEpoch.size() - 1));
    }
  }

  @Test
  void aRunThatIsNotStoppedCompletesWithItsLastWeightsNotItsBest() {
    try (Model model = Model.compile(NET, 5)) {
      // patience longer than the run: nothing can stop it
      FitResult result = model.fit(TRAIN, overfitting(EarlyStopping.onValidationLoss(20))
          .withEpochs(5));
      assertThat(result).isInstanceOf(FitResult.Completed.class);
      assertThat(bestEpochByLoss(result.history())).as("an earlier epoch was best").isLessThan(5);
      assertThat(model.evaluate(VALIDATION))
          .isEqualTo(result.history().get(4).validation().get());
    }
  }

  @Test
  void improvementFollowsTheMetricsDirectionAndMinDelta() {
    EarlyStopping loss = EarlyStopping.onValidationLoss(2);
    assertThat(loss.improves(0.5, 0.6)).isTrue();
    assertThat(loss.improves(0.6, 0.6)).isFalse();
    assertThat(loss.improves(0.7, 0.6)).isFalse();
    assertThat(loss.withMinDelta(0.1).improves(0.55, 0.6)).isFalse();
    assertThat(loss.withMinDelta(0.1).improves(0.49, 0.6)).isTrue();
    EarlyStopping accuracy = EarlyStopping.onValidationAccuracy(2);
    assertThat(accuracy.improves(0.9, 0.8)).isTrue();
    assertThat(accuracy.improves(0.7, 0.8)).isFalse();
    assertThat(accuracy.withMinDelta(0.1).improves(0.85, 0.8)).isFalse();
    // the first value always improves; NaN never does
    assertThat(loss.improves(7, Double.NaN)).isTrue();
    assertThat(loss.improves(Double.NaN, 0.6)).isFalse();
    assertThat(accuracy.describe()).isEqualTo(
        "early stopping on validation accuracy, patience 2, restore best");
  }

  @Test
  void stoppingOnAccuracyCountsEpochsWithoutAHigherAccuracy() {
    try (Model model = Model.compile(NET, 5)) {
      FitResult result = model.fit(TRAIN, overfitting(EarlyStopping.onValidationAccuracy(2)));

      // the epoch it stopped after is 2 past the last epoch that raised the best accuracy
      List<Double> accuracies = result.history().stream()
          .map(s -> s.validation().get().accuracy()).toList();
      int lastRaise = IntStream.range(0, accuracies.size())
          .filter(i -> accuracies.subList(0, i).stream().allMatch(a -> a < accuracies.get(i)))
          .max().orElseThrow() + 1;
      assertThat(result).isInstanceOfSatisfying(FitResult.Stopped.class, s -> {
        assertThat(s.epoch()).isEqualTo(lastRaise + 2);
        assertThat(s.restoredEpoch()).hasValue(lastRaise);
      });
      assertThat(model.evaluate(VALIDATION).accuracy()).isEqualTo(accuracies.get(lastRaise - 1));
    }
  }

  @Test
  void aListenerCanStopTrainingAfterAnEpochWithItsReason() {
    try (Model model = Model.compile(NET, 5)) {
      List<Map<String, ParameterValues>> byEpoch = new ArrayList<>();
      TrainingListener record = recorder(model, byEpoch);
      FitResult result = model.fit(TRAIN, FitOptions.defaults().withBatchSize(16).withEpochs(9)
          .withListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochStats stats) {
              record.onEpoch(stats);
            }

            @Override
            public Optional<String> stopReason(EpochStats stats) {
              return stats.epoch() == 2 ? Optional.of("enough") : Optional.empty();
            }
          }));

      assertThat(result).isEqualTo(new FitResult.Stopped(2, "enough",
          java.util.OptionalInt.empty(), result.history()));
      assertThat(result.history()).hasSize(2);
      assertThat(result.describe()).isEqualTo("stopped after epoch 2: enough");
      assertThat(result.accept(new FitResult.Visitor<String>() {
        @Override
        public String completed(FitResult.Completed completed) {
          return "completed";
        }

        @Override
        public String stopped(FitResult.Stopped stopped) {
          return "stopped: " + stopped.reason();
        }

        @Override
        public String diverged(FitResult.Diverged diverged) {
          return "diverged";
        }
      })).isEqualTo("stopped: enough");
      assertSameWeights(model.weights(), byEpoch.get(1));
    }
  }

  @Test
  void earlyStoppingWithoutWhatItWatchesIsRefusedBeforeTraining() {
    try (Model model = Model.compile(NET, 5)) {
      Map<String, ParameterValues> before = model.weights();
      assertThatThrownBy(() -> model.fit(TRAIN, FitOptions.defaults()
          .withEarlyStopping(EarlyStopping.onValidationLoss(3))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("fit: early stopping on validation loss, patience 3, restore best needs a"
              + " validation set (FitOptions.withValidation)");
      assertSameWeights(model.weights(), before);
    }
    InMemoryDataset regression = InMemoryDataset.ofTargets(new float[16], Shape.of(8),
        new float[] {1, 2}, 1);
    try (Model model = Model.compile(Net.input(8).dense(1), 5)) {
      assertThatThrownBy(() -> model.fit(regression, FitOptions.defaults()
          .withLoss(Loss.MEAN_SQUARED_ERROR).withValidation(regression)
          .withEarlyStopping(EarlyStopping.onValidationAccuracy(3))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("fit: early stopping on validation accuracy, patience 3, restore best needs"
              + " an accuracy: classes (targets of more than one value) or binary cross-entropy;"
              + " the validation set's targets have 1 value(s) under MEAN_SQUARED_ERROR");
    }
    // a one-output sigmoid net under binary cross-entropy has an accuracy: it may stop on it
    InMemoryDataset binary = InMemoryDataset.ofTargets(new float[] {-2, -1, 1, 2},
        Shape.of(1), new float[] {0, 0, 1, 1}, 1);
    try (Model model = Model.compile(Net.input(1).dense(1).sigmoid(), 5)) {
      FitResult result = model.fit(binary, FitOptions.defaults()
          .withLoss(Loss.BINARY_CROSS_ENTROPY).withValidation(binary).withEpochs(3)
          .withEarlyStopping(EarlyStopping.onValidationAccuracy(1)));
      assertThat(result.history()).allSatisfy(
          e -> assertThat(e.validation().orElseThrow().accuracy()).isBetween(0.0, 1.0));
    }
  }

  @Test
  void settingsOutOfRangeAreRefusedWithTheirName() {
    assertThatThrownBy(() -> EarlyStopping.onValidationLoss(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("early stopping: patience must be >= 1 epoch, got 0");
    assertThatThrownBy(() -> EarlyStopping.onValidationLoss(2).withMinDelta(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("early stopping: min delta must be finite and >= 0, got -0.1");
    assertThatThrownBy(() -> new EarlyStopping(null, 2, 0, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("early stopping: metric is required");
  }
}
