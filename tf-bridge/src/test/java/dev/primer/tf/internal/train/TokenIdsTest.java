package dev.primer.tf.internal.train;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.primer.dsl.Net;
import dev.primer.tf.Model;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.data.SequenceTasks;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import org.junit.jupiter.api.Test;

/** Token ids are checked before an embedding looks them up, naming example and position. */
class TokenIdsTest {
  private static final String NET = "input(3).embedding(5,4).dense(5).softmax()";

  private static InMemoryDataset tokens(float... values) {
    return SequenceTasks.ofPositionLabels(values, 3, new int[values.length], 5);
  }

  @Test
  void idsOutsideTheVocabularyOrNotWholeAreRefusedBeforeTraining() {
    FitOptions options = FitOptions.defaults().withLoss(Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION)
        .withBatchSize(2).withEpochs(1);
    try (Model model = Model.compile(Net.parse(NET), 1)) {
      assertThatCode(() -> model.fit(tokens(0, 1, 2, 4, 3, 0), options)).doesNotThrowAnyException();
      assertThatThrownBy(() -> model.fit(tokens(0, 1, 2, 4, 5, 0), options))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("embedding(5,4), the net's first layer, takes token ids 0..4;"
              + " example 1 has 5.0 at position 1");
      assertThatThrownBy(() -> model.evaluate(tokens(0, 1, 2.5f, 4, 3, 0),
              Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION))
          .hasMessageContaining("example 0 has 2.5 at position 2");
      assertThatThrownBy(() -> model.fit(tokens(-1, 1, 2, 4, 3, 0), options))
          .hasMessageContaining("example 0 has -1.0 at position 0");
    }
  }
}
