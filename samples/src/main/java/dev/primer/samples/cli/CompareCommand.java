package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.samples.compare.ComparisonTable;
import dev.primer.samples.compare.ResultsFiles;
import dev.primer.samples.compare.SavedResults;
import dev.primer.samples.compare.ShardRecord;
import dev.primer.samples.report.ActivationProbe;
import dev.primer.samples.report.CompareReport;
import dev.primer.samples.report.RunDescription;
import dev.primer.samples.report.TensorBoardRuns;
import dev.primer.tf.Device;
import dev.primer.tf.compare.Comparison;
import dev.primer.tf.compare.ComparisonPlan;
import dev.primer.tf.compare.Execution;
import dev.primer.tf.compare.Shard;
import dev.primer.tf.compare.RunGrouping;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.ImageInput;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.train.Optimizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer compare}: trains the same net once per initialization scheme on MNIST and shows
 * side by side what each scheme does. The runs are the library's {@link Comparison}; this command
 * reads the options into a {@link ComparisonPlan} and presents the runs.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Train one net once per initialization scheme on MNIST and compare them.",
      "",
      "Every scheme replaces every kernel init of the net; the seed, the batches and",
      "their order are the same for every scheme, so only the initial weights differ.",
      "Prints test accuracy after each epoch, final training loss, time and a",
      "status; over the seeds (default " + ComparisonPlan.DEFAULT_SEED_COUNT + ") the mean final accuracy, its 95%%",
      "Student t interval, and a mark against the best scheme by a paired t test",
      "over seeds (alpha 0.05): best | ≈ best (not shown different) | below.",
      "",
      TrainingOptions.STATUS_HELP,
      "",
      "Writes results.csv, results.json, summary.csv, PNG charts (accuracy and",
      "losses per epoch, each layer's signal at init) and a self-contained",
      "report.html into --out.",
      "",
      TrainingOptions.KEPT_HELP,
      ""
    })
final class CompareCommand implements Callable<Integer> {

  @Option(names = "--net", defaultValue = ComparisonPlan.DEFAULT_NET, paramLabel = "TEXT",
      description = "The net in the text form. Default: ${DEFAULT-VALUE}")
  String net;

  @Option(names = "--schemes", defaultValue = ComparisonPlan.DEFAULT_SCHEMES, paramLabel = "LIST",
      description = "Comma-separated initializer names (commas inside parentheses belong to the "
          + "scheme). Default: ${DEFAULT-VALUE}")
  String schemes;

  @Option(names = "--optimizer", defaultValue = ComparisonPlan.DEFAULT_OPTIMIZER,
      paramLabel = "NAME",
      description = "One of: " + OptimizerOptions.NAMES + ". Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(names = "--lr", paramLabel = "X",
      description = "Learning rate. Default: 0.1 for sgd, 0.01 for momentum and nesterov "
          + "(momentum 0.9), 0.001 for adam and rmsprop.")
  Double lr;

  @Option(names = "--separate",
      description = "Train each run alone, in a TensorFlow model of its own, each kept on disk as"
          + " soon as it finishes. The results are the default's (bitwise on compare's net;"
          + " larger products may round otherwise on one thread), which trains the runs"
          + " together in groups of at most 9 runs, one graph per core and lane on one thread"
          + " each (lsuv and class_prior runs train alone), in less time, each group kept on"
          + " disk as it ends: an interrupt loses the runs of the group in progress.")
  boolean separate;

  @Option(names = "--together",
      description = "Train the runs together in groups of at most 9 (the default; see"
          + " --separate).")
  boolean together;

  @Mixin
  TrainingOptions training;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** Examples whose layer outputs the activation chart measures. */
  static final int PROBE_EXAMPLES = 256;

