package dev.primer.samples.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.samples.compare.Completion;
import dev.primer.samples.compare.ResultsFiles;
import dev.primer.samples.compare.ShardRecord;
import dev.primer.samples.report.RunDescription;
import dev.primer.tf.compare.DepthRuns;
import dev.primer.tf.compare.DepthSweepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a depth sweep's results into its output directory, each file atomically:
 * <ul>
 *   <li>{@code results.csv}: one row per (depth, scheme, seed, epoch), columns
 *       {@value #CSV_HEADER}; the columns after depth mean what they mean in
 *       {@code primer compare}'s results.csv (see {@link ResultsFiles});
 *   <li>{@code results.json}: format {@code primer-depth-sweep/1}: the nets, the options, the
 *       data, the versions, and per depth its net, per scheme the mean final test accuracy and
 *       the status as the table shows it ({@link dev.primer.tf.compare.RunStatus#ofGroup}),
 *       per depth the summary over seeds of {@code primer compare}'s results.json
 *       ({@link ResultsFiles#summaryJson}), and its runs (the run objects of
 *       {@code primer compare}'s results.json).
 * </ul>
 */
public final class DepthSweepFiles {
  private DepthSweepFiles() {
    throw new AssertionError("no instances");
  }

  /** The {@code format} of a sweep's results.json. */
  public static final String FORMAT = "primer-depth-sweep/1";

  public static final String CSV_HEADER = "depth," + ResultsFiles.CSV_HEADER;

  /** The CSV text of {@code result}: compare's rows with the depth in front. */
  public static String csv(DepthSweepResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (DepthRuns depth : result.depths()) {
      for (List<String> row : ResultsFiles.csvRows(depth.runs())) {
        List<String> withDepth = new ArrayList<>(List.of(Integer.toString(depth.depth())));
        withDepth.addAll(row);
        rows.add(withDepth);
      }
    }
    return ResultsFiles.csv(List.of(CSV_HEADER.split(",")), rows);
  }

  /** The JSON document of {@code result}. */
  public static ObjectNode json(DepthSweepResult result, RunDescription run) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("format", FORMAT);
    Completion.put(root, result.allRuns().size(), result.plan().runs());
    root.put("nets", run.net());
    root.set("options", mapper.valueToTree(run.options()));
    root.set("data", mapper.valueToTree(run.data()));
    root.set("versions", mapper.valueToTree(run.versions()));
    ArrayNode depths = root.putArray("depths");
    for (DepthRuns depth : result.depths()) {
      ObjectNode d = depths.addObject();
      d.put("depth", depth.depth());
      d.put("spec", depth.net().toString());
      ObjectNode schemes = d.putObject("schemes");
      for (String scheme : result.plan().schemes().keySet()) {
        ObjectNode s = schemes.putObject(scheme);
        double accuracy = result.meanFinalAccuracy(depth.depth(), scheme);
        if (Double.isFinite(accuracy)) {
          s.put("mean_final_test_accuracy", accuracy);
        } else {
          s.putNull("mean_final_test_accuracy");
        }
        s.put("status", result.status(depth.depth(), scheme));
      }
      d.set("summary", ResultsFiles.summaryJson(depth.runs()));
      d.set("runs", ResultsFiles.runsJson(depth.runs()));
    }
    return root;
  }

  /**
   * Writes both files into {@code dir} (created if needed); a sweep that did not finish is
   * marked as {@link Completion} says (its depths not reached have no runs).
   */
  public static void write(Path dir, DepthSweepResult result, RunDescription run)
      throws IOException {
    write(dir, result, run, java.util.Optional.empty());
  }

  /**
   * As {@link #write(Path, DepthSweepResult, RunDescription)} for one shard of a sweep: it is
   * complete when the shard's runs are ({@link dev.primer.tf.compare.Shard#size}), and
   * results.json says which shard it is ({@link ShardRecord}).
   */
  public static void write(Path dir, DepthSweepResult result, RunDescription run,
      java.util.Optional<ShardRecord> shard) throws IOException {
    Files.createDirectories(dir);
    int finished = result.allRuns().size();
    int planned = shard.map(s -> s.shard().size(result.plan().runs()))
        .orElse(result.plan().runs());
    Completion.before(dir, finished, planned, Completion.resume(dir, "primer depth-sweep"));
    ResultsFiles.writeAtomically(dir.resolve("results.csv"), csv(result));
    ObjectNode root = json(result, run);
    Completion.put(root, finished, planned);
    shard.ifPresent(s -> root.set(ShardRecord.FIELD, s.json()));
    ResultsFiles.writeAtomically(dir.resolve("results.json"), new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(root) + "\n");
    Completion.after(dir, finished, planned);
  }
}
