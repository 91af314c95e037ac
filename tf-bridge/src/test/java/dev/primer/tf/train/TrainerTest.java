package dev.primer.tf.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Fixtures;
import dev.primer.tf.Model;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.internal.graph.ModelGraphs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A trainer made for a model runs the very loop {@link Model#fit} runs. */
class TrainerTest {
  private static final NetSpec NET = Net.input(8).dense(16).relu().dropout(0.2).dense(3).softmax();

  @Test
  void aTrainerOfItsOwnTrainsATwinModelBitwiseAsFitDoes() {
    InMemoryDataset data = Fixtures.blobs(200, 8, 3, 4);
    FitOptions options = FitOptions.defaults().withBatchSize(32).withEpochs(2)
        .withOptimizer(Optimizer.momentum(0.05, 0.9));
    try (Model a = Model.compile(NET, 9); Model b = Model.compile(NET, 9)) {
      FitResult viaModel = a.fit(data, options);
      FitResult viaTrainer = new Trainer(b).fit(data, options);

      assertThat(viaTrainer.history().stream().map(EpochStats::trainLoss).toList())
          .isEqualTo(viaModel.history().stream().map(EpochStats::trainLoss).toList());
      for (String name : a.weights().keySet()) {
        assertThat(b.weights().get(name).values()).as(name)
            .isEqualTo(a.weights().get(name).values());
      }
    }
  }

  @Test
  void epochsAreCountedAcrossCallsSoOneCallOfTwoShufflesLikeTwoCallsOfOne() {
    InMemoryDataset data = Fixtures.blobs(120, 8, 3, 6);
    FitOptions one = FitOptions.defaults().withBatchSize(16);
    try (Model a = Model.compile(NET, 3); Model b = Model.compile(NET, 3)) {
      a.fit(data, one.withEpochs(2));
      Trainer trainer = new Trainer(b);
      trainer.fit(data, one);
      trainer.fit(data, one);
      for (String name : a.weights().keySet()) {
        assertThat(b.weights().get(name).values()).as(name)
            .isEqualTo(a.weights().get(name).values());
      }
    }
  }

  /** Adam at a constant rate; momentum under a warmed-up cosine schedule (read per step). */
  static List<Optimizer> optimizers() {
    return List.of(Optimizer.adam(0.01),
        Optimizer.momentum(LearningRate.cosine(0.05, 900, 0.1).withWarmup(100), 0.9));
  }

  @ParameterizedTest
  @MethodSource("optimizers")
  void severalStepsPerCallTrainBitwiseAsOneStepPerCallAndEveryStepIsHeard(Optimizer optimizer) {
    // 70 examples in batches of 4: 17 whole batches and one of 2; with 4 steps per call an
    // epoch runs 4 calls of 4 steps, then a whole batch and the short one by themselves.
    // 56 epochs make 1,008 steps, enough for the trainer to unroll its step.
    InMemoryDataset data = Fixtures.blobs(70, 8, 3, 7);
    FitOptions options = FitOptions.defaults().withBatchSize(4).withEpochs(56)
        .withOptimizer(optimizer);
    assertThat(options.epochs() * options.stepsPerEpoch(data.size()))
        .isGreaterThanOrEqualTo(Trainer.STEPS_BEFORE_SEVERAL_PER_CALL);
    try (Model a = Model.compile(NET, 12); Model b = Model.compile(NET, 12)) {
      List<String> heardA = new ArrayList<>();
      List<String> heardB = new ArrayList<>();
      Trainer oneByOne = new Trainer(a, 1);
      Trainer fourByFour = new Trainer(b, 4);
      FitResult one = oneByOne.fit(data, options.withListener(hearing(heardA)));
      FitResult four = fourByFour.fit(data, options.withListener(hearing(heardB)));

      // the unrolled step was built and run (and only for the trainer asking for it)
      assertThat(ModelGraphs.of(b).graph().operation("fit_4_steps/batch_indices")).isNotNull();
      assertThat(ModelGraphs.of(a).graph().operation("fit_4_steps/batch_indices")).isNull();
      assertThat(heardB).hasSize(56 * 18).isEqualTo(heardA);
      assertThat(four.history()).extracting(EpochStats::trainLoss, EpochStats::trainAccuracy)
          .isEqualTo(one.history().stream()
              .map(s -> org.assertj.core.groups.Tuple.tuple(s.trainLoss(), s.trainAccuracy()))
              .toList());
      for (String name : a.weights().keySet()) {
        assertThat(b.weights().get(name).values()).as(name)
            .isEqualTo(a.weights().get(name).values());
      }

      // another batch size runs through the same unrolled step: the graph does not grow
      long ops = operations(b);
      FitOptions wider = options.withBatchSize(8).withEpochs(2);
      FitResult again = fourByFour.fit(data, wider);
      FitResult alone = oneByOne.fit(data, wider);
      assertThat(operations(b)).isEqualTo(ops);
      assertThat(again.history()).extracting(EpochStats::trainLoss)
          .isEqualTo(alone.history().stream().map(EpochStats::trainLoss).toList());
    }
  }

  private static long operations(Model model) {
    long n = 0;
    for (var it = ModelGraphs.of(model).graph().operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  private static TrainingListener hearing(List<String> heard) {
    return new TrainingListener() {
      @Override
      public void onStep(int epoch, long step, long stepsPerEpoch, double loss) {
        heard.add(epoch + "." + step + "/" + stepsPerEpoch + " " + loss);
      }
    };
  }
}
