package dev.primer.samples.cli;

import dev.primer.samples.compare.ComparisonTable;
import dev.primer.samples.compare.Completion;
import dev.primer.samples.compare.ResultsFiles;
import dev.primer.samples.report.CompareReport;
import dev.primer.samples.report.RunDescription;
import dev.primer.tf.compare.ComparisonPlan;
import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.compare.SeedMean;
import dev.primer.tf.compare.TransformerInits;
import dev.primer.tf.compare.TransformerInitsPlan;
import dev.primer.tf.compare.TransformerInitsResult;
import dev.primer.tf.compare.TransformerScheme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer transformer}: a small transformer trained without warm-up under each init
 * scheme, on a synthetic sequence task. The experiment is the library's {@link
 * TransformerInits}; this command reads the options into a {@link TransformerInitsPlan} and
 * presents the result.
 */
@Command(
    name = "transformer",
    mixinStandardHelpOptions = true,
    description = {
      "Train a small transformer without learning-rate warm-up under each init scheme.",
      "",
      "The task (reverse or sort) gives a sequence of LENGTH tokens from a vocabulary",
      "of VOCAB and asks for a token at every position: the sequence backwards, or",
      "sorted. Guessing scores 1/VOCAB per position.",
      "",
      "The net: embedding(VOCAB,DIM) · positionalEmbedding() · BLOCKS blocks ·",
      "dense(VOCAB) · softmax per position; a post-LN block is",
      "residual(multiHeadAttention(HEADS,DIM/HEADS)).layerNorm()",
      ".residual(dense(MLP).relu().dense(DIM)).layerNorm(). Adam at a fixed --lr",
      "from the first step. Schemes and the net each trains:",
      "  xavier    glorot_uniform everywhere (the default AUTO); post-LN",
      "  mimetic   mimetic attention init (Trockman & Kolter 2023); post-LN",
      "  rezero    branch scales start at 0 (Bachlechner et al. 2020); no layer norm",
      "  t_fixup   T-Fixup (Huang et al. 2020), encoder factors; no layer norm",
      "  gpt2      N(0,0.02²), output projections / sqrt(2 BLOCKS) (Radford et al.",
      "            2019); post-LN",
      "",
      "Status per run as in compare: learned (test accuracy per position at least",
      "half-way from chance to 100% after the first and last epoch), slow start,",
      "collapsed, partly learned, never learned, diverged at step N.",
      "",
      "Writes results.csv, summary.csv, results.json, the charts (test-accuracy.png,",
      "train-loss.png, test-loss.png) and report.html into --out, the results after",
      "every finished run. Interrupted (Ctrl-C, SIGTERM), it keeps the runs that",
      "finished, with their report marked incomplete. Exit codes: 0 every run",
      "finished (never learned and diverged are results), 2 a usage error, 3 a run",
      "failed, 130 or 143 interrupted.",
      "",
      "The defaults (5 schemes x 3 seeds) take about 1.5 minutes on 2 CPU cores.",
      ""
    })
final class TransformerCommand implements Callable<Integer> {

  @Option(names = "--schemes", paramLabel = "LIST", split = ",",
      description = "Schemes, comma-separated: xavier, mimetic, rezero, t_fixup, gpt2. "
          + "Default: all.")
  List<String> schemes;

  @Option(names = "--task", defaultValue = "reverse", paramLabel = "NAME",
      description = "reverse or sort. Default: ${DEFAULT-VALUE}.")
  String task;

  @Option(names = "--length", defaultValue = "" + TransformerInitsPlan.DEFAULT_LENGTH,
      paramLabel = "T", description = "Tokens per sequence. Default: ${DEFAULT-VALUE}.")
  int length;

  @Option(names = "--vocab", defaultValue = "" + TransformerInitsPlan.DEFAULT_VOCAB,
      paramLabel = "V", description = "Tokens 0..V-1. Default: ${DEFAULT-VALUE}.")
  int vocab;

  @Option(names = "--blocks", defaultValue = "" + TransformerInitsPlan.DEFAULT_BLOCKS,
      paramLabel = "N", description = "Transformer blocks. Default: ${DEFAULT-VALUE}.")
  int blocks;

  @Option(names = "--dim", defaultValue = "" + TransformerInitsPlan.DEFAULT_DIM,
      paramLabel = "D", description = "Model width. Default: ${DEFAULT-VALUE}.")
  int dim;

  @Option(names = "--heads", defaultValue = "" + TransformerInitsPlan.DEFAULT_HEADS,
      paramLabel = "H", description = "Attention heads; DIM must be a multiple. Default: "
          + "${DEFAULT-VALUE}.")
  int heads;

  @Option(names = "--mlp", defaultValue = "" + TransformerInitsPlan.DEFAULT_MLP,
      paramLabel = "N", description = "Hidden width of each block's MLP. Default: "
          + "${DEFAULT-VALUE}.")
  int mlp;

