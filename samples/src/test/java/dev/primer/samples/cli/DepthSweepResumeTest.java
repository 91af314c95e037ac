package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.samples.compare.Completion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code depth-sweep --resume} on the results of a sweep cut short after its first depth (as a
 * signal leaves them) trains only the missing depth and writes the set an uninterrupted sweep
 * writes (wall times aside).
 */
class DepthSweepResumeTest {

  static final List<String> OPTIONS = List.of("depth-sweep", "--depths", "1,2", "--width", "8",
      "--epochs", "1", "--batch", "32", "--train-size", "200", "--test-size", "50");

  @TempDir
  Path temp;

  @Test
  void resumingASweepCutAfterItsFirstDepthGivesTheUninterruptedSweep() throws Exception {
    Path whole = temp.resolve("whole");
    CliRun first = CliRun.of(args("--out", whole.toString()));
    assertThat(first.exitCode()).as(first.err()).isZero();
    ObjectMapper mapper = new ObjectMapper();
    JsonNode reference = mapper.readTree(whole.resolve("results.json").toFile());
    assertThat(reference.get("complete").asBoolean()).isTrue();

    // what an interruption after depth 1 leaves: depth 2 without runs, marked incomplete
    Path cut = Files.createDirectories(temp.resolve("cut"));
    ObjectNode partial = reference.deepCopy();
    ((ArrayNode) partial.get("depths").get(1).get("runs")).removeAll();
    Completion.put(partial, 2, 4);
    Files.writeString(cut.resolve("results.json"),
        mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(partial));
    Files.writeString(cut.resolve(Completion.MARKER), "incomplete");

    CliRun resumed = CliRun.of(args("--resume", cut.toString()));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out().lines().filter(l -> l.endsWith("(kept)"))).hasSize(2);
    assertThat(resumed.out().lines().filter(l -> l.startsWith("  ") && l.contains("seed 42")))
        .hasSize(4).filteredOn(l -> l.endsWith("(kept)"))
        .allMatch(l -> l.startsWith("  glorot_uniform") || l.startsWith("  he_normal"))
        .hasSize(2);
    assertThat(resumed.out()).contains("depth 1 (2 weight layers) [1/2]",
        "depth 2 (3 weight layers) [2/2]");
    assertThat(cut.resolve(Completion.MARKER)).doesNotExist();
    JsonNode merged = mapper.readTree(cut.resolve("results.json").toFile());
    assertThat(merged.get("complete").asBoolean()).isTrue();
    for (int d = 0; d < 2; d++) {
      assertThat(withoutSeconds(merged.get("depths").get(d).get("runs")))
          .isEqualTo(withoutSeconds(reference.get("depths").get(d).get("runs")));
      assertThat(merged.get("depths").get(d).get("schemes"))
          .isEqualTo(reference.get("depths").get(d).get("schemes"));
    }
    // the kept runs come back exactly as they were written, wall times included
    assertThat(merged.get("depths").get(0).get("runs"))
        .isEqualTo(reference.get("depths").get(0).get("runs"));
  }

  private static String[] args(String... more) {
    List<String> all = new ArrayList<>(OPTIONS);
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
}
