package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shard i/n} then {@code primer merge} writes what one process running the whole plan
 * writes. Compared: results.csv and results.json without the wall times (each run's
 * {@code seconds}, which no two runs share), summary.csv, every chart byte for byte, and
 * report.html with its time cells blanked. The merged runs were trained in other processes
 * (in other JVM states: one shard with two jobs), so equal numbers show that a run depends only
 * on the plan and its (scheme, seed).
 */
class MergeCommandTest {

  private static final List<String> COMPARE = List.of("compare", "--net",
      "input(784).dense(16).relu().dense(10).softmax()", "--schemes", "he_normal,zeros",
      "--seeds", "2", "--epochs", "1", "--batch", "32", "--train-size", "200", "--test-size",
      "50");

  private static final List<String> SWEEP = List.of("depth-sweep", "--depths", "1,2",
      "--width", "8", "--schemes", "he_normal", "--epochs", "1", "--batch", "32",
      "--train-size", "200", "--test-size", "50");

  @TempDir
  Path temp;

  private static String[] args(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static CliRun ok(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  @Test
  void mergedCompareShardsAreWhatOneProcessWrites() throws IOException {
    Path one = temp.resolve("one");
    ok(args(COMPARE, "--out", one.toString()));
    Path s0 = temp.resolve("s0");
    Path s1 = temp.resolve("s1");
    CliRun shard0 = ok(args(COMPARE, "--shard", "0/2", "--jobs", "2", "--out", s0.toString()));
    assertThat(shard0.out()).contains("runs:      4 in all; this is shard 0/2: 2 of them; 2 at"
        + " once");
    ok(args(COMPARE, "--shard", "1/2", "--out", s1.toString()));
    assertThat(s0.resolve("report.html")).doesNotExist();
    JsonNode shardJson = new ObjectMapper().readTree(s0.resolve("results.json").toFile());
    assertThat(shardJson.get("complete").asBoolean()).isTrue();
    assertThat(shardJson.get("planned_runs").asInt()).isEqualTo(2);
    assertThat(shardJson.at("/shard/count").asInt()).isEqualTo(2);

    Path merged = temp.resolve("merged");
    CliRun merge = ok("merge", s1.toString(), s0.toString(), "--out", merged.toString());
    assertThat(merge.out()).contains("merged 2 shards: 4 runs");
    assertSameResults(merged, one);

    CliRun missing = CliRun.of("merge", s1.toString(), "--out", temp.resolve("m2").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("primer merge: error: shard 0/2 is missing; given: [1/2"
        + " (" + s1 + ")]" + System.lineSeparator());
    CliRun whole = CliRun.of("merge", s0.toString(), one.toString(), "--out",
        temp.resolve("m3").toString());
    assertThat(whole.err()).contains("primer merge: error: " + one + ": its results.json is not"
        + " a shard's (it has no \"shard\" field): it holds a whole plan, made without --shard");
    assertThat(temp.resolve("m2")).doesNotExist();
  }

  @Test
  void shardsOfAnotherPlanOrUnfinishedShardsAreRefusedByName() throws IOException {
    Path s0 = temp.resolve("s0");
    Path s1 = temp.resolve("s1");
    ok(args(SWEEP, "--shard", "0/2", "--out", s0.toString()));
    ok(args(SWEEP, "--shard", "1/2", "--out", s1.toString(), "--lr", "0.05"));
    CliRun other = CliRun.of("merge", s0.toString(), s1.toString(), "--out",
        temp.resolve("m").toString());
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("primer merge: error: " + s1 + " holds a shard of another"
        + " plan than " + s0 + ": optimizer: sgd(lr=0.02) in " + s0 + ", sgd(lr=0.05) in " + s1
        + "; learning rate: 0.02 in " + s0 + ", 0.05 in " + s1);

    // what a shard interrupted before its run ended leaves: no runs, marked incomplete
    ObjectMapper mapper = new ObjectMapper();
    ok(args(SWEEP, "--shard", "1/2", "--out", s1.toString(), "--force"));
    ObjectNode cut = (ObjectNode) mapper.readTree(s1.resolve("results.json").toFile());
    cut.withArray("depths").forEach(d -> ((ObjectNode) d).putArray("runs"));
    Files.writeString(s1.resolve("results.json"), mapper.writeValueAsString(cut));
    CliRun unfinished = CliRun.of("merge", s0.toString(), s1.toString(), "--out",
        temp.resolve("m").toString());
    assertThat(unfinished.err()).contains("primer merge: error: 1 of 2 runs are missing (a shard"
        + " that did not finish: continue it with --resume): depth 2 he_normal seed 42 (shard"
        + " 1/2, " + s1 + ")");
  }

  @Test
  void mergedSweepShardsAreWhatOneProcessWrites() throws IOException {
    Path one = temp.resolve("one");
    ok(args(SWEEP, "--out", one.toString()));
    List<String> dirs = new ArrayList<>(List.of("merge"));
    for (int i = 0; i < 2; i++) {
      Path shard = temp.resolve("s" + i);
      ok(args(SWEEP, "--shard", i + "/2", "--out", shard.toString()));
      dirs.add(shard.toString());
    }
    Path merged = temp.resolve("merged");
    dirs.addAll(List.of("--out", merged.toString()));
    ok(dirs.toArray(String[]::new));
    assertSameResults(merged, one);
  }

  /** The files of {@code merged} and {@code one}, equal but for wall times. */
  private static void assertSameResults(Path merged, Path one) throws IOException {
    try (Stream<Path> files = Files.list(one)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      try (Stream<Path> mergedFiles = Files.list(merged)) {
        assertThat(mergedFiles.map(p -> p.getFileName().toString()).sorted().toList())
            .isEqualTo(names);
      }
      for (String name : names) {
        if (name.endsWith(".png")) {
          assertThat(Files.readAllBytes(merged.resolve(name))).as(name)
              .isEqualTo(Files.readAllBytes(one.resolve(name)));
        }
      }
    }
    assertThat(withoutSeconds(Files.readAllLines(merged.resolve("results.csv"))))
        .isEqualTo(withoutSeconds(Files.readAllLines(one.resolve("results.csv"))));
    if (Files.exists(one.resolve("summary.csv"))) {
      assertThat(merged.resolve("summary.csv")).hasSameTextualContentAs(
          one.resolve("summary.csv"));
    }
    ObjectMapper mapper = new ObjectMapper();
    JsonNode a = withoutSeconds(mapper.readTree(merged.resolve("results.json").toFile()));
    JsonNode b = withoutSeconds(mapper.readTree(one.resolve("results.json").toFile()));
    assertThat(a).isEqualTo(b);
    assertThat(a.get("complete").asBoolean()).isTrue();
    assertThat(withoutTimes(Files.readString(merged.resolve("report.html"))))
        .isEqualTo(withoutTimes(Files.readString(one.resolve("report.html"))));
  }

  /** CSV lines without the seconds column (the one before status, the last). */
  private static List<String> withoutSeconds(List<String> lines) {
    return lines.stream().map(l -> l.replaceAll(",[^,]*,([^,]*)$", ",$1")).toList();
  }

  private static JsonNode withoutSeconds(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).remove("seconds");
    }
    node.forEach(MergeCommandTest::withoutSeconds);
    return node;
  }

  /** The report with its wall-time cells ({@code 1.2 s}) blanked. */
  private static String withoutTimes(String html) {
    return html.replaceAll("\\d+(\\.\\d+)? s<", " s<");
  }
}
