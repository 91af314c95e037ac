package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.samples.compare.Completion;
import dev.primer.samples.compare.ResultsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code primer compare} started as its own process and sent SIGTERM once a run has finished:
 * it exits 143 and leaves results.csv, results.json and report.html holding exactly the runs
 * that finished, marked incomplete; {@code --resume} then trains only the missing runs, and the
 * whole set equals an uninterrupted comparison's with each run trained alone ({@code
 * --separate}), wall times aside.
 */
class InterruptedCompareTest {

  /**
   * 12 short runs: a few seconds in all; trained together by default, in two groups of 6 that
   * finish one after the other, so there is a moment with the first group kept and the second
   * training.
   */
  static final List<String> OPTIONS = List.of("--epochs", "2", "--train-size", "600",
      "--test-size", "200", "--schemes",
      "zeros,he_normal,lecun_normal,orthogonal,glorot_uniform,normal(0,0.01)", "--seeds", "2");

  @TempDir
  Path temp;

  @Test
  void sigtermKeepsTheFinishedRunsAndResumeCompletesThemAsAnUninterruptedRunWould()
      throws Exception {
    Path interrupted = temp.resolve("interrupted");
    List<String> args = new ArrayList<>(List.of("compare"));
    args.addAll(OPTIONS);
    args.addAll(List.of("--out", interrupted.toString()));
    SignalledCommand process = SignalledCommand.afterFirstRun(temp, interrupted, args);
    String err = process.err();
    assertThat(process.exitCode()).as(err).isEqualTo(143);

    // the kept files: one consistent set of the runs that finished, marked incomplete
    JsonNode json = new ObjectMapper().readTree(interrupted.resolve("results.json").toFile());
    int finished = json.get("finished_runs").asInt();
    assertThat(json.get("complete").asBoolean()).isFalse();
    assertThat(json.get("planned_runs").asInt()).isEqualTo(12);
    // the signal came while the second group trained (or while the first was being written):
    // the runs of the first group are kept, none of the second's
    assertThat(finished).isBetween(1, 6);
    assertThat(process.out())
        .contains("runs:      12 runs train together, in 2 groups of up to 6 runs");
    assertThat(json.get("runs")).hasSize(finished);
    List<String> csv = Files.readAllLines(interrupted.resolve("results.csv"));
    assertThat(csv.get(0)).isEqualTo(ResultsFiles.CSV_HEADER);
    assertThat(csv).hasSize(1 + 2 * finished);
    assertThat(interrupted.resolve(Completion.MARKER)).content()
        .startsWith("incomplete: " + finished + " of 12 runs finished");
    assertThat(interrupted.resolve("report.html")).content()
        .contains("incomplete: " + finished + " of 12 runs finished");
    assertThat(err).contains("primer compare: interrupted; kept the " + finished
        + " of 12 runs that finished in " + interrupted)
        .contains("continue with: primer compare --epochs 2").contains("--resume " + interrupted);
    // the runs started and not kept: the second group, or the rest of the first if the signal
    // came while its runs were being written; none if it came between the groups
    Matcher cut = Pattern.compile("not kept: the (\\d+ runs|run) in progress").matcher(err);
    int cutOff = !cut.find() ? 0
        : cut.group(1).equals("run") ? 1 : Integer.parseInt(cut.group(1).split(" ")[0]);
    assertThat(finished + cutOff).as(err).isIn(6, 12);
    if (cutOff > 1) {
      assertThat(err).contains("not kept: the " + cutOff + " runs in progress (trained together,"
          + " they finish together; --separate keeps each run as it finishes)");
    }
    try (var files = Files.list(interrupted)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }

    // resume: only the missing runs train, and the merged set is complete
    CliRun resumed = CliRun.of(args("--resume", interrupted.toString()));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out().lines().filter(l -> l.endsWith("(kept)"))).hasSize(finished);
    assertThat(interrupted.resolve(Completion.MARKER)).doesNotExist();
    JsonNode merged = new ObjectMapper().readTree(interrupted.resolve("results.json").toFile());
    assertThat(merged.get("complete").asBoolean()).isTrue();
    assertThat(merged.get("finished_runs").asInt()).isEqualTo(12);
    // the kept runs are the interrupted run's, untouched
    for (int i = 0; i < finished; i++) {
      assertThat(merged.get("runs").get(i)).isEqualTo(json.get("runs").get(i));
    }

    // an uninterrupted comparison of runs trained alone gives the same runs, bitwise, wall
    // times aside
    Path whole = temp.resolve("whole");
    CliRun uninterrupted = CliRun.of(args("--separate", "--out", whole.toString()));
    assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
    JsonNode reference = new ObjectMapper().readTree(whole.resolve("results.json").toFile());
    assertThat(withoutSeconds(merged.get("runs"))).isEqualTo(withoutSeconds(reference.get("runs")));
    assertThat(withoutSeconds(Files.readAllLines(interrupted.resolve("results.csv"))))
        .isEqualTo(withoutSeconds(Files.readAllLines(whole.resolve("results.csv"))));
  }

  @Test
  void resumeRefusesOtherOptionsNamingEachDifference() throws Exception {
    Path dir = temp.resolve("short");
    CliRun first = CliRun.of("compare", "--epochs", "1", "--seeds", "1", "--train-size", "100",
        "--test-size", "50", "--schemes", "he_normal", "--out", dir.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    CliRun other = CliRun.of("compare", "--epochs", "2", "--seeds", "1", "--train-size", "100",
        "--test-size", "60", "--schemes", "he_normal", "--resume", dir.toString());
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err().strip()).isEqualTo("primer compare: error: --resume " + dir
        + ": the results there were made with other options, so they cannot be continued with"
        + " these: epochs: 2 now, 1 in the results; data test examples: 60 now, 50 in the"
        + " results (give the options of that run, or start anew with another --out)");
    assertThat(other.out()).isEmpty();

    CliRun nothing = CliRun.of("compare", "--resume", temp.resolve("none").toString());
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err()).contains("--resume " + temp.resolve("none")
        + ": no such directory");
    CliRun both = CliRun.of("compare", "--resume", dir.toString(), "--out", dir.toString());
    assertThat(both.err()).contains("--resume DIR continues the run in DIR and writes there;"
        + " give it without --out");
  }

  private static String[] args(String... more) {
    List<String> all = new ArrayList<>(List.of("compare"));
    all.addAll(OPTIONS);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static JsonNode withoutSeconds(JsonNode runs) {
    JsonNode copy = runs.deepCopy();
    for (JsonNode run : copy) {
      ((ObjectNode) run).remove("seconds");
      for (JsonNode epoch : run.get("epochs")) {
        ((ObjectNode) epoch).remove("seconds");
      }
    }
    return copy;
  }

  private static List<String> withoutSeconds(List<String> csvLines) {
    int seconds = List.of(ResultsFiles.CSV_HEADER.split(",")).indexOf("seconds");
    return csvLines.stream().map(l -> {
      // the scheme normal(0,0.01) is quoted: count columns from the end
      String[] cells = l.split(",", -1);
      int at = cells.length - (ResultsFiles.CSV_HEADER.split(",").length - seconds);
      List<String> kept = new ArrayList<>(List.of(cells));
      kept.remove(at);
      return String.join(",", kept);
    }).toList();
  }
}
