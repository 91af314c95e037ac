package dev.primer.samples.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.tf.compare.EpochRow;
import dev.primer.tf.compare.RunStatus;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.datainit.DataInitReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A results.json read back, to resume the comparison or sweep that wrote it: what it planned
 * (spec, options, data) and the runs it finished, as the library's {@link SchemeRun}s. Numbers
 * come back exactly as they were (Jackson writes the shortest text that reads back to the same
 * double); a JSON null is NaN.
 *
 * @param file the results.json read
 * @param root its content
 */
public record SavedResults(Path file, JsonNode root) {

  /**
   * Reads {@code dir/results.json} and checks that it is of {@code format}.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it: missing,
   *     unreadable, not JSON, another format
   */
  public static SavedResults read(Path dir, String format) {
    return read(dir, List.of(format), "--resume " + dir, "resume from");
  }

  /**
   * Reads {@code dir/results.json} and checks that it is of one of {@code formats}, for a
   * command that names the directory {@code where} in its errors and reads the results to
   * {@code purpose} ({@code resume from}, {@code merge}).
   *
   * @throws IllegalArgumentException as {@link #read(Path, String)}
   */
  public static SavedResults read(Path dir, List<String> formats, String where,
      String purpose) {
    Path file = dir.resolve("results.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(where + ": there is no results.json to " + purpose
          + " (" + file + " " + (Files.exists(file) ? "is not a file" : "is missing") + ")");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": " + file
          + " cannot be read as results: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    String found = root == null ? "" : root.path("format").asText();
    if (!formats.contains(found)) {
      throw new IllegalArgumentException(where + ": " + file + " holds "
          + (found.isEmpty() ? "no Primer results" : found + " results") + ", not "
          + String.join(" or ", formats));
    }
    return new SavedResults(file, root);
  }

  /** The results' {@code format}, such as {@code primer-compare/1}. */
  public String format() {
    return root.path("format").asText();
  }

  /**
   * What differs between the plans of these results and {@code other}'s: one line per field
   * ({@code netField}, every option, the data), such as {@code epochs: 3 in a, 2 in b}, where
   * {@code a} and {@code b} name this and the other; empty when they are one plan's.
   */
  public List<String> differencesFrom(SavedResults other, String netField, String a,
      String b) {
    List<String> differences = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    compare("", "in " + a, "in " + b,
        mapper.createObjectNode().put(netField, root.path(netField).asText()),
        mapper.createObjectNode().put(netField, other.root.path(netField).asText()),
        differences);
    compare("", "in " + a, "in " + b, root.path("options"), other.root.path("options"),
        differences);
    compare("data ", "in " + a, "in " + b, root.path("data"), other.root.path("data"),
        differences);
    return differences;
  }

  /**
   * What differs between the plan now and the plan of the file: one line per field, such as
   * {@code epochs: 3 now, 2 in the results}; empty when they match. Compared are {@code
   * netField} (the spec or the nets), every option (net, schemes, seeds, epochs, batch,
   * optimizer, learning rate, device, ...) and the data (source and sizes).
   */
  public List<String> differences(String netField, String net, Map<String, Object> options,
      Map<String, Object> data) {
    ObjectMapper mapper = new ObjectMapper();
    List<String> differences = new ArrayList<>();
    if (!net.equals(root.path(netField).asText())) {
      differences.add(netField + ": " + net + " now, " + root.path(netField).asText()
          + " in the results");
    }
    compare("", "now", "in the results", normal(mapper, options), root.path("options"),
        differences);
    compare("data ", "now", "in the results", normal(mapper, data), root.path("data"),
        differences);
    return differences;
  }

  private static JsonNode normal(ObjectMapper mapper, Object value) {
    try {
      return mapper.readTree(mapper.writeValueAsString(value));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void compare(String prefix, String nowName, String thenName, JsonNode now,
      JsonNode then, List<String> out) {
    Set<String> names = new LinkedHashSet<>();
    now.fieldNames().forEachRemaining(names::add);
    then.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode a = now.path(name);
      JsonNode b = then.path(name);
      if (!a.equals(b)) {
        out.add(prefix + name.replace('_', ' ') + ": " + text(a) + " " + nowName + ", "
            + text(b) + " " + thenName);
      }
    }
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() ? "none" : node.isTextual() ? node.asText() : node.toString();
  }

  /**
   * The runs of a comparison's file; the status of a run that neither diverged nor failed is
   * judged again from its epochs ({@link RunStatus#ofHistory}) for {@code classes} classes, so a
   * file written under an earlier status rule resumes under today's.
   */
  public List<SchemeRun> runs(int classes) {
    return runs(root.path("runs"), classes);
  }

  /** The runs of a sweep's file, per depth, their statuses as {@link #runs} says. */
  public Map<Integer, List<SchemeRun>> runsByDepth(int classes) {
    Map<Integer, List<SchemeRun>> byDepth = new LinkedHashMap<>();
    for (JsonNode depth : root.path("depths")) {
      byDepth.put(depth.path("depth").asInt(), runs(depth.path("runs"), classes));
    }
    return byDepth;
  }

  /** The run objects of {@link ResultsFiles#runsJson} read back. */
  static List<SchemeRun> runs(JsonNode array, int classes) {
    List<SchemeRun> runs = new ArrayList<>();
    for (JsonNode r : array) {
      List<EpochRow> epochs = new ArrayList<>();
      for (JsonNode e : r.path("epochs")) {
        epochs.add(new EpochRow(e.path("epoch").asInt(), number(e, "train_loss"),
            number(e, "test_loss"), number(e, "test_accuracy"), number(e, "seconds")));
      }
      Optional<DataInitReport> dataInit = r.has("data_init")
          ? Optional.of(DataInitJson.read(r.get("data_init"))) : Optional.empty();
      runs.add(new SchemeRun(r.path("scheme").asText(), r.path("seed").asLong(), epochs,
          status(r, epochs, classes), number(r, "seconds"), dataInit));
    }
    return runs;
  }

  /** Diverged and failed as written; any other word judged again from the epochs. */
  private static RunStatus status(JsonNode r, List<EpochRow> epochs, int classes) {
    String detail = r.path("status_detail").asText();
    return switch (r.path("status").asText()) {
      case "diverged" -> RunStatus.diverged(detail, r.path("diverged_at_step").asLong());
      case "failed" -> RunStatus.failed(detail);
      default -> RunStatus.ofHistory(epochs, classes);
    };
  }

  static double number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? value.doubleValue() : Double.NaN;
  }
}
