package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.tf.Model;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import dev.primer.tf.train.Optimizer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Own data end to end: a CSV file in, a stratified split, scaling from the training part, a net
 * trained and evaluated on the held-out part.
 *
 * <p>{@code iris-like.csv} (test resources) holds 150 rows, 50 per species, drawn with a fixed
 * seed from normal distributions with the per-species means and standard deviations of Fisher's
 * iris measurements (R. A. Fisher, 1936), rounded to 0.1 cm: four features, a text label.
 */
class CsvTrainingTest {

  @Test
  void aNetLearnsTheClassesOfACsvFile() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("iris-like.csv").toURI());
    CsvDataset iris = CsvDataset.read(file,
        CsvFormat.firstRowIsHeader().withClassColumn("species"));
    assertThat(iris.size()).isEqualTo(150);
    assertThat(iris.classes()).containsExactly("setosa", "versicolor", "virginica");

    ValidationSplit parts = iris.stratifiedSplit(0.3, 5);
    Standardization scaling = Standardization.of(parts.train());
    Dataset train = scaling.apply(parts.train());
    Dataset validation = scaling.apply(parts.validation());
    assertThat(validation.size()).isEqualTo(45);

    try (Model model = Model.compile(
        Net.input(4).dense(16).relu().dense(3).softmax(), 3)) {
      FitResult result = model.fit(train, FitOptions.defaults().withEpochs(40)
          .withBatchSize(16).withOptimizer(Optimizer.adam(0.02)));
      assertThat(result).isInstanceOf(FitResult.Completed.class);
      Evaluation held = model.evaluate(validation);

      // chance is 1/3; a model that guessed would exceed it by 4 standard errors of a
      // proportion over 45 examples, sqrt(p (1 - p) / n) ~ 0.070, with probability ~3e-5
      double chance = 1.0 / 3;
      double margin = 4 * Math.sqrt(chance * (1 - chance) / validation.size());
      assertThat(held.accuracy()).isGreaterThan(chance + margin);
    }
  }
}
