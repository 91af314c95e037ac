package dev.primer.samples.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.samples.compare.Completion;
import dev.primer.samples.compare.ResultsFiles;
import dev.primer.samples.report.RunDescription;
import dev.primer.tf.compare.MemoryRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a recurrent memory experiment's results into its output directory, each file
 * atomically, after every finished run:
 * <ul>
 *   <li>{@code results.csv}: one row per run, the table's columns ({@link MemoryTable#HEADER});
 *   <li>{@code results.json}: format {@value #FORMAT}: the run description and per run its
 *       cell, scheme, status, test MSE, training MSE per epoch and ‖∂L/∂x_t‖ per step at init.
 * </ul>
 * An experiment that did not finish is marked as {@link Completion} says.
 */
public final class MemoryFiles {
  private MemoryFiles() {
    throw new AssertionError("no instances");
  }

  /** The {@code format} of results.json. */
  public static final String FORMAT = "primer-memory/1";

  /** The JSON document of {@code runs} out of {@code planned}. */
  public static ObjectNode json(List<MemoryRun> runs, int planned, RunDescription run) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("format", FORMAT);
    Completion.put(root, runs.size(), planned);
    root.put("nets", run.net());
    root.set("options", mapper.valueToTree(run.options()));
    root.set("data", mapper.valueToTree(run.data()));
    root.set("versions", mapper.valueToTree(run.versions()));
    ArrayNode array = root.putArray("runs");
    for (MemoryRun r : runs) {
      ObjectNode o = array.addObject();
      o.put("cell", r.cell().text());
      o.put("recurrent_init", r.scheme());
      o.put("status", r.status().words());
      if (r.divergedAtStep().isPresent()) {
        o.put("diverged_at_step", r.divergedAtStep().getAsLong());
      }
      if (Double.isFinite(r.testMse())) {
        o.put("test_mse", r.testMse());
      } else {
        o.putNull("test_mse");
      }
      o.put("seconds", r.seconds());
      ArrayNode train = o.putArray("train_mse_per_epoch");
      r.trainLoss().forEach(train::add);
      o.put("gradient_decay_at_init", r.atInit().decay());
      ArrayNode norms = o.putArray("gradient_norm_per_step_at_init");
      for (double v : r.atInit().norms()) {
        norms.add(v);
      }
    }
    return root;
  }

  /** Writes results.csv and results.json into {@code dir} (created if needed). */
  public static void write(Path dir, List<MemoryRun> runs, int planned, RunDescription run)
      throws IOException {
    Files.createDirectories(dir);
    Completion.before(dir, runs.size(), planned, Completion.rerun("primer memory"));
    List<List<String>> rows = new ArrayList<>(MemoryTable.rows(runs));
    ResultsFiles.writeAtomically(dir.resolve("results.csv"),
        ResultsFiles.csv(MemoryTable.HEADER, rows));
    ResultsFiles.writeAtomically(dir.resolve("results.json"), new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(json(runs, planned, run)) + "\n");
    Completion.after(dir, runs.size(), planned);
  }
}
