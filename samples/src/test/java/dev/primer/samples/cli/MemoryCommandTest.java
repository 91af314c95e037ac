package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryCommandTest {

  @Test
  void trainsEachCellUnderEachInitAndWritesTheResultsAndTheReport(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("memory");
    CommandRunner cli = new CommandRunner();
    int code = cli.run("memory", "--cells", "relu_rnn,simple_rnn", "--schemes",
        "identity,glorot_uniform", "--length", "12", "--train", "256", "--test", "128",
        "--epochs", "1", "--units", "8", "--out", out.toString());
    assertThat(code).as(cli.err.toString()).isZero();
    assertThat(cli.out.toString()).contains("relu_rnn / identity", "simple_rnn / glorot_uniform",
        "grad step 1 / step T");
    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(json.get("format").asText()).isEqualTo("primer-memory/1");
    assertThat(json.get("complete").asBoolean()).isTrue();
    assertThat(json.get("runs")).hasSize(4);
    for (JsonNode run : json.get("runs")) {
      assertThat(run.get("gradient_norm_per_step_at_init")).hasSize(12);
    }
    assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(5);
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("Gradient through time at initialization", "relu_rnn", "data:image/png;base64,");
    assertThat(out.resolve("gradient-through-time.png")).exists();
  }

  @Test
  void badOptionsAreNamedBeforeAnythingTrains(@TempDir Path dir) {
    CommandRunner cells = new CommandRunner();
    assertThat(cells.run("memory", "--cells", "transformer", "--out", dir.resolve("a")
        .toString())).isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(cells.err.toString()).contains("--cells: unknown recurrent cell 'transformer'",
        "simple_rnn, relu_rnn, lstm, gru").doesNotContain("Exception");

    CommandRunner schemes = new CommandRunner();
    assertThat(schemes.run("memory", "--schemes", "delta_orthogonal", "--out",
        dir.resolve("b").toString())).isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(schemes.err.toString()).contains("--schemes:", "delta_orthogonal");

    CommandRunner length = new CommandRunner();
    assertThat(length.run("memory", "--length", "1", "--out", dir.resolve("c").toString()))
        .isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(length.err.toString()).contains("length must be at least 2");
    assertThat(dir.resolve("a")).doesNotExist();
  }
}