  @Option(names = "--train", defaultValue = "" + TransformerInitsPlan.DEFAULT_TRAIN,
      paramLabel = "N", description = "Training sequences. Default: ${DEFAULT-VALUE}.")
  int train;

  @Option(names = "--test", defaultValue = "" + TransformerInitsPlan.DEFAULT_TEST,
      paramLabel = "N", description = "Test sequences. Default: ${DEFAULT-VALUE}.")
  int test;

  @Option(names = "--epochs", defaultValue = "" + TransformerInitsPlan.DEFAULT_EPOCHS,
      paramLabel = "N", description = "Epochs per run. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--batch", defaultValue = "" + TransformerInitsPlan.DEFAULT_BATCH,
      paramLabel = "N", description = "Sequences per step. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--lr", defaultValue = "" + TransformerInitsPlan.DEFAULT_LEARNING_RATE,
      paramLabel = "X", description = "Adam's learning rate, fixed from the first step (no "
          + "warm-up). Default: ${DEFAULT-VALUE}.")
  double lr;

  @Option(names = "--seed", defaultValue = "" + TransformerInitsPlan.DEFAULT_SEED,
      paramLabel = "S", description = "The first model seed, and the seed of the data. "
          + "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--seeds", defaultValue = "" + TransformerInitsPlan.DEFAULT_SEED_COUNT,
      paramLabel = "K", description = "Runs per scheme, seeds --seed, --seed+1, ... Default: "
          + "${DEFAULT-VALUE}.")
  int seeds;

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
    TransformerInitsPlan plan = plan();
    Path outDir = output.fresh("transformer");
    PrintWriter text = spec.commandLine().getOut();
    text.println("task:      " + plan.task().text() + " " + length + " tokens of " + vocab
        + "; train " + train + ", test " + test + " sequences; chance "
        + String.format(Locale.ROOT, "%.1f%%", 100.0 / vocab) + " per position");
    text.println("training:  Adam at " + lr + " from the first step (no warm-up), batch "
        + batch + ", " + epochs + " epochs, seeds " + plan.seeds());
    for (TransformerScheme s : plan.schemes()) {
      text.println(String.format(Locale.ROOT, "  %-8s %s", s.text(), plan.net(s)));
    }
    text.flush();

