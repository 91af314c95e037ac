package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code primer transfer}, short (300 images per task, one epoch each, two head schemes): the
 * table and files of the library's run, and a usage error before anything is written.
 */
class TransferCommandTest {

  @TempDir
  Path out;

  @Test
  void printsOneRowPerHeadSchemeAndWritesTheResults() throws Exception {
    Path dir = out.resolve("t");
    CliRun run = CliRun.of("transfer", "--train-size", "300", "--epochs", "1",
        "--pretrain-epochs", "1", "--schemes", "zeros,he_normal", "--seeds", "2",
        "--out", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("pretrained: test accuracy", "on digits 0-4",
            ".frozen().dense(5).softmax()", "scheme", "acc@1", "status")
        .containsPattern("(?m)^zeros\\s+.*%")
        .containsPattern("(?m)^he_normal\\s+.*%")
        .contains("95% interval", "vs best")
        .contains("wrote " + dir.resolve("results.csv"));
    assertThat(dir.resolve("pretrained/weights.npz")).exists();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    assertThat(json.get("spec").asText()).contains("init(from(").contains(".frozen()");
    assertThat(json.get("options").get("train_size").asInt()).isEqualTo(300);
    assertThat(json.get("runs")).hasSize(2 * 2); // two heads, two seeds each
    assertThat(Files.readAllLines(dir.resolve("results.csv"))).hasSize(1 + 2 * 2);
  }

  @Test
  void aHeadForTheWrongNumberOfDigitsIsAUsageErrorBeforeAnyOutput() {
    Path dir = out.resolve("bad");
    CliRun run = CliRun.of("transfer", "--head", "dense(10).softmax()", "--out",
        dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("primer transfer: error: the fine-tuning net ends in 10"
        + " outputs, but its task has 5 classes (digits): ");
    assertThat(run.out()).isEmpty();
    assertThat(dir).doesNotExist();
  }
}
