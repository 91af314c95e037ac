package dev.primer.samples.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.dsl.Net;
import dev.primer.samples.compare.ComparisonTable;
import dev.primer.samples.compare.ResultsFiles;
import dev.primer.samples.compare.SavedResults;
import dev.primer.samples.compare.ShardRecord;
import dev.primer.samples.report.CompareReport;
import dev.primer.samples.report.RunDescription;
import dev.primer.samples.sweep.DepthSweepFiles;
import dev.primer.samples.sweep.DepthSweepReport;
import dev.primer.samples.sweep.DepthSweepTable;
import dev.primer.tf.Device;
import dev.primer.tf.compare.DepthRuns;
import dev.primer.tf.compare.DepthSweepPlan;
import dev.primer.tf.compare.DepthSweepResult;
import dev.primer.tf.compare.RunGrid;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.compare.Schemes;
import dev.primer.tf.compare.ShardRuns;
import dev.primer.tf.compare.SweepShardRuns;
import dev.primer.tf.data.MnistSplit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code primer merge DIR...}: joins the output directories of the shards of one comparison or
 * depth sweep ({@code --shard i/n}) into the result set one process would have written:
 * results.csv, results.json, summary.csv (compare), the charts and report.html. The checks and
 * the join are the library's ({@link RunGrid#merge}, {@link RunGrid#mergeDepths}); this command
 * reads and writes the files. It needs neither the data nor TensorFlow: each shard keeps the
 * report's measurement at initialization in its results.json ({@link ShardRecord}).
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Join the shards of one compare or depth-sweep (each run with --shard I/N",
      "into its own --out) into one set of results and one report, as one process",
      "running the whole plan would have written them.",
      "",
      "Checks that every directory holds a finished shard of the same plan (net,",
      "options, data) and of the same cut N, that every shard 0..N-1 is there once",
      "and every run exactly once; an error names the directory and the runs.",
      "Each run keeps its own wall time; the versions are those of shard 0.",
      "Exit codes: 0 every run finished, 3 one or more runs failed, 2 a usage error.",
      ""
    })
