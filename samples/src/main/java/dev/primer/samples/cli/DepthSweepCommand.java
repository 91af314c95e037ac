package dev.primer.samples.cli;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.samples.compare.SavedResults;
import dev.primer.samples.compare.ShardRecord;
import dev.primer.samples.report.RunDescription;
import dev.primer.samples.report.TensorBoardRuns;
import dev.primer.samples.sweep.DepthSweepFiles;
import dev.primer.samples.sweep.DepthSweepReport;
import dev.primer.samples.sweep.DepthSweepTable;
import dev.primer.tf.Device;
import dev.primer.tf.compare.DepthSweep;
import dev.primer.tf.compare.DepthSweepPlan;
import dev.primer.tf.compare.DepthSweepResult;
import dev.primer.tf.compare.Execution;
import dev.primer.tf.compare.Shard;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer depth-sweep}: plain ReLU MLPs of growing depth, trained with plain SGD under each
 * scheme; shows at which depth a scheme stops training (He et al. 2015). The sweep is the
 * library's {@link DepthSweep}; this command reads the options into a {@link DepthSweepPlan} and
 * presents the result.
 */
@Command(
    name = "depth-sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Train ReLU MLPs of growing depth under each scheme with plain SGD.",
      "Shows at which depth a scheme stops learning: the experiment of He et al.",
      "(2015), \"Delving Deep into Rectifiers\", in which a 30-layer ReLU net",
      "stalls under Xavier/Glorot init and trains under He init.",
      "",
      "Depth d means d hidden layers: the net is",
      "  input(784) · d × dense(WIDTH).relu() · dense(10).softmax()",
      "so it has d + 1 weight layers. Every scheme replaces every kernel init;",
      "biases start at zero. The seed, the batches and their order are the same",
      "for every scheme.",
      "",
      "Plain SGD only, on purpose: Adam, RMSProp and other adaptive optimizers",
      "divide each parameter's step by a running estimate of its gradient's size,",
      "so a gradient a thousand times too small still makes full-size steps and a",
      "vanishing signal goes unnoticed. With SGD a step is proportional to the",
      "gradient, as in the paper.",
      "",
      TrainingOptions.STATUS_HELP,
      "",
      "Writes results.csv, results.json, PNG charts and a self-contained",
      "report.html into --out; with --tensorboard, TensorBoard runs",
      "DIR/depth<d>/<scheme>-seed<seed>. The sweep itself is the library's",
      "DepthSweep (dev.primer.tf.compare); this command only reads options",
      "and presents the result.",
      "",
      TrainingOptions.KEPT_HELP,
      "",
      "The defaults reproduce the finding on the embedded data (seed 42): at depth",
      "30 glorot_uniform stalls at 11.70%% test accuracy (chance: it predicts one",
      "class) and he_normal trains to 92.45%%; at depths 10 and 20 Glorot starts",
      "late. They take about 2 minutes on 2 CPU cores (100-115 s of training);",
      "--depths 2,10,30 or --epochs 5 is quicker.",
      ""
    })
final class DepthSweepCommand implements Callable<Integer> {

  @Option(names = "--depths", defaultValue = DepthSweepPlan.DEFAULT_DEPTHS_TEXT, split = ",",
      paramLabel = "LIST",
      description = "Hidden ReLU layers per net, comma-separated. Default: ${DEFAULT-VALUE}.")
  List<Integer> depths;

  @Option(names = "--width", defaultValue = "" + DepthSweepPlan.DEFAULT_WIDTH, paramLabel = "N",
      description = "Units of every hidden layer. Default: ${DEFAULT-VALUE}.")
  int width;

  @Option(names = "--schemes", defaultValue = DepthSweepPlan.DEFAULT_SCHEMES, paramLabel = "LIST",
      description = "Comma-separated initializer names (commas inside parentheses belong to the "
          + "scheme), e.g. glorot_uniform,he_normal,auto,lecun_normal. Default: ${DEFAULT-VALUE}.")
  String schemes;

  @Option(names = "--lr", defaultValue = "" + DepthSweepPlan.DEFAULT_LEARNING_RATE,
      paramLabel = "X", description = "SGD learning rate. Default: ${DEFAULT-VALUE}.")
  double lr;

