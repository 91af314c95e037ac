package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.samples.compare.Comparison;
import dev.primer.samples.compare.ComparisonListener;
import dev.primer.samples.compare.ComparisonPlan;
import dev.primer.samples.compare.ComparisonTable;
import dev.primer.samples.compare.ResultsFiles;
import dev.primer.samples.compare.SchemeRun;
import dev.primer.tf.data.ImageInput;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import dev.primer.samples.report.ActivationProbe;
import dev.primer.samples.report.CompareReport;
import dev.primer.samples.report.RunDescription;
import dev.primer.samples.report.TensorBoardRuns;
import dev.primer.tf.Device;
import dev.primer.tf.train.Optimizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
 * {@code primer compare}: trains the same net once per initialization scheme on MNIST and shows
 * side by side what each scheme does.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Train one net once per initialization scheme on MNIST and compare them.",
      "",
      "Every scheme replaces every kernel init of the net; the seed, the batches and",
      "their order are the same for every scheme, so only the initial weights differ.",
      "Prints test accuracy after each epoch, final training loss, time and a status:",
      "  ok | stalled (test loss after epoch 1 within 1%% of ln 10: the net never",
      "  started learning) | diverged at step N (the loss became NaN or infinite;",
      "  that run stops, the others go on).",
      "Writes results.csv, results.json, PNG charts (accuracy and losses per epoch,",
      "each layer's signal at init) and a self-contained report.html into --out.",
      ""
    })
final class CompareCommand implements Callable<Integer> {

  static final String DEFAULT_NET =
      "input(784).dense(256).relu().dense(256).relu().dense(10).softmax()";
  static final String DEFAULT_SCHEMES = "zeros,normal(0,0.01),normal(0,1),glorot_uniform,"
      + "he_normal,lecun_normal,orthogonal,pytorch_default,auto";

  @Option(names = "--net", defaultValue = DEFAULT_NET, paramLabel = "TEXT",
      description = "The net in the text form. Default: ${DEFAULT-VALUE}")
  String net;

  @Option(names = "--schemes", defaultValue = DEFAULT_SCHEMES, paramLabel = "LIST",
      description = "Comma-separated initializer names (commas inside parentheses belong to the "
          + "scheme). Default: ${DEFAULT-VALUE}")
  String schemes;

  @Option(names = "--epochs", defaultValue = "10", paramLabel = "N",
      description = "Epochs per run. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--batch", defaultValue = "64", paramLabel = "N",
      description = "Examples per step. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--optimizer", defaultValue = "momentum", paramLabel = "NAME",
      description = "One of: " + OptimizerOptions.NAMES + ". Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(names = "--lr", paramLabel = "X",
      description = "Learning rate. Default: 0.1 for sgd, 0.01 for momentum and nesterov "
          + "(momentum 0.9), 0.001 for adam and rmsprop.")
  Double lr;

