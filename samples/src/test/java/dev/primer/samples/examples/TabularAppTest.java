package dev.primer.samples.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.tf.train.FitResult;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularAppTest {

  @Test
  void ownDataToFitToEvaluationToSavedModelAndBackPredictsAlike(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("flowers.csv");
    try (InputStream in = TabularApp.class.getResourceAsStream("flowers.csv")) {
      Files.copy(in, csv);
    }
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    TabularApp.Outcome outcome = TabularApp.run(csv, "species", dir.resolve("model"),
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    // 45 validation rows of 3 balanced classes: chance is 1/3 with a standard error of
    // sqrt(p(1-p)/45) = 0.07; a net that learned nothing stays below 1/3 + 4 standard errors
    assertThat(outcome.validation().examples()).isEqualTo(45);
    assertThat(outcome.validation().accuracy())
        .isGreaterThan(1.0 / 3 + 4 * Math.sqrt((1.0 / 3) * (2.0 / 3) / 45));
    assertThat(outcome.fit()).isNotInstanceOf(FitResult.Diverged.class);
    assertThat(outcome.exported().resolve("saved_model.pb")).exists();
    assertThat(outcome.predictedAfterLoad()).isEqualTo(outcome.predictedBeforeExport());
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("150 rows", "validation: loss", "exported a SavedModel",
            "predicted alike: true");
  }
}
