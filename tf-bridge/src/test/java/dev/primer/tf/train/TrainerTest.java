package dev.primer.tf.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Fixtures;
import dev.primer.tf.Model;
import dev.primer.tf.data.InMemoryDataset;
import org.junit.jupiter.api.Test;

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
}