  @Override
  public Integer call() throws IOException {
    Device device = training.common.device();
    RunGrouping grouping = grouping();
    training.check(ComparisonPlan.DEFAULT_EPOCHS, ComparisonPlan.DEFAULT_SEED_COUNT);
    Optimizer chosen = OptimizerOptions.of(optimizer, lr);
    Map<String, Init> schemeMap = TrainingOptions.schemes(schemes);
    PrintWriter text = spec.commandLine().getOut();
    MnistSplit split = training.common.load();
    NetSpec parsed = ImageInput.withImageInput(Net.parse(net), split.train());
    ImageDataset train = new ImageDataset(split.train(), parsed.input().orElseThrow(), MnistSplit.CLASSES);
    ImageDataset test = new ImageDataset(split.test(), parsed.input().orElseThrow(), MnistSplit.CLASSES);
    ComparisonPlan plan = new ComparisonPlan(parsed, schemeMap, training.epochs, training.batch,
        chosen, training.seedList(), device, grouping);
    plan.checkNet();
    TrainingOptions.checkBatch(() -> plan.checkTrainingSet(train));
    Execution execution = training.execution.execution();
    Shard shard = execution.shard();
    int planned = shard.size(plan.runs());
    Optional<ShardRecord> shardRecord = shard.isAll() ? Optional.empty()
        : Optional.of(new ShardRecord(shard));
    // every usage error is reported before the output directory is made
    Path outDir = training.outDirectory("compare");
    Map<String, Object> options = plan.options();
    Map<String, Object> data = TrainingOptions.data(split, train, test);
    List<SchemeRun> finished = training.resume == null ? List.of()
        : resumed(outDir, parsed.toString(), options, data, plan, shard);

    text.println("net:       " + parsed);
    text.println("data:      " + TrainingOptions.describe(split, train, test));
    text.println("training:  " + training.describe(chosen, device));
    if (!shard.isAll() || execution.jobs() > 1) {
      text.println("runs:      " + TrainingOptions.describe(execution, plan.runs()));
    }
    text.println();
    text.flush();

    PrintWriter err = spec.commandLine().getErr();
    AtomicReference<List<SchemeRun>> soFar = new AtomicReference<>(finished);
    // set by the first runsSoFar; the last one writes every run, those kept from --resume too
    AtomicBoolean resultsWritten = new AtomicBoolean();
    // what the signal reads to count the runs it cuts off
    AtomicReference<KeptRunsListener> listening = new AtomicReference<>();
    Map<String, String> versions = Versions.all();
    List<SchemeRun> runs;
    try (RunProgress progress = new RunProgress(training.stepsPerRun(train.size()));
        KeptResults kept = new KeptResults(() -> {
          progress.close(); // the bar's own thread would draw over the lines below
          List<SchemeRun> onDisk = soFar.get(); // under the write lock: what is on disk
          KeptRunsListener heard = listening.get();
          int cutOff = heard == null ? 0 : heard.started() - (onDisk.size() - finished.size());
          keepOnSignal(outDir, planned, onDisk, notKept(cutOff, heard), parsed, options, data,
              train.targetWidth(), text, err);
        })) {
      KeptRunsListener listener = new KeptRunsListener(progress, kept, execution.jobs()) {
        @Override
        String label(int index, int total, String scheme) {
          return String.format(Locale.ROOT, "[%d/%d] %s", index, total, scheme);
        }

        @Override
        public void grouping(String description) {
          text.println("runs:      " + description);
          text.flush();
        }

        @Override
        public void runKept(int index, int total, SchemeRun run) {
          text.println(RunProgress.line(run, 22, run.status().describe()) + "  (kept)");
          text.flush();
        }

        @Override
        void reportFinished(SchemeRun run) {
          text.println(RunProgress.line(run, 22, run.status().describe()));
          run.dataInit().ifPresent(r -> text.println("    " + r.describe()));
          text.flush();
          if (training.tensorboard != null) {
            writeTensorBoard(run);
          }
        }

        @Override
        public void runsSoFar(List<SchemeRun> runsSoFar) {
          kept.write(() -> {
            ResultsFiles.write(outDir, runsSoFar, planned, parsed.toString(), options, data,
                versions, shardRecord);
            soFar.set(runsSoFar); // under the lock: a signal keeps exactly what is on disk
            resultsWritten.set(true);
          });
        }
      };
      listening.set(listener);
      runs = Comparison.run(plan, train, test, listener, finished, execution);
      text.println();
      text.print(ComparisonTable.of(runs, training.epochs));
      text.flush();
      kept.writeComplete(() -> {
        if (!shard.isAll()) { // the results with the measurement merge puts in the report
          Map<String, double[]> activationStd = ActivationProbe.atInit(parsed, schemeMap,
              training.seed, device, train, PROBE_EXAMPLES);
          ResultsFiles.write(outDir, runs, planned, parsed.toString(), options, data, versions,
              Optional.of(new ShardRecord(shard, activationStd, probe(train))));
          text.println();
          text.println("wrote shard " + shard + " (" + runs.size() + " of " + plan.runs()
              + " runs) to " + outDir.resolve("results.json") + "; join the shards with:"
              + " primer merge DIR...");
          return;
        }
        if (!resultsWritten.get()) { // every run was kept from --resume: none wrote them yet
          ResultsFiles.write(outDir, runs, plan.runs(), parsed.toString(), options, data,
              versions);
        }
        text.println();
        text.println("wrote " + outDir.resolve("results.csv") + " and "
            + outDir.resolve("results.json"));
        Path report = writeReport(outDir, parsed, schemeMap, runs, train, options, data);
        text.println("wrote charts and " + report);
      });
    }
    training.printTensorBoardHint(text);
    text.flush();
    return ErrorReporter.runsEnded(runs, "compare", err);
  }

