package dev.primer.tf.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.tf.Fixtures;
import dev.primer.tf.data.InMemoryDataset;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The fit options: documented defaults, copies on change, rules. */
class FitOptionsTest {

  @Test
  void defaultsAreAsDocumented() {
    FitOptions d = FitOptions.defaults();

    assertThat(d.batchSize()).isEqualTo(128);
    assertThat(d.epochs()).isEqualTo(1);
    assertThat(d.optimizer()).isEqualTo(Optimizer.adam(1e-3));
    assertThat(d.loss()).isEqualTo(Loss.SOFTMAX_CROSS_ENTROPY);
    assertThat(d.shuffleSeed()).isEqualTo(OptionalLong.empty());
    assertThat(d.validation()).isEqualTo(Optional.empty());
    assertThat(d.listener()).isSameAs(TrainingListener.NONE);
  }

  @Test
  void eachWithReturnsAChangedCopy() {
    FitOptions d = FitOptions.defaults();
    InMemoryDataset validation = Fixtures.blobs(4, 2, 2, 1);
    FitOptions changed = d.withBatchSize(7).withEpochs(3).withOptimizer(Optimizer.sgd(0.5))
        .withLoss(Loss.MEAN_SQUARED_ERROR).withShuffleSeed(11).withValidation(validation);

    assertThat(changed).isEqualTo(new FitOptions(7, 3, Optimizer.sgd(0.5),
        Loss.MEAN_SQUARED_ERROR, OptionalLong.of(11), Optional.of(validation),
        TrainingListener.NONE));
    assertThat(d).isEqualTo(FitOptions.defaults());
  }

  @Test
  void badValuesAreRejected() {
    assertThatThrownBy(() -> FitOptions.defaults().withBatchSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fit: batch size must be > 0, got 0");
    assertThatThrownBy(() -> FitOptions.defaults().withEpochs(-1))
        .hasMessage("fit: epochs must be > 0, got -1");
    assertThatThrownBy(() -> FitOptions.defaults().withOptimizer(null))
        .hasMessage("fit: optimizer, loss and listener are required");
  }

  @Test
  void clippingAndClassWeightsAreCheckedWhenSet() {
    FitOptions d = FitOptions.defaults();
    assertThat(d.withGradientClipping(1.5).maxGradientNorm()).hasValue(1.5);
    assertThat(d.withGradientClipping(1.5).withoutGradientClipping().maxGradientNorm()).isEmpty();
    assertThat(d.withClassWeights(1, 0, 2.5).classWeights()).containsExactly(1.0, 0.0, 2.5);
    assertThatThrownBy(() -> d.withGradientClipping(0))
        .hasMessage("fit: gradient clipping: max global norm must be > 0 and finite, got 0.0");
    assertThatThrownBy(() -> d.withGradientClipping(Double.POSITIVE_INFINITY))
        .hasMessage("fit: gradient clipping: max global norm must be > 0 and finite, got"
            + " Infinity");
    assertThatThrownBy(() -> d.withClassWeights())
        .hasMessage("fit: class weights: at least one weight is needed");
    assertThatThrownBy(() -> d.withClassWeights(1, -1))
        .hasMessage("fit: class weights: weight of class 1 must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> d.withClassWeights(0, 0))
        .hasMessage("fit: class weights: at least one must be > 0");
    assertThatThrownBy(() -> d.withClassWeights(1, 2).withLoss(Loss.MEAN_SQUARED_ERROR))
        .hasMessage("fit: class weights need a classification loss (SOFTMAX_CROSS_ENTROPY or"
            + " BINARY_CROSS_ENTROPY), got MEAN_SQUARED_ERROR");
  }
}
