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
    Path file = dir.resolve("results.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--resume " + dir + ": there is no results.json to"
          + " resume from (" + file + " " + (Files.exists(file) ? "is not a file" : "is missing")
          + ")");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("--resume " + dir + ": " + file
          + " cannot be read as results: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    String found = root == null ? "" : root.path("format").asText();
    if (!format.equals(found)) {
      throw new IllegalArgumentException("--resume " + dir + ": " + file + " holds "
          + (found.isEmpty() ? "no Primer results" : found + " results") + ", not " + format);
    }
    return new SavedResults(file, root);
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
    compare("", normal(mapper, options), root.path("options"), differences);
    compare("data ", normal(mapper, data), root.path("data"), differences);
    return differences;
  }

  private static JsonNode normal(ObjectMapper mapper, Object value) {
    try {
      return mapper.readTree(mapper.writeValueAsString(value));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void compare(String prefix, JsonNode now, JsonNode then, List<String> out) {
    Set<String> names = new LinkedHashSet<>();
    now.fieldNames().forEachRemaining(names::add);
    then.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode a = now.path(name);
      JsonNode b = then.path(name);
      if (!a.equals(b)) {
        out.add(prefix + name.replace('_', ' ') + ": " + text(a) + " now, " + text(b)
            + " in the results");
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
