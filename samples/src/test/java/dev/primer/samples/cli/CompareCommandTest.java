package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.samples.compare.ResultsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real comparison (one epoch, 600 training and 300 test digits of the embedded set),
 * whose files are parsed and checked.
 */
class CompareCommandTest {

  @TempDir
  static Path out;

  static CliRun run;

  @BeforeAll
  static void compare() {
    run = CliRun.of("compare", "--epochs", "2", "--seeds", "1", "--train-size", "600",
        "--test-size", "300", "--schemes", "zeros,he_normal,normal(0,0.01)", "--out",
        out.toString());
  }

  @Test
  void succeedsAndPrintsOneTableRowPerScheme() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("scheme", "acc@1", "acc@2", "train loss", "status")
        .containsPattern("(?m)^zeros\\s+.*never learned$")
        .containsPattern("(?m)^he_normal\\s+.*(learned|slow start)$")
        .contains("runs:      3 runs train together, in one group") // the default
        .contains("one seed: no interval and no test against the best")
        .doesNotContain("95% interval")
        .contains("wrote " + out.resolve("results.csv"));
  }

  @Test
  void csvHasOneRowPerSchemeSeedAndEpoch() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("results.csv"));
    assertThat(lines.get(0)).isEqualTo(ResultsFiles.CSV_HEADER);
    assertThat(lines).hasSize(1 + 3 * 2);
    for (String line : lines.subList(1, lines.size())) {
      // the scheme normal(0,0.01) holds a comma, so it is quoted
      String[] cells = line.startsWith("\"")
          ? ("x" + line.substring(line.indexOf('"', 1) + 1)).split(",", -1)
          : line.split(",", -1);
      assertThat(cells).hasSize(8);
      assertThat(cells[1]).isEqualTo("42");
      assertThat(Integer.parseInt(cells[2])).isBetween(1, 2);
      double accuracy = Double.parseDouble(cells[5]);
      assertThat(accuracy).isBetween(0.0, 1.0);
      assertThat(Double.parseDouble(cells[3])).isPositive();
    }
    assertThat(lines).anyMatch(l -> l.startsWith("\"normal(0,0.01)\",42,1,"));
    assertThat(lines.stream().filter(l -> l.startsWith("zeros,")))
        .allMatch(l -> l.endsWith(",\"never learned\""));
  }

  @Test
  void jsonHoldsTheSameRunsWithSpecOptionsAndVersions() throws Exception {
    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(json.get("format").asText()).isEqualTo("primer-compare/1");
    assertThat(json.get("spec").asText())
        .isEqualTo("input(784).dense(256).relu().dense(256).relu().dense(10).softmax()");
    assertThat(json.get("options").get("epochs").asInt()).isEqualTo(2);
    assertThat(json.get("options").get("schemes")).hasSize(3);
    assertThat(json.get("data").get("train_examples").asInt()).isEqualTo(600);
    assertThat(json.get("versions").get("tensorflow").asText()).isEqualTo("2.18.0");
    JsonNode runs = json.get("runs");
    assertThat(runs).hasSize(3);
    assertThat(runs.get(0).get("scheme").asText()).isEqualTo("zeros");
    assertThat(runs.get(0).get("status").asText()).isEqualTo("never learned");
    // He at 10 steps an epoch: 41% after epoch 1, 69% after epoch 2, a slow start by the rule
    List<dev.primer.tf.compare.EpochRow> he = new java.util.ArrayList<>();
    for (JsonNode e : runs.get(1).get("epochs")) {
      he.add(new dev.primer.tf.compare.EpochRow(e.get("epoch").asInt(),
          e.get("train_loss").asDouble(), e.get("test_loss").asDouble(),
          e.get("test_accuracy").asDouble(), 0));
    }
    assertThat(runs.get(1).get("status").asText())
        .isEqualTo(dev.primer.tf.compare.RunStatus.ofHistory(he, 10).word())
        .isIn("learned", "slow start");
    for (JsonNode r : runs) {
      assertThat(r.get("epochs")).hasSize(2);
      assertThat(r.get("final_test_accuracy").asDouble())
          .isEqualTo(r.get("epochs").get(1).get("test_accuracy").asDouble());
    }
    // He init learns: far above chance after two epochs on 600 digits
    assertThat(runs.get(1).get("final_test_accuracy").asDouble()).isGreaterThan(0.5);
    // zero init never breaks symmetry: it stays near chance
    assertThat(runs.get(0).get("final_test_accuracy").asDouble()).isLessThan(0.25);

    // one seed: a mean, but no interval and no test
    JsonNode summary = json.get("summary");
    assertThat(summary.get("test").asText())
        .isEqualTo("paired t test over seeds, two-sided, alpha 0.05");
    assertThat(summary.get("best").asText()).isEqualTo("he_normal");
    JsonNode zeros = summary.get("schemes").get(0);
    assertThat(zeros.get("seeds").asInt()).isEqualTo(1);
    assertThat(zeros.get("mean_final_test_accuracy").asDouble())
        .isEqualTo(runs.get(0).get("final_test_accuracy").asDouble());
    assertThat(zeros.get("ci95_low").isNull()).isTrue();
    assertThat(zeros.get("vs_best").asText()).isEqualTo("untested");
    assertThat(summary.get("schemes").get(1).get("vs_best").asText()).isEqualTo("best");
  }

  @Test
  void summaryCsvHasOneRowPerScheme() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("summary.csv"));
    assertThat(lines.get(0)).isEqualTo(ResultsFiles.SUMMARY_CSV_HEADER);
    assertThat(lines).hasSize(1 + 3);
    assertThat(lines.get(1)).startsWith("zeros,1,").endsWith(",,,,untested,,\"never learned\"");
  }

  @Test
  void leavesNoPartialFilesBehind() throws Exception {
    try (var files = Files.list(out)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names).contains("results.csv", "results.json", "report.html")
          .noneMatch(name -> name.endsWith(".part") || name.startsWith("."));
    }
  }

  @Test
  void rejectsASchemeThatCannotFillTheNet() {
    CliRun bad = CliRun.of("compare", "--schemes", "he_normal,delta_orthogonal",
        "--train-size", "10", "--test-size", "10");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("primer compare: error: scheme 'delta_orthogonal'"
        + " cannot initialize this net: layer 0 (dense): delta_orthogonal needs a conv kernel"
        + " [kh, kw, in, out], kernel has rank 2");
  }

  @Test
  void rejectsTogetherWithSeparate() {
    CliRun bad = CliRun.of("compare", "--together", "--separate");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo(
        "primer compare: error: --together and --separate cannot be used together");
    assertThat(bad.out()).isEmpty();
  }

  @Test
  void rejectsTogetherWithJobsOrShard() {
    for (String[] args : List.of(new String[] {"compare", "--together", "--jobs", "2"},
        new String[] {"compare", "--together", "--shard", "1/2"})) {
      CliRun bad = CliRun.of(args);
      assertThat(bad.exitCode()).isEqualTo(2);
      assertThat(bad.err().strip()).isEqualTo("primer compare: error: --together cannot be used"
          + " with --jobs or --shard, which train the runs one by one; leave out --together (or"
          + " --jobs and --shard)");
      assertThat(bad.out()).isEmpty();
    }
  }

  @Test
  void rejectsAnUnknownOptimizer() {
    CliRun bad = CliRun.of("compare", "--optimizer", "adagrad");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("primer compare: error: --optimizer: unknown"
        + " optimizer 'adagrad'; allowed: sgd, momentum, nesterov, adam, rmsprop");
  }

  @Test
  void rejectsAnUnbalancedSchemeList() {
    CliRun bad = CliRun.of("compare", "--schemes", "zeros,normal(0,0.01");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo(
        "primer compare: error: --schemes: unbalanced '(' in 'zeros,normal(0,0.01'");
  }

  @Test
  void aBadDataFileIsOneLineNamingTheFile(@TempDir Path data) throws Exception {
    Files.writeString(data.resolve("train-images-idx3-ubyte"), "garbage!");
    Files.writeString(data.resolve("train-labels-idx1-ubyte"), "garbage!");
    Files.writeString(data.resolve("t10k-images-idx3-ubyte"), "garbage!");
    Files.writeString(data.resolve("t10k-labels-idx1-ubyte"), "garbage!");
    CliRun bad = CliRun.of("compare", "--data", data.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("primer compare: error: "
        + data.resolve("train-images-idx3-ubyte") + ": wrong magic number 0x67617262 at byte"
        + " offset 0, expected 0x00000803 (IDX images: unsigned bytes, 3 dimensions)");
  }

  static List<String> cells(String line) {
    return Arrays.asList(line.split(","));
  }
}