  /** --separate, or the default (--together): how the runs train ({@link RunGrouping}). */
  private RunGrouping grouping() {
    if (separate && together) {
      throw new UserException("--together and --separate cannot be used together");
    }
    if (together && !training.execution.execution().equals(Execution.SEQUENTIAL)) {
      throw new UserException("--together cannot be used with --jobs or --shard, which train"
          + " the runs one by one; leave out --together (or --jobs and --shard)");
    }
    return separate ? RunGrouping.SEPARATE : RunGrouping.TOGETHER;
  }

  /**
   * The runs finished in the --resume directory, in the plan's order, after checking that they
   * were made with the plan of this command line.
   */
  private List<SchemeRun> resumed(Path dir, String net, Map<String, Object> options,
      Map<String, Object> data, ComparisonPlan plan, Shard shard) {
    SavedResults saved = SavedResults.read(dir, ResultsFiles.FORMAT);
    List<String> differences = saved.differences("spec", net, options, data);
    differences.addAll(TrainingOptions.shardDifference(saved, shard));
    if (!differences.isEmpty()) {
      throw new UserException("--resume " + dir + ": the results there were made with other"
          + " options, so they cannot be continued with these: " + String.join("; ", differences)
          + " (give the options of that run, or start anew with another --out)");
    }
    return plan.inOrder(saved.runs(MnistSplit.CLASSES));
  }

  /**
   * On SIGINT or SIGTERM, after the write in progress: the table and report of the runs kept
   * (results.csv and results.json hold them already), and on stderr what was kept, the runs in
   * progress that were lost ({@code notKept}, or null for none), and how to continue.
   */
  private void keepOnSignal(Path outDir, int planned, List<SchemeRun> runs, String notKept,
      NetSpec parsed, Map<String, Object> options, Map<String, Object> data, int classes,
      PrintWriter text, PrintWriter err) {
    err.println();
    if (runs.isEmpty()) {
      KeptResults.tellNothingKept(err, "compare", outDir);
      return;
    }
    String reportFailure;
    String kept = runs.size() + " of " + planned + " runs";
    try {
      text.println();
      text.print(ComparisonTable.of(runs, training.epochs));
      text.flush();
      String command = runs.size() == planned ? "primer compare"
          : "primer compare (incomplete: " + kept + " finished; interrupted)";
      RunDescription description = new RunDescription(command, parsed.toString(), data, options,
          Versions.all());
      CompareReport.write(outDir, description, runs, training.epochs, classes, Map.of(), "");
      reportFailure = null;
    } catch (IOException | RuntimeException e) {
      reportFailure = e.getMessage();
    }
    String resume = TrainingOptions.resumeCommand("compare",
        spec.commandLine().getParseResult().originalArgs(), outDir);
    KeptResults.tellKept(err, "compare", kept, outDir, reportFailure, notKept, resume);
  }

  /**
   * The runs a signal cut off, for stderr: {@code the 9 runs in progress (trained together, they
   * finish together; --separate keeps each run as it finishes)}; null for none.
   *
   * @param cutOff runs started but not among the results kept
   */
  private static String notKept(int cutOff, KeptRunsListener heard) {
    if (cutOff < 1) {
      return null;
    }
    if (cutOff == 1) {
      return "the run in progress";
    }
    return "the " + cutOff + " runs in progress" + (heard.lastStartedAGroup()
        ? " (trained together, they finish together; --separate keeps each run as it finishes)"
        : "");
  }

  /** Charts and report.html beside the results (see {@link CompareReport}). */
  private Path writeReport(Path outDir, NetSpec parsed, Map<String, Init> schemeMap,
      List<SchemeRun> runs, ImageDataset train, Map<String, Object> options,
      Map<String, Object> data) throws IOException {
    Map<String, double[]> activationStd = ActivationProbe.atInit(parsed, schemeMap,
        training.seed, training.common.device(), train, PROBE_EXAMPLES);
    RunDescription description = new RunDescription("primer compare", parsed.toString(), data,
        options, Versions.all());
    return CompareReport.write(outDir, description, runs, training.epochs, train.targetWidth(),
        activationStd, probe(train));
  }

  /** How the activation chart is measured, for its caption. */
  private String probe(ImageDataset train) {
    return "measured on the first " + Math.min(PROBE_EXAMPLES, train.size())
        + " training images with seed " + training.seed;
  }

  /** One TensorBoard run per scheme and seed, written as each run ends. */
  private void writeTensorBoard(SchemeRun run) {
    try {
      TensorBoardRuns.write(training.tensorboard, run);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
