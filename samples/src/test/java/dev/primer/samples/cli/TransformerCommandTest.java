package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformerCommandTest {

  @Test
  void trainsEachSchemeAndWritesTheResultsAndTheChart(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("transformer");
    CommandRunner cli = new CommandRunner();
    int code = cli.run("transformer", "--schemes", "xavier,rezero", "--length", "4", "--vocab",
        "4", "--blocks", "1", "--dim", "8", "--heads", "2", "--mlp", "8", "--train", "100",
        "--test", "40", "--epochs", "1", "--batch", "20", "--seeds", "1", "--out",
        out.toString());
    assertThat(code).as(cli.err.toString()).isZero();
    assertThat(cli.out.toString()).contains("no warm-up", "post-LN", "no LN, branch scales 0",
        "scaled(0)");
    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(json.get("complete").asBoolean()).isTrue();
    assertThat(json.get("runs")).hasSize(2);
    assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(3);
    assertThat(out.resolve("test-accuracy.png")).exists();
  }

  @Test
  void badOptionsAreNamedBeforeAnythingTrains(@TempDir Path dir) {
    CommandRunner schemes = new CommandRunner();
    assertThat(schemes.run("transformer", "--schemes", "fixup", "--out",
        dir.resolve("a").toString())).isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(schemes.err.toString()).contains("--schemes: unknown transformer scheme 'fixup'")
        .doesNotContain("Exception");

    CommandRunner heads = new CommandRunner();
    assertThat(heads.run("transformer", "--dim", "30", "--out", dir.resolve("b").toString()))
        .isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(heads.err.toString()).contains("--dim", "width 30 is not a multiple of 4 heads");

    CommandRunner task = new CommandRunner();
    assertThat(task.run("transformer", "--task", "copy", "--out", dir.resolve("c").toString()))
        .isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(task.err.toString()).contains("--task: unknown sequence task 'copy'");
    assertThat(dir.resolve("a")).doesNotExist();
    assertThat(dir.resolve("b")).doesNotExist();
  }
}