  @Mixin
  TrainingOptions training;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Device device = training.common.device();
    checkOptions();
    Map<String, Init> schemeMap = TrainingOptions.schemes(schemes);
    DepthSweepPlan plan = new DepthSweepPlan(depths, width, schemeMap, training.epochs,
        training.batch, lr, training.seedList(), device);
    PrintWriter text = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MnistSplit split = training.common.load();
    Shape input = Shape.of(split.train().rows() * split.train().cols());
    ImageDataset train = new ImageDataset(split.train(), input, MnistSplit.CLASSES);
    ImageDataset test = new ImageDataset(split.test(), input, MnistSplit.CLASSES);
    TrainingOptions.checkBatch(() -> plan.checkTrainingSet(train));
    Execution execution = training.execution.execution();
    Shard shard = execution.shard();
    Optional<ShardRecord> shardRecord = shard.isAll() ? Optional.empty()
        : Optional.of(new ShardRecord(shard));
    // every usage error is reported before the output directory is made
    Path outDir = training.outDirectory("depth-sweep");
    String nets = plan.describeNets(input, MnistSplit.CLASSES);
    RunDescription description = new RunDescription("primer depth-sweep", nets,
        TrainingOptions.data(split, train, test), plan.options(), Versions.all());
    Map<Integer, List<SchemeRun>> finished = training.resume == null ? Map.of()
        : resumed(outDir, description, shard);

    text.println("nets:      " + nets);
    text.println("data:      " + TrainingOptions.describe(split, train, test));
    text.println("training:  " + training.describe(plan.optimizer(), device) + "; " + plan.runs()
        + " runs");
    if (!shard.isAll() || execution.jobs() > 1) {
      text.println("runs:      " + TrainingOptions.describe(execution, plan.runs()));
    }
    text.flush();