final class MergeCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "DIR",
      description = "The shards' output directories, in any order.")
  List<Path> dirs;

  @Mixin
  OutputOptions output;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A shard's directory read back. */
  private record ShardDir(Path dir, SavedResults saved, ShardRecord record) {}

  @Override
  public Integer call() throws IOException {
    List<ShardDir> shards = read();
    ShardDir first = shards.get(0);
    boolean sweep = first.saved().format().equals(DepthSweepFiles.FORMAT);
    String netField = sweep ? "nets" : "spec";
    for (ShardDir other : shards.subList(1, shards.size())) {
      List<String> differences = first.saved().differencesFrom(other.saved(), netField,
          first.dir().toString(), other.dir().toString());
      if (!differences.isEmpty()) {
        throw new UserException(other.dir() + " holds a shard of another plan than "
            + first.dir() + ": " + String.join("; ", differences));
      }
    }
    JsonNode root = first.saved().root();
    Map<String, Object> options = JSON.convertValue(root.path("options"),
        new TypeReference<LinkedHashMap<String, Object>>() {});
    Map<String, Object> data = JSON.convertValue(root.path("data"),
        new TypeReference<LinkedHashMap<String, Object>>() {});
    Map<String, String> versions = JSON.convertValue(root.path("versions"),
        new TypeReference<LinkedHashMap<String, String>>() {});
    RunGrid grid = new RunGrid(strings(root.path("options").path("schemes")),
        longs(root.path("options").path("seeds")));
    // every usage error is reported before the output directory is made
    PrintWriter text = spec.commandLine().getOut();
    int epochs = root.path("options").path("epochs").asInt();
    List<SchemeRun> all;
    if (sweep) {
      DepthSweepResult result = mergeSweep(shards, grid, root);
      Path outDir = output.fresh("merge");
      RunDescription description = new RunDescription("primer depth-sweep",
          root.path("nets").asText(), data, options, versions);
      text.println("merged " + shards.size() + " shards: " + result.allRuns().size() + " runs");
      text.println("test accuracy after " + epochs + " epoch" + (epochs == 1 ? "" : "s")
          + " and status, per depth (rows) and scheme (columns):");
      text.print(DepthSweepTable.of(result));
      DepthSweepFiles.write(outDir, result, description);
      Path report = DepthSweepReport.write(outDir, result, description,
          first.record().activationStd(), first.record().probe());
      text.println();
      text.println("wrote " + outDir.resolve("results.csv") + ", "
          + outDir.resolve("results.json") + ", charts and " + report);
      all = result.allRuns();
    } else {
      List<ShardRuns> parts = new ArrayList<>();
      for (ShardDir shard : shards) {
        parts.add(new ShardRuns(shard.dir().toString(), shard.record().shard(),
            shard.saved().runs(MnistSplit.CLASSES)));
      }
      all = library(() -> grid.merge(parts));
      Path outDir = output.fresh("merge");
      String net = root.path("spec").asText();
      text.println("merged " + shards.size() + " shards: " + all.size() + " runs");
      text.print(ComparisonTable.of(all, epochs));
      ResultsFiles.write(outDir, all, grid.size(), net, options, data, versions);
      Path report = CompareReport.write(outDir, new RunDescription("primer compare", net, data,
              options, versions), all, epochs, MnistSplit.CLASSES,
          first.record().activationStd(), first.record().probe());
      text.println();
      text.println("wrote " + outDir.resolve("results.csv") + " and "
          + outDir.resolve("results.json"));
      text.println("wrote charts and " + report);
    }
    text.flush();
    return ErrorReporter.runsEnded(all, "merge", spec.commandLine().getErr());
  }

  /** Every DIR's results, each a shard's; shard 0 first (its versions and measurement). */
  private List<ShardDir> read() {
    List<ShardDir> shards = new ArrayList<>();
    String format = null;
    for (Path dir : dirs) {
      SavedResults saved = library(() -> SavedResults.read(dir,
          List.of(ResultsFiles.FORMAT, DepthSweepFiles.FORMAT), dir.toString(), "merge"));
      if (format != null && !format.equals(saved.format())) {
        throw new UserException(dir + " holds " + saved.format() + " results, "
            + shards.get(0).dir() + " holds " + format + " results: only shards of one"
            + " comparison or one sweep merge");
      }
      format = saved.format();
      ShardRecord record = ShardRecord.read(saved.root()).orElseThrow(() -> new UserException(
          dir + ": its results.json is not a shard's (it has no \"" + ShardRecord.FIELD
              + "\" field): it holds a whole plan, made without --shard"));
      shards.add(new ShardDir(dir, saved, record));
    }
    shards.sort(Comparator.comparingInt(s -> s.record().shard().index()));
    return shards;
  }

  /** The sweep's shards joined, with the plan rebuilt from the options written. */
  private DepthSweepResult mergeSweep(List<ShardDir> shards, RunGrid grid, JsonNode root) {
    JsonNode o = root.path("options");
    List<Integer> depths = new ArrayList<>();
    o.path("depths").forEach(d -> depths.add(d.asInt()));
    List<SweepShardRuns> parts = new ArrayList<>();
    for (ShardDir shard : shards) {
      parts.add(new SweepShardRuns(shard.dir().toString(), shard.record().shard(),
          shard.saved().runsByDepth(MnistSplit.CLASSES)));
    }
    Map<Integer, List<SchemeRun>> byDepth = library(() -> grid.mergeDepths(depths, parts));
    DepthSweepPlan plan = library(() -> new DepthSweepPlan(depths, o.path("width").asInt(),
        Schemes.named(grid.schemes()), o.path("epochs").asInt(), o.path("batch").asInt(),
        o.path("learning_rate").asDouble(), grid.seeds(),
        Device.valueOf(o.path("device").asText().toUpperCase(Locale.ROOT))));
    Map<Integer, String> nets = new LinkedHashMap<>();
    root.path("depths").forEach(d -> nets.put(d.path("depth").asInt(), d.path("spec").asText()));
    List<DepthRuns> runs = new ArrayList<>();
    for (int depth : depths) {
      runs.add(new DepthRuns(depth, Net.parse(nets.get(depth)), byDepth.get(depth)));
    }
    return new DepthSweepResult(plan, runs, MnistSplit.CLASSES);
  }

  /** A library refusal as a usage error of this command. */
  private static <T> T library(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asLong()));
    return values;
  }
}
