package dev.primer.samples.cli;

import dev.primer.dsl.init.Init;
import dev.primer.samples.memory.MemoryFiles;
import dev.primer.samples.memory.MemoryReport;
import dev.primer.samples.memory.MemoryTable;
import dev.primer.samples.report.RunDescription;
import dev.primer.tf.compare.MemoryRun;
import dev.primer.tf.compare.RecurrentCell;
import dev.primer.tf.compare.RecurrentMemory;
import dev.primer.tf.compare.RecurrentMemoryPlan;
import dev.primer.tf.compare.Schemes;
import dev.primer.tf.data.AddingProblem;
import dev.primer.tf.train.Optimizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer memory}: the recurrent case — recurrent layers under several recurrent-kernel
 * inits on the adding problem, with the gradient through time at init. The experiment is the
 * library's {@link RecurrentMemory}; this command reads the options into a {@link
 * RecurrentMemoryPlan} and presents the result.
 */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    description = {
      "Train recurrent nets under each recurrent init on a long-memory task.",
      "Shows, per init, how far back through time the gradient reaches.",
      "",
      "The task is the adding problem (Hochreiter & Schmidhuber 1997): a sequence of",
      "LENGTH steps of (value in [0,1], marker); two steps are marked, one in each",
      "half; the target is the sum of the two marked values. Predicting the mean",
      "scores a test MSE of 0.167; the papers call an MSE below 0.01 solved.",
      "",
      "Each net is input(LENGTH,2) · CELL(UNITS) with recurrentInit(SCHEME) ·",
      "dense(1). Cells: simple_rnn (tanh), relu_rnn (relu: with identity, the IRNN",
      "of Le et al. 2015), lstm, gru. Before training, each net's gradient through",
      "time is measured: ||dL/dx_t|| per step t, averaged over 256 test sequences.",
      "",
      "Status per run: solved (test MSE < 0.01), partly learned (< 0.083, half of",
      "the baseline), never learned, exploded (finite but over 10x the baseline),",
      "diverged at step N (the loss became NaN or infinite).",
      "",
      "Writes results.csv, results.json, gradient-through-time.png and report.html",
      "into --out, the results after every finished run. On Ctrl-C the finished",
      "runs are kept (marked incomplete). Exit codes: 0 every run finished",
      "(never learned and diverged are results), 2 a usage error.",
      "",
      "The defaults (3 cells x 3 inits, length 100, 8 epochs of 8192 sequences)",
      "take a few minutes on 2 CPU cores; --cells relu_rnn,simple_rnn or",
      "--length 50 is quicker.",
      ""
    })
final class MemoryCommand implements Callable<Integer> {

  @Option(names = "--cells", defaultValue = RecurrentMemoryPlan.DEFAULT_CELLS,
      paramLabel = "LIST", split = ",",
      description = "Recurrent layers: simple_rnn, relu_rnn, lstm, gru. Default: "
          + "${DEFAULT-VALUE}.")
  List<String> cells;

  @Option(names = "--schemes", defaultValue = RecurrentMemoryPlan.DEFAULT_SCHEMES,
      paramLabel = "LIST",
      description = "Initializers of the recurrent kernel, comma-separated. Default: "
          + "${DEFAULT-VALUE}.")
  String schemes;

  @Option(names = "--length", defaultValue = "" + RecurrentMemoryPlan.DEFAULT_LENGTH,
      paramLabel = "T", description = "Time steps per sequence. Default: ${DEFAULT-VALUE}.")
  int length;

  @Option(names = "--units", defaultValue = "" + RecurrentMemoryPlan.DEFAULT_UNITS,
      paramLabel = "N", description = "Size of the recurrent state. Default: ${DEFAULT-VALUE}.")
  int units;

  @Option(names = "--train", defaultValue = "" + RecurrentMemoryPlan.DEFAULT_TRAIN,
      paramLabel = "N", description = "Training sequences. Default: ${DEFAULT-VALUE}.")
  int train;

  @Option(names = "--test", defaultValue = "" + RecurrentMemoryPlan.DEFAULT_TEST,
      paramLabel = "N", description = "Test sequences. Default: ${DEFAULT-VALUE}.")
  int test;

  @Option(names = "--epochs", defaultValue = "" + RecurrentMemoryPlan.DEFAULT_EPOCHS,
      paramLabel = "N", description = "Epochs per run. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--batch", defaultValue = "" + RecurrentMemoryPlan.DEFAULT_BATCH,
      paramLabel = "N", description = "Sequences per step. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--optimizer", defaultValue = "momentum", paramLabel = "NAME",
      description = "One of " + OptimizerOptions.NAMES + ". Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(names = "--lr", paramLabel = "X",
      description = "Learning rate. Default: the optimizer's (momentum: 0.01).")
  Double lr;

  @Option(names = "--clip", defaultValue = "" + RecurrentMemoryPlan.DEFAULT_CLIP_NORM,
      paramLabel = "X", description = "Clip each step's gradients to this global norm; 0: "
          + "no clipping. Default: ${DEFAULT-VALUE}.")
  double clip;