    long started = System.nanoTime();
    AtomicReference<DepthSweepResult> soFar = new AtomicReference<>();
    DepthSweepResult result;
    try (RunProgress progress = new RunProgress(training.stepsPerRun(train.size()));
        KeptResults kept = new KeptResults(() -> {
          progress.close(); // the bar's own thread would draw over the lines below
          keepOnSignal(outDir, soFar.get(), description, text, err);
        })) {
      result = DepthSweep.run(plan, train, test, new KeptRunsListener(progress, kept,
          execution.jobs()) {
        private int depthNow;

        @Override
        public void runFinished(int depth, SchemeRun run) {
          depthNow = depth; // runs of several depths may end in any order
          runFinished(run);
        }

        @Override
        public void depthStarted(int index, int total, int depth, NetSpec net) {
          depthNow = depth;
          if (execution.jobs() > 1) {
            return; // the runs of several depths interleave: each line names its depth
          }
          text.println();
          text.printf(Locale.ROOT, "depth %d (%d weight layers) [%d/%d]%n", depth, depth + 1,
              index, total);
          text.flush();
        }

        @Override
        String label(int index, int total, String scheme) {
          return String.format(Locale.ROOT, "depth %d %s", depthNow, scheme);
        }

        @Override
        public void runKept(int index, int total, SchemeRun run) {
          text.println("  " + RunProgress.line(run, 20,
              run.status().describe()) + "  (kept)");
          text.flush();
        }

        @Override
        void reportFinished(SchemeRun run) {
          text.println((execution.jobs() > 1 ? String.format(Locale.ROOT, "depth %-3d ",
              depthNow) : "  ") + RunProgress.line(run, 20, run.status().describe()));
          text.flush();
          if (training.tensorboard != null) {
            try {
              TensorBoardRuns.write(training.tensorboard.resolve("depth" + depthNow), run);
            } catch (IOException e) {
              throw new UncheckedIOException(e.getMessage(), e);
            }
          }
        }

        @Override
        public void sweepSoFar(DepthSweepResult sweep) {
          kept.write(() -> {
            DepthSweepFiles.write(outDir, sweep, description, shardRecord);
            soFar.set(sweep); // under the lock: a signal keeps exactly what is on disk
          });
        }
      }, finished, execution);
      double seconds = (System.nanoTime() - started) / 1e9;
      int epochs = training.epochs;
      text.println();
      text.println("test accuracy after " + epochs + " epoch" + (epochs == 1 ? "" : "s")
          + " and status, per depth (rows) and scheme (columns):");
      text.print(DepthSweepTable.of(result));
      text.printf(Locale.ROOT, "%ntraining took %.0f s in all%n", seconds);
      text.flush();

      DepthSweepResult all = result;
      kept.writeComplete(() -> {
        // each run's sweepSoFar wrote the results (a --resume's at its start), so the last one
        // wrote them all; only a sweep with nothing finished before nor now has none written
        if (!shard.isAll()) { // the results with the measurement merge puts in the report
          DepthSweepFiles.write(outDir, all, description, Optional.of(new ShardRecord(shard,
              DepthSweepReport.activationStd(all.plan(), all.classes(), train),
              DepthSweepReport.probe(all.plan(), train))));
          text.println();
          text.println("wrote shard " + shard + " (" + all.allRuns().size() + " of "
              + plan.runs() + " runs) to " + outDir.resolve("results.json")
              + "; join the shards with: primer merge DIR...");
          return;
        }
        if (soFar.get() == null) {
          DepthSweepFiles.write(outDir, all, description);
        }
        Path report = DepthSweepReport.writeReport(outDir, all, description, train);
        text.println();
        text.println("wrote " + outDir.resolve("results.csv") + ", "
            + outDir.resolve("results.json") + ", charts and " + report);
      });
    }
    training.printTensorBoardHint(text);
    text.flush();
    return ErrorReporter.runsEnded(result.allRuns(), "depth-sweep", err);
  }

  /**
   * The runs finished in the --resume directory, per depth, after checking that they were made
   * with the plan of this command line.
   */
  private Map<Integer, List<SchemeRun>> resumed(Path dir, RunDescription description,
      Shard shard) {
    SavedResults saved = SavedResults.read(dir, DepthSweepFiles.FORMAT);
    List<String> differences = saved.differences("nets", description.net(),
        description.options(), description.data());
    differences.addAll(TrainingOptions.shardDifference(saved, shard));
    if (!differences.isEmpty()) {
      throw new UserException("--resume " + dir + ": the results there were made with other"
          + " options, so they cannot be continued with these: " + String.join("; ", differences)
          + " (give the options of that run, or start anew with another --out)");
    }
    return saved.runsByDepth(MnistSplit.CLASSES);
  }

  /**
   * On SIGINT or SIGTERM, after the write in progress: the table and report of the runs kept
   * (results.csv and results.json hold them already), and on stderr what was kept and how to
   * continue.
   */
  private void keepOnSignal(Path outDir, DepthSweepResult sweep, RunDescription description,
      PrintWriter text, PrintWriter err) {
    err.println();
    if (sweep == null) {
      KeptResults.tellNothingKept(err, "depth-sweep", outDir);
      return;
    }
    String reportFailure;
    String kept = sweep.allRuns().size() + " of " + sweep.plan().runs() + " runs";
    try {
      text.println();
      text.print(DepthSweepTable.of(sweep));
      text.flush();
      RunDescription incomplete = sweep.isComplete() ? description : new RunDescription(
          "primer depth-sweep (incomplete: " + kept + " finished; interrupted)",
          description.net(), description.data(), description.options(), description.versions());
      DepthSweepReport.write(outDir, sweep, incomplete, Map.of(), "");
      reportFailure = null;
    } catch (IOException | RuntimeException e) {
      reportFailure = e.getMessage();
    }
    String resume = TrainingOptions.resumeCommand("depth-sweep",
        spec.commandLine().getParseResult().originalArgs(), outDir);
    KeptResults.tellKept(err, "depth-sweep", kept, outDir, reportFailure, resume);
  }

  /** The option values a plan would refuse, named as options. */
  private void checkOptions() {
    try {
      DepthSweepPlan.checkDepths(depths);
    } catch (IllegalArgumentException e) {
      throw new UserException("--depths: " + e.getMessage());
    }
    training.check(DepthSweepPlan.DEFAULT_EPOCHS, DepthSweepPlan.DEFAULT_SEED_COUNT,
        "--width", width);
    if (!(lr > 0) || !Double.isFinite(lr)) {
      throw new UserException("--lr must be a finite number > 0, got " + lr);
    }
  }
}
