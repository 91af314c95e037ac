package dev.primer.tf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Seeds;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Fixtures;
import dev.primer.tf.Model;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.data.Shuffle;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's fed step is fit's step: the same builder, so fed the batches fit gathers (one
 * batch of the whole set per epoch, in fit's shuffled order) it gives bitwise the same weights,
 * dropout masks included (both count their steps from 0).
 */
class FedBatchTrainerTest {

  @Test
  void fedTheBatchesFitGathersItTrainsBitwiseAsFitDoes() {
    NetSpec net = Net.input(8).dense(16).relu().dropout(0.3).dense(3).softmax();
    InMemoryDataset data = Fixtures.blobs(96, 8, 3, 2);
    int n = data.size();
    long shuffleSeed = 11;
    Optimizer adam = Optimizer.adam(0.01);
    try (Model fitted = Model.compile(net, 5); Model fed = Model.compile(net, 5)) {
      fitted.fit(data, FitOptions.defaults().withBatchSize(n).withEpochs(2).withOptimizer(adam)
          .withShuffleSeed(shuffleSeed));

      FedBatchTrainer trainer = new FedBatchTrainer(fed, adam, Loss.SOFTMAX_CROSS_ENTROPY);
      float[] x = Fixtures.features(data);
      float[] y = Fixtures.targets(data);
      for (int epoch = 1; epoch <= 2; epoch++) {
        trainer.step(x, y, Shuffle.permutation(n, Seeds.forPurpose(shuffleSeed, "epoch " + epoch)));
      }

      for (String name : fitted.weights().keySet()) {
        assertThat(fed.weights().get(name).values()).as(name)
            .isEqualTo(fitted.weights().get(name).values());
      }
    }
  }
}