  @Option(names = "--seeds", defaultValue = "1", paramLabel = "K",
      description = "Repeat every scheme with K seeds (--seed, --seed+1, ...) and report the mean "
          + "and standard deviation. Default: ${DEFAULT-VALUE}.")
  int seeds;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
      description = "The first seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write results.csv, results.json, the charts and report.html. "
          + "Default: runs/compare-<time>.")
  Path out;

  @Option(names = "--tensorboard", paramLabel = "DIR",
      description = "Also write TensorBoard event files (train_loss, test_loss, test_accuracy per "
          + "epoch), one run per scheme and seed: DIR/<scheme>-seed<seed>. "
          + "View with: tensorboard --logdir DIR")
  Path tensorboard;

  @Mixin
  DeviceOption deviceOption;

  @Mixin
  DataOptions dataOptions;

  @Mixin
  DebugOption debugOption;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** Examples whose layer outputs the activation chart measures. */
  static final int PROBE_EXAMPLES = 256;

  @Override
  public Integer call() throws IOException {
    Device device = deviceOption.device;
    if (epochs < 1 || batch < 1 || seeds < 1) {
      throw new UserException("--epochs, --batch and --seeds must be >= 1, got "
          + epochs + ", " + batch + " and " + seeds);
    }
    Optimizer chosen = OptimizerOptions.of(optimizer, lr);
    Map<String, Init> schemeMap = Schemes.parseList(schemes);
    PrintWriter text = spec.commandLine().getOut();
    MnistSplit split = dataOptions.load(System.err);
    NetSpec parsed = ImageInput.withImageInput(Net.parse(net), split.train().rows(),
        split.train().cols());
    for (Map.Entry<String, Init> scheme : schemeMap.entrySet()) {
      try {
        parsed.withKernelInit(scheme.getValue());
      } catch (IllegalArgumentException e) {
        throw new UserException("scheme '" + scheme.getKey() + "' cannot initialize this net: "
            + e.getMessage());
      }
    }
    ImageDataset train = new ImageDataset(split.train(), parsed.input().orElseThrow(), 10);
    ImageDataset test = new ImageDataset(split.test(), parsed.input().orElseThrow(), 10);
    List<Long> seedList = Outputs.seeds(seed, seeds);
    ComparisonPlan plan = new ComparisonPlan(parsed, schemeMap, epochs, batch, chosen, seedList,
        device);
    Path outDir = Outputs.directory(out, "compare");

    text.println("net:       " + parsed);
    text.println("data:      " + split.source() + " (" + train.size() + " train, " + test.size()
        + " test)");
    text.println("training:  " + epochs + " epoch" + (epochs == 1 ? "" : "s") + ", batch "
        + batch + ", " + chosen.describe() + ", seed" + (seeds == 1 ? " " + seed
        : "s " + seed + ".." + (seed + seeds - 1)) + ", " + device.name().toLowerCase(Locale.ROOT));
    text.println();
    text.flush();

    List<SchemeRun> runs;
    try (Progress progress = new Progress()) {
      runs = Comparison.run(plan, train, test, new ComparisonListener() {
        private long stepsDone;

        @Override
        public void runStarted(int index, int total, String scheme, long runSeed) {
          stepsDone = 0;
          long steps = (long) epochs * ((train.size() + batch - 1) / batch);
          progress.start(String.format(Locale.ROOT, "[%d/%d] %s", index, total, scheme), steps);
        }

        @Override
        public void step(int epoch, long step, long stepsPerEpoch, int epochCount, double loss) {
          stepsDone++;
          if (stepsDone % 10 == 0 || step == stepsPerEpoch) {
            progress.update(stepsDone, String.format(Locale.ROOT, "epoch %d loss %.4f", epoch,
                loss));
          }
        }

        @Override
        public void runFinished(SchemeRun run) {
          progress.finish();
          text.printf(Locale.ROOT, "%-22s seed %-6d %s after %d epoch%s, %.1f s: %s%n",
              run.scheme(), run.seed(), Double.isFinite(run.finalTestAccuracy())
                  ? String.format(Locale.ROOT, "test acc %6.2f%%", 100 * run.finalTestAccuracy())
                  : "no accuracy    ",
              run.epochs().size(), run.epochs().size() == 1 ? "" : "s", run.seconds(),
              run.status().describe());
          run.dataInit().ifPresent(r -> text.println("    " + r.describe()));
          text.flush();
          if (tensorboard != null) {
            writeTensorBoard(run);
          }
        }
      });
    }
    text.println();
    text.print(ComparisonTable.of(runs, epochs));

    Map<String, Object> options = new LinkedHashMap<>();
    options.put("schemes", new ArrayList<>(schemeMap.keySet()));
    options.put("epochs", epochs);
    options.put("batch", batch);
    options.put("optimizer", chosen.describe());
    options.put("learning_rate", chosen.learningRate());
    options.put("seeds", seedList);
    options.put("device", device.name().toLowerCase(Locale.ROOT));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", split.source());
    data.put("train_examples", train.size());
    data.put("test_examples", test.size());
    ResultsFiles.write(outDir, runs, parsed.toString(), options, data, Versions.all());
    text.println();
    text.println("wrote " + outDir.resolve("results.csv") + " and "
        + outDir.resolve("results.json"));
    Path report = writeReport(outDir, parsed, schemeMap, runs, train, options, data);
    text.println("wrote charts and " + report);
    if (tensorboard != null) {
      text.println("TensorBoard runs in " + tensorboard + " (tensorboard --logdir " + tensorboard
          + ")");
    }
    text.flush();
    return 0;
  }

  /** Charts and report.html beside the results (see {@link CompareReport}). */
  private Path writeReport(Path outDir, NetSpec parsed, Map<String, Init> schemeMap,
      List<SchemeRun> runs, ImageDataset train, Map<String, Object> options,
      Map<String, Object> data) throws IOException {
    Map<String, double[]> activationStd = ActivationProbe.atInit(parsed, schemeMap, seed,
        deviceOption.device, train, PROBE_EXAMPLES);
    RunDescription description = new RunDescription("primer compare", parsed.toString(), data,
        options, Versions.all());
    return CompareReport.write(outDir, description, runs, epochs, train.targetWidth(),
        activationStd, "measured on the first " + Math.min(PROBE_EXAMPLES, train.size())
            + " training images with seed " + seed);
  }

  /** One TensorBoard run per scheme and seed, written as each run ends. */
  private void writeTensorBoard(SchemeRun run) {
    try {
      TensorBoardRuns.write(tensorboard, run);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
