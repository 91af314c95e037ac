package dev.primer.samples.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.primer.tf.compare.EpochRow;
import dev.primer.tf.compare.RunStatus;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.compare.SchemeSummary;
import dev.primer.tf.compare.SeedMean;
import dev.primer.tf.compare.VersusBest;
import dev.primer.tf.io.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 *       the data and the versions of Primer, Java and TensorFlow, and whether the set is
 *       complete ({@link Completion}); and {@code summary}: per scheme over its seeds, the mean
 *       final test accuracy, its 95% Student t interval ({@link SeedMean}) and the paired t test
 *       against the best scheme ({@link VersusBest}), as {@link #summaryJson} writes it.
 *   <li>{@code summary.csv}: that summary, one row per scheme, columns {@value
 *       #SUMMARY_CSV_HEADER}; fractions as in results.csv; empty cells where there is no value
 *       (one seed: no interval, no sd, no p).
 * </ul>
 * Both are rewritten after every finished run, so they always hold the runs finished so far;
 * {@link SavedResults} reads results.json back to resume an interrupted comparison.
 */
public final class ResultsFiles {
  private ResultsFiles() {
    throw new AssertionError("no instances");
  }

  /** The {@code format} of a comparison's results.json. */
  public static final String FORMAT = "primer-compare/1";

  public static final String CSV_HEADER =
      "scheme,seed,epoch,train_loss,test_loss,test_accuracy,seconds,status";

  /** The columns of summary.csv. */
  public static final String SUMMARY_CSV_HEADER = "scheme,seeds,mean_final_test_accuracy,"
      + "sd_final_test_accuracy,ci95_low,ci95_high,vs_best,p_value,status";

  /** The summary.csv text of {@code runs}: one row per scheme ({@link SchemeSummary#of}). */
  public static String summaryCsv(List<SchemeRun> runs) {
    List<List<String>> rows = new ArrayList<>();
    for (SchemeSummary s : SchemeSummary.of(runs)) {
      SeedMean m = s.finalAccuracy();
      rows.add(List.of(s.scheme(), Integer.toString(m.seeds()), number(m.mean()),
          number(m.standardDeviation()), number(m.low()), number(m.high()),
          s.versusBest().verdict().word(), number(s.versusBest().pValue()), s.status()));
    }
    return csv(List.of(SUMMARY_CSV_HEADER.split(",")), rows);
  }

  /**
   * The summary of {@code runs} as JSON: how the interval and the test are made, the best
   * scheme, and per scheme its seeds, mean, sd, interval, verdict against the best ({@code
   * best}, {@code indistinguishable}, {@code below}, {@code untested}), p-value, mean
   * difference to the best and status; a value that does not exist (one seed) is null.
   */
  public static ObjectNode summaryJson(List<SchemeRun> runs) {
    ObjectNode summary = new ObjectMapper().createObjectNode();
    summary.put("measure", "final test accuracy");
    summary.put("interval", "Student t, " + Math.round(100 * SeedMean.CONFIDENCE)
        + "%, over seeds; none for one seed");
    summary.put("test", VersusBest.TEST);
    List<SchemeSummary> summaries = SchemeSummary.of(runs);
    summary.put("best", summaries.isEmpty() ? "" : summaries.get(0).versusBest().best());
    ArrayNode schemes = summary.putArray("schemes");
    for (SchemeSummary s : summaries) {
      SeedMean m = s.finalAccuracy();
      ObjectNode o = schemes.addObject();
      o.put("scheme", s.scheme());
      o.put("seeds", m.seeds());
      JsonNumbers.putFiniteOrNull(o, "mean_final_test_accuracy", m.mean());
      JsonNumbers.putFiniteOrNull(o, "sd_final_test_accuracy", m.standardDeviation());
      JsonNumbers.putFiniteOrNull(o, "ci95_low", m.low());
      JsonNumbers.putFiniteOrNull(o, "ci95_high", m.high());
      o.put("vs_best", s.versusBest().verdict().word());
      JsonNumbers.putFiniteOrNull(o, "p_value", s.versusBest().pValue());
      JsonNumbers.putFiniteOrNull(o, "mean_difference_to_best",
          s.versusBest().meanDifference());
      o.put("status", s.status());
    }
    return summary;
  }

  /** The CSV text of {@code runs}: the header, then {@link #csvRows}. */
  public static String csv(List<SchemeRun> runs) {
    return csv(List.of(CSV_HEADER.split(",")), csvRows(runs));
  }

  /** The cells of {@code runs}' CSV rows, one row per run and epoch, without the header. */
  public static List<List<String>> csvRows(List<SchemeRun> runs) {
    List<List<String>> rows = new ArrayList<>();
    for (SchemeRun run : runs) {
      String seed = Long.toString(run.seed());
      String status = run.status().describe();
      if (run.epochs().isEmpty()) {
        rows.add(List.of(run.scheme(), seed, "0", "", "", "", number(run.seconds()), status));
      }
      for (EpochRow row : run.epochs()) {
        rows.add(List.of(run.scheme(), seed, Integer.toString(row.epoch()),
            number(row.trainLoss()), number(row.testLoss()), number(row.testAccuracy()),
            number(row.seconds()), status));
      }
    }
    return rows;
  }

  /**
   * CSV text (RFC 4180, written by Jackson's CSV module: a field holding a comma, quote or line
   * break is quoted) of a header and rows.
   */
  public static String csv(List<String> header, List<List<String>> rows) {
    StringWriter out = new StringWriter();
    try (SequenceWriter writer = new CsvMapper().writer(CsvSchema.emptySchema())
        .writeValues(out)) {
      writer.write(header);
      for (List<String> row : rows) {
        writer.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing CSV to memory failed", e);
    }
    return out.toString();
  }

  /**
   * The JSON document of a comparison of which {@code runs} finished out of {@code planned}
   * ({@link Completion}).
   */
  public static ObjectNode json(List<SchemeRun> runs, int planned, String spec,
      Map<String, Object> options, Map<String, Object> data, Map<String, String> versions) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("format", FORMAT);
    Completion.put(root, runs.size(), planned);
    root.put("spec", spec);
    root.set("options", mapper.valueToTree(options));
    root.set("data", mapper.valueToTree(data));
    root.set("versions", mapper.valueToTree(versions));
    root.set("summary", summaryJson(runs));
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

  /**
   * Writes the three files into {@code dir} (created if needed), of which {@code runs} finished out
   * of {@code planned}; an incomplete set is marked as {@link Completion} says.
   */
  public static void write(Path dir, List<SchemeRun> runs, int planned, String spec,
      Map<String, Object> options, Map<String, Object> data, Map<String, String> versions)
      throws IOException {
    write(dir, runs, planned, spec, options, data, versions, java.util.Optional.empty());
  }

  /**
   * As {@link #write(Path, List, int, String, Map, Map, Map)} for one shard of a comparison:
   * {@code planned} counts the shard's runs, and results.json says which shard it is ({@link
   * ShardRecord}).
   */
  public static void write(Path dir, List<SchemeRun> runs, int planned, String spec,
      Map<String, Object> options, Map<String, Object> data, Map<String, String> versions,
      java.util.Optional<ShardRecord> shard) throws IOException {
    write(dir, runs, planned, spec, options, data, versions, shard,
        Completion.resume(dir, "primer compare"));
  }

  /**
   * As {@link #write(Path, List, int, String, Map, Map, Map)} for a command other than compare:
   * an incomplete set says {@code toContinue} ({@link Completion#resume} or {@link
   * Completion#rerun}).
   */
  public static void write(Path dir, List<SchemeRun> runs, int planned, String spec,
      Map<String, Object> options, Map<String, Object> data, Map<String, String> versions,
      String toContinue) throws IOException {
    write(dir, runs, planned, spec, options, data, versions, java.util.Optional.empty(),
        toContinue);
  }

  private static void write(Path dir, List<SchemeRun> runs, int planned, String spec,
      Map<String, Object> options, Map<String, Object> data, Map<String, String> versions,
      java.util.Optional<ShardRecord> shard, String toContinue) throws IOException {
    Files.createDirectories(dir);
    Completion.before(dir, runs.size(), planned, toContinue);
    writeAtomically(dir.resolve("results.csv"), csv(runs));
    writeAtomically(dir.resolve("summary.csv"), summaryCsv(runs));
    ObjectNode root = json(runs, planned, spec, options, data, versions);
    shard.ifPresent(s -> root.set(ShardRecord.FIELD, s.json()));
    writeAtomically(dir.resolve("results.json"), new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(root) + "\n");
    Completion.after(dir, runs.size(), planned);
  }

  /** Writes {@code text} beside {@code file}, then moves it into place in one step. */
  public static void writeAtomically(Path file, String text) throws IOException {
    AtomicFiles.writeString(file, text);
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
  }

}
