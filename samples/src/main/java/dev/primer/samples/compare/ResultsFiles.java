package dev.primer.samples.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import dev.primer.tf.io.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a comparison's results into its output directory, each file atomically (written beside
 * it, then moved into place), so a reader never sees half a file:
 * <ul>
 *   <li>{@code results.csv}: one row per (scheme, seed, epoch), columns {@value #CSV_HEADER};
 *       test_accuracy is a fraction; seconds is the run's wall time up to the end of that epoch;
 *       status is the run's final status, repeated on each of its rows; a run with no completed
 *       epoch (diverged in its first, or failed) has one row with epoch 0 and empty numbers.
 *   <li>{@code results.json}: the same runs with their epochs (and, for data-dependent schemes,
 *       what LSUV or the class prior did: {@link DataInitJson}), plus the spec text, the options,
 *       the data and the versions of Primer, Java and TensorFlow.
 * </ul>
 */
public final class ResultsFiles {
  private ResultsFiles() {
    throw new AssertionError("no instances");
  }

  public static final String CSV_HEADER =
      "scheme,seed,epoch,train_loss,test_loss,test_accuracy,seconds,status";

  /** The CSV text of {@code runs}. */
  public static String csv(List<SchemeRun> runs) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
    for (SchemeRun run : runs) {
      if (run.epochs().isEmpty()) {
        out.append(String.join(",", quote(run.scheme()), Long.toString(run.seed()), "0", "", "",
            "", number(run.seconds()), quote(run.status().describe()))).append('\n');
      }
      for (EpochRow row : run.epochs()) {
        out.append(String.join(",", quote(run.scheme()), Long.toString(run.seed()),
            Integer.toString(row.epoch()), number(row.trainLoss()), number(row.testLoss()),
            number(row.testAccuracy()), number(row.seconds()), quote(run.status().describe())))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** The JSON document of a comparison. */
  public static ObjectNode json(List<SchemeRun> runs, String spec, Map<String, Object> options,
      Map<String, Object> data, Map<String, String> versions) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("format", "primer-compare/1");
    root.put("spec", spec);
    root.set("options", mapper.valueToTree(options));
    root.set("data", mapper.valueToTree(data));
    root.set("versions", mapper.valueToTree(versions));
    root.set("runs", runsJson(runs));
    return root;
  }

  /** The runs of a comparison as a JSON array, one object per (scheme, seed) with its epochs. */
  public static ArrayNode runsJson(List<SchemeRun> runs) {
    ArrayNode list = new ObjectMapper().createArrayNode();
    for (SchemeRun run : runs) {
      ObjectNode r = list.addObject();
      r.put("scheme", run.scheme());
      r.put("seed", run.seed());
      r.put("status", run.status().word());
      r.put("status_detail", run.status().detail().isEmpty() ? run.status().describe()
          : run.status().detail());
      if (run.status().kind() == RunStatus.Kind.DIVERGED) {
        r.put("diverged_at_step", run.status().step());
      }
      JsonNumbers.putFiniteOrNull(r, "final_train_loss", run.finalTrainLoss());
      JsonNumbers.putFiniteOrNull(r, "final_test_accuracy", run.finalTestAccuracy());
      r.put("seconds", run.seconds());
      run.dataInit().ifPresent(d -> r.set("data_init", DataInitJson.of(d)));
      ArrayNode epochs = r.putArray("epochs");
      for (EpochRow row : run.epochs()) {
        ObjectNode e = epochs.addObject();
        e.put("epoch", row.epoch());
        JsonNumbers.putFiniteOrNull(e, "train_loss", row.trainLoss());
        JsonNumbers.putFiniteOrNull(e, "test_loss", row.testLoss());
        JsonNumbers.putFiniteOrNull(e, "test_accuracy", row.testAccuracy());
        e.put("seconds", row.seconds());
      }
    }
    return list;
  }

  /** Writes both files into {@code dir} (created if needed). */
  public static void write(Path dir, List<SchemeRun> runs, String spec,
      Map<String, Object> options, Map<String, Object> data, Map<String, String> versions)
      throws IOException {
    Files.createDirectories(dir);
    writeAtomically(dir.resolve("results.csv"), csv(runs));
    writeAtomically(dir.resolve("results.json"), new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(json(runs, spec, options, data, versions)) + "\n");
  }

  /** Writes {@code text} beside {@code file}, then moves it into place in one step. */
  public static void writeAtomically(Path file, String text) throws IOException {
    AtomicFiles.writeString(file, text);
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
  }

  /** RFC 4180: a field with a comma, quote or newline is quoted, quotes doubled. */
  private static String quote(String field) {
    return field.contains(",") || field.contains("\"") || field.contains("\n")
        ? "\"" + field.replace("\"", "\"\"") + "\""
        : field;
  }
}