    PrintWriter err = spec.commandLine().getErr();
    RunDescription description = new RunDescription("primer transformer", nets(plan),
        data(plan), options(plan), Versions.all());
    long started = System.nanoTime();
    AtomicReference<List<SchemeRun>> soFar = new AtomicReference<>(List.of());
    TransformerInitsResult result;
    try (RunProgress progress = new RunProgress((long) epochs * ((train + batch - 1) / batch));
        KeptResults kept = new KeptResults(() -> {
          progress.close(); // the bar's own thread would draw over the lines below
          keepOnSignal(outDir, soFar.get(), plan, description, text, err);
        })) {
      result = TransformerInits.run(plan, new RunLines(progress, text, true) {
        @Override
        public void runFinished(SchemeRun run) {
          if (!kept.interrupted()) { // a run that ends after a signal is not among those kept
            super.runFinished(run);
          }
        }

        @Override
        public boolean stopRequested() {
          return kept.interrupted();
        }

        @Override
        public void runsSoFar(List<SchemeRun> runs) {
          // every finished run on disk before the next starts, as compare keeps them
          kept.write(() -> {
            writeResults(outDir, runs, plan, description);
            soFar.set(List.copyOf(runs)); // under the lock: a signal keeps what is on disk
          });
        }
      });
      text.println();
      text.print(ComparisonTable.of(result.runs(), epochs));
      text.println();
      text.print(summary(result));
      text.printf(Locale.ROOT, "%ntraining took %.0f s in all%n",
          (System.nanoTime() - started) / 1e9);
      kept.writeComplete(() -> {
        // each run's runsSoFar wrote the results, the last one all of them: the report remains
        Path report = CompareReport.write(outDir, description, result.runs(), epochs,
            plan.vocab(), Map.of(), "");
        text.println("wrote " + outDir.resolve("results.csv") + ", summary.csv, results.json,"
            + " the charts and " + report);
      });
    }
    text.flush();
    return ErrorReporter.runsEnded(result.runs(), "transformer", err);
  }

  private static void writeResults(Path outDir, List<SchemeRun> runs, TransformerInitsPlan plan,
      RunDescription description) throws IOException {
    ResultsFiles.write(outDir, runs, plan.runs(), description.net(), description.options(),
        description.data(), description.versions(), Completion.rerun("primer transformer"));
  }

  /** On SIGINT or SIGTERM: the table and report of the runs kept and, on stderr, what was kept. */
  private static void keepOnSignal(Path outDir, List<SchemeRun> finished,
      TransformerInitsPlan plan, RunDescription description, PrintWriter text,
      PrintWriter err) {
    err.println();
    if (finished.isEmpty()) {
      KeptResults.tellNothingKept(err, "transformer", outDir);
      return;
    }
    boolean all = finished.size() == plan.runs();
    String kept = finished.size() + " of " + plan.runs() + " runs";
    String reportFailure = null;
    try {
      text.println();
      text.print(ComparisonTable.of(finished, plan.epochs()));
      text.flush();
      CompareReport.write(outDir, all ? description : new RunDescription("primer transformer"
          + " (incomplete: " + kept + " finished; interrupted)", description.net(),
          description.data(), description.options(), description.versions()), finished,
          plan.epochs(), plan.vocab(), Map.of(), "");
    } catch (IOException | RuntimeException e) {
      reportFailure = e.getMessage();
    }
    if (all) { // the signal came after the last run, while the report was being written
      err.println("primer transformer: interrupted after every run finished; the " + kept
          + " are complete in " + outDir + (reportFailure == null ? " with report.html"
          : " (the report could not be written: " + reportFailure + ")"));
      err.flush();
      return;
    }
    KeptResults.tellKept(err, "transformer", kept, outDir, reportFailure,
        "primer transformer with the same options and another --out (runs are not resumed)");
  }

  /** Per scheme: its net variant, final accuracy over seeds with its interval, statuses. */
  static String summary(TransformerInitsResult result) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%-8s  %-22s  %-9s  %-22s  %s%n", "scheme", "net", "final acc", "95% interval",
        "status"));
    for (TransformerScheme s : result.plan().schemes()) {
      SeedMean mean = result.finalAccuracy(s);
      out.append(String.format(Locale.ROOT, "%-8s  %-22s  %-9s  %-22s  %s%n", s.text(),
          s.variant(), mean.seeds() == 0 ? "—" : String.format(Locale.ROOT, "%.2f%%",
              100 * mean.mean()), mean.intervalWords(), result.status(s)));
    }
    return out.toString();
  }

  /** The plan of the options, each refusal named as its option. */
  private TransformerInitsPlan plan() {
    List<TransformerScheme> chosen = new ArrayList<>();
    if (schemes == null || schemes.isEmpty()) {
      chosen.addAll(TransformerScheme.all());
    } else {
      for (String s : schemes) {
        try {
          chosen.add(TransformerScheme.named(s));
        } catch (IllegalArgumentException e) {
          throw new UserException("--schemes: " + e.getMessage());
        }
      }
    }
    TransformerInitsPlan.Task chosenTask;
    try {
      chosenTask = TransformerInitsPlan.Task.named(task);
    } catch (IllegalArgumentException e) {
      throw new UserException("--task: " + e.getMessage());
    }
    List<Long> seedList;
    try {
      seedList = ComparisonPlan.seeds(seed, seeds);
    } catch (IllegalArgumentException e) {
      throw new UserException("--seed and --seeds: " + e.getMessage());
    }
    TransformerInitsPlan plan;
    try {
      plan = new TransformerInitsPlan(chosenTask, length, vocab, blocks, dim, heads, mlp, chosen,
          seedList, train, test, epochs, batch, lr, seed, deviceOption.device);
    } catch (IllegalArgumentException e) {
      throw new UserException("--schemes, --length, --vocab, --blocks, --dim, --heads, --mlp, "
          + "--train, --test, --epochs, --batch or --lr: " + e.getMessage());
    }
    try {
      plan.checkNets();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    return plan;
  }

  private static String nets(TransformerInitsPlan plan) {
    return String.join("; ", plan.schemes().stream()
        .map(s -> s.text() + ": " + plan.net(s)).toList());
  }

  private static Map<String, Object> options(TransformerInitsPlan plan) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("schemes", String.join(",", plan.schemes().stream()
        .map(TransformerScheme::text).toList()));
    o.put("variants", String.join(",", plan.schemes().stream()
        .map(s -> s.text() + "=" + s.variant()).toList()));
    o.put("blocks", plan.blocks());
    o.put("dim", plan.dim());
    o.put("heads", plan.heads());
    o.put("mlp", plan.mlpWidth());
    o.put("epochs", plan.epochs());
    o.put("batch", plan.batchSize());
    o.put("optimizer", plan.optimizer().toString());
    o.put("warm_up", "none");
    o.put("seeds", plan.seeds());
    return o;
  }

  private static Map<String, Object> data(TransformerInitsPlan plan) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("task", plan.task().text());
    d.put("length", plan.length());
    d.put("vocab", plan.vocab());
    d.put("train_sequences", plan.trainExamples());
    d.put("test_sequences", plan.testExamples());
    d.put("data_seed", plan.dataSeed());
    return d;
  }
}