  @Option(names = "--seed", defaultValue = "" + RecurrentMemoryPlan.DEFAULT_SEED,
      paramLabel = "S", description = "Seed of the data, the models and the shuffles. "
          + "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Mixin
  OutputOptions output;

  @Mixin
  DeviceOption deviceOption;

  @Mixin
  DebugOption debugOption;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RecurrentMemoryPlan plan = plan();
    PrintWriter text = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path outDir = output.fresh("memory");
    RunDescription description = new RunDescription("primer memory",
        "input(" + length + ",2) · CELL(" + units + ").recurrentInit(SCHEME) · dense(1)",
        Map.of("task", "adding problem, length " + length, "train_sequences", train,
            "test_sequences", test),
        options(plan), Versions.all());
    text.println("task:      adding problem, " + length + " steps; train " + train + ", test "
        + test + " sequences; constant prediction scores MSE "
        + String.format(Locale.ROOT, "%.3f", AddingProblem.BASELINE_MSE));
    text.println("runs:      " + plan.runs() + " (cells " + String.join(",", cells)
        + " x recurrent inits " + String.join(",", plan.schemes().keySet()) + ")");
    text.flush();

    List<MemoryRun> finished = new ArrayList<>();
    long started = System.nanoTime();
    try (KeptResults kept = new KeptResults(() -> keepOnSignal(outDir, finished, plan,
        description, text, err))) {
      RecurrentMemory.run(plan, run -> {
        kept.write(() -> {
          finished.add(run);
          MemoryFiles.write(outDir, finished, plan.runs(), description);
        });
        text.println("  " + run.cell().text() + " / " + run.scheme() + ": "
            + MemoryTable.status(run) + ", test MSE " + (Double.isFinite(run.testMse())
                ? String.format(Locale.ROOT, "%.4f", run.testMse()) : "—")
            + String.format(Locale.ROOT, " (%.0f s)", run.seconds()));
        text.flush();
      });
      text.println();
      text.print(MemoryTable.of(finished));
      text.printf(Locale.ROOT, "%ntraining took %.0f s in all%n",
          (System.nanoTime() - started) / 1e9);
      kept.writeComplete(() -> {
        Path report = MemoryReport.write(outDir, finished, description);
        text.println();
        text.println("wrote " + outDir.resolve("results.csv") + ", "
            + outDir.resolve("results.json") + ", gradient-through-time.png and " + report);
      });
    }
    text.flush();
    return 0;
  }

  /** The plan of the options, each refusal named as its option. */
  private RecurrentMemoryPlan plan() {
    List<RecurrentCell> cellList = new ArrayList<>();
    for (String c : cells) {
      try {
        cellList.add(RecurrentCell.named(c));
      } catch (IllegalArgumentException e) {
        throw new UserException("--cells: " + e.getMessage());
      }
    }
    Map<String, Init> schemeMap = TrainingOptions.schemes(schemes);
    Optimizer opt = OptimizerOptions.of(optimizer, lr);
    RecurrentMemoryPlan plan;
    try {
      plan = new RecurrentMemoryPlan(cellList, schemeMap, length, units, train, test, epochs,
          batch, opt, clip, seed, deviceOption.device);
    } catch (IllegalArgumentException e) {
      throw new UserException("--length, --units, --train, --test, --epochs, --batch or --clip: "
          + e.getMessage());
    }
    try {
      plan.checkNets();
    } catch (IllegalArgumentException e) {
      throw new UserException("--schemes: " + e.getMessage());
    }
    return plan;
  }

  private static Map<String, Object> options(RecurrentMemoryPlan plan) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("cells", String.join(",", plan.cells().stream().map(RecurrentCell::text).toList()));
    o.put("recurrent_inits", String.join(",", plan.schemes().keySet()));
    o.put("length", plan.length());
    o.put("units", plan.units());
    o.put("epochs", plan.epochs());
    o.put("batch", plan.batchSize());
    o.put("optimizer", plan.optimizer().toString());
    o.put("clip_norm", plan.clipNorm());
    o.put("seed", plan.seed());
    return o;
  }

  /** On SIGINT or SIGTERM: the report of the runs kept and, on stderr, what was kept. */
  private static void keepOnSignal(Path outDir, List<MemoryRun> finished,
      RecurrentMemoryPlan plan, RunDescription description, PrintWriter text, PrintWriter err) {
    err.println();
    if (finished.isEmpty()) {
      KeptResults.tellNothingKept(err, "memory", outDir);
      return;
    }
    String kept = finished.size() + " of " + plan.runs() + " runs";
    String reportFailure = null;
    try {
      text.println();
      text.print(MemoryTable.of(finished));
      text.flush();
      MemoryReport.write(outDir, finished, new RunDescription(
          "primer memory (incomplete: " + kept + " finished; interrupted)", description.net(),
          description.data(), description.options(), description.versions()));
    } catch (IOException | RuntimeException e) {
      reportFailure = e.getMessage();
    }
    KeptResults.tellKept(err, "memory", kept, outDir, reportFailure,
        "primer memory with the same options and another --out (runs are not resumed)");
  }
}
