package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    assertThat(out.resolve("train-loss.png")).exists();
    assertThat(out.resolve("report.html")).content()
        .contains("primer transformer", "Results", "xavier", "rezero", "learned level")
        .doesNotContain("incomplete");
  }

  /**
   * Started as its own process and sent SIGTERM once a run has finished: it exits 143 and
   * leaves results.json, results.csv and report.html holding the runs that finished, marked
   * incomplete, and says so on stderr.
   */
  @Test
  void sigtermKeepsTheFinishedRunsWithTheirReport(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("interrupted");
    SignalledCommand process = SignalledCommand.afterFirstRun(dir, out, List.of("transformer",
        "--schemes", "xavier,rezero,gpt2", "--length", "4", "--vocab", "4", "--blocks", "1",
        "--dim", "8", "--heads", "2", "--mlp", "8", "--train", "400", "--test", "40", "--epochs",
        "40", "--batch", "20", "--seeds", "2", "--out", out.toString()));
    String err = process.err();
    assertThat(process.exitCode()).as(err).isEqualTo(143);
    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    int finished = json.get("finished_runs").asInt();
    assertThat(json.get("complete").asBoolean()).isFalse();
    assertThat(json.get("planned_runs").asInt()).isEqualTo(6);
    assertThat(finished).isBetween(1, 5);
    assertThat(json.get("runs")).hasSize(finished);
    assertThat(out.resolve("report.html")).content()
        .contains("incomplete: " + finished + " of 6 runs finished");
    assertThat(out.resolve("INCOMPLETE")).content()
        .contains("Runs are not resumed: run primer transformer again").doesNotContain("--resume");
    assertThat(err).contains("primer transformer: interrupted; kept the " + finished
        + " of 6 runs that finished in " + out).doesNotContain("Exception");
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
