package dev.primer.samples.cli;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.samples.compare.SchemeRun;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import dev.primer.samples.report.RunDescription;
import dev.primer.samples.report.TensorBoardRuns;
import dev.primer.samples.sweep.DepthSweep;
import dev.primer.samples.sweep.DepthSweepListener;
import dev.primer.samples.sweep.DepthSweepPlan;
import dev.primer.samples.sweep.DepthSweepReport;
import dev.primer.samples.sweep.DepthSweepResult;
import dev.primer.samples.sweep.DepthSweepTable;
import dev.primer.samples.sweep.SweepStatus;
import dev.primer.tf.Device;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
 * {@code primer depth-sweep}: plain ReLU MLPs of growing depth, trained with plain SGD under each
 * scheme; shows at which depth a scheme stops training (He et al. 2015).
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
      "Status per run:",
      "  ok          trained",
      "  stalled     test loss within 1%% of ln 10 after epoch 1 and still after",
      "              the last: the net never started learning",
      "  slow start  within 1%% after epoch 1, not after the last: it learned late",
      "              (results.csv keeps compare's epoch-1 rule: there it is stalled)",
      "  diverged at step N   the loss became NaN or infinite; that run stopped",
      "",
      "Writes results.csv, results.json, PNG charts and a self-contained",
      "report.html into --out; with --tensorboard, TensorBoard runs",
      "DIR/depth<d>/<scheme>-seed<seed>.",
      "",
      "The defaults reproduce the finding on the embedded data (seed 42): at depth",
      "30 glorot_uniform stalls at 11.70%% test accuracy (chance: it predicts one",
      "class) and he_normal trains to 92.45%%; at depths 10 and 20 Glorot starts",
      "late. They take about 2 minutes on 2 CPU cores (100-115 s of training);",
      "--depths 2,10,30 or --epochs 5 is quicker.",
      ""
    })
final class DepthSweepCommand implements Callable<Integer> {

  @Option(names = "--depths", defaultValue = "2,5,10,20,30", split = ",", paramLabel = "LIST",
      description = "Hidden ReLU layers per net, comma-separated. Default: ${DEFAULT-VALUE}.")
  List<Integer> depths;

  @Option(names = "--width", defaultValue = "" + DepthSweepPlan.DEFAULT_WIDTH, paramLabel = "N",
      description = "Units of every hidden layer. Default: ${DEFAULT-VALUE}.")
  int width;

  @Option(names = "--schemes", defaultValue = "glorot_uniform,he_normal", paramLabel = "LIST",
      description = "Comma-separated initializer names (commas inside parentheses belong to the "
          + "scheme), e.g. glorot_uniform,he_normal,auto,lecun_normal. Default: ${DEFAULT-VALUE}.")
  String schemes;

  @Option(names = "--epochs", defaultValue = "" + DepthSweepPlan.DEFAULT_EPOCHS, paramLabel = "N",
      description = "Epochs per run. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--lr", defaultValue = "" + DepthSweepPlan.DEFAULT_LEARNING_RATE,
      paramLabel = "X", description = "SGD learning rate. Default: ${DEFAULT-VALUE}.")
  double lr;

  @Option(names = "--batch", defaultValue = "" + DepthSweepPlan.DEFAULT_BATCH, paramLabel = "N",
      description = "Examples per SGD step. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--seeds", defaultValue = "1", paramLabel = "K",
      description = "Repeat every (depth, scheme) with K seeds (--seed, --seed+1, ...) and "
          + "report the mean and standard deviation. Default: ${DEFAULT-VALUE}.")
  int seeds;

  @Option(names = "--seed", defaultValue = "" + DepthSweepPlan.DEFAULT_SEED, paramLabel = "S",
      description = "The first seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write results, charts and report.html. "
          + "Default: runs/depth-sweep-<time>.")
  Path out;

  @Option(names = "--tensorboard", paramLabel = "DIR",
      description = "Also write TensorBoard event files (train_loss, test_loss, test_accuracy per "
          + "epoch), one run per depth, scheme and seed: DIR/depth<d>/<scheme>-seed<seed>. "
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

  @Override
  public Integer call() throws IOException {
    Device device = deviceOption.device;
    checkOptions();
    Map<String, Init> schemeMap = Schemes.parseList(schemes);
    List<Long> seedList = Outputs.seeds(seed, seeds);
    DepthSweepPlan plan = new DepthSweepPlan(depths, width, schemeMap, epochs, batch, lr,
        seedList, device);
    PrintWriter text = spec.commandLine().getOut();
    MnistSplit split = dataOptions.load(System.err);
    Shape input = Shape.of(split.train().rows() * split.train().cols());
    ImageDataset train = new ImageDataset(split.train(), input, 10);
    ImageDataset test = new ImageDataset(split.test(), input, 10);
    Path outDir = Outputs.directory(out, "depth-sweep");

    String nets = plan.describeNets(input, 10);
    text.println("nets:      " + nets);
    text.println("data:      " + split.source() + " (" + train.size() + " train, " + test.size()
        + " test)");
    text.println("training:  " + epochs + " epoch" + (epochs == 1 ? "" : "s") + ", batch "
        + batch + ", " + plan.optimizer().describe() + ", seed" + (seeds == 1 ? " " + seed
        : "s " + seed + ".." + (seed + seeds - 1)) + ", " + device.name().toLowerCase(Locale.ROOT)
        + "; " + plan.runs() + " runs");
    text.flush();

    long started = System.nanoTime();
    DepthSweepResult result;
    try (Progress progress = new Progress()) {
      result = DepthSweep.run(plan, train, test, new DepthSweepListener() {
        private int depthNow;
        private long stepsDone;

        @Override
        public void depthStarted(int index, int total, int depth, NetSpec net) {
          depthNow = depth;
          text.println();
          text.printf(Locale.ROOT, "depth %d (%d weight layers) [%d/%d]%n", depth, depth + 1,
              index, total);
          text.flush();
        }

        @Override
        public void runStarted(int index, int total, String scheme, long runSeed) {
          stepsDone = 0;
          long steps = (long) epochs * ((train.size() + batch - 1) / batch);
          progress.start(String.format(Locale.ROOT, "depth %d %s", depthNow, scheme), steps);
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
          text.printf(Locale.ROOT, "  %-20s seed %-6d %s after %d epoch%s, %.1f s: %s%n",
              run.scheme(), run.seed(), Double.isFinite(run.finalTestAccuracy())
                  ? String.format(Locale.ROOT, "test acc %6.2f%%", 100 * run.finalTestAccuracy())
                  : "no accuracy    ",
              run.epochs().size(), run.epochs().size() == 1 ? "" : "s", run.seconds(),
              SweepStatus.of(run, train.targetWidth(), true));
          text.flush();
          if (tensorboard != null) {
            try {
              TensorBoardRuns.write(tensorboard.resolve("depth" + depthNow), run);
            } catch (IOException e) {
              throw new UncheckedIOException(e.getMessage(), e);
            }
          }
        }
      });
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    text.println();
    text.println("test accuracy after " + epochs + " epoch" + (epochs == 1 ? "" : "s")
        + " and status, per depth (rows) and scheme (columns):");
    text.print(DepthSweepTable.of(result));
    text.printf(Locale.ROOT, "%ntraining took %.0f s in all%n", seconds);

    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", split.source());
    data.put("train_examples", train.size());
    data.put("test_examples", test.size());
    RunDescription description = new RunDescription("primer depth-sweep", nets, data,
        plan.options(), Versions.all());
    Path report = DepthSweepReport.writeAll(outDir, result, description, train);
    text.println();
    text.println("wrote " + outDir.resolve("results.csv") + ", " + outDir.resolve("results.json")
        + ", charts and " + report);
    if (tensorboard != null) {
      text.println("TensorBoard runs in " + tensorboard + " (tensorboard --logdir " + tensorboard
          + ")");
    }
    text.flush();
    return 0;
  }

  /** The option values a plan would refuse, named as options. */
  private void checkOptions() {
    for (int depth : depths) {
      if (depth < 1) {
        throw new UserException("--depths: every depth must be >= 1 (hidden layers), got "
            + depth + " in " + depths);
      }
    }
    if (new java.util.HashSet<>(depths).size() != depths.size()) {
      throw new UserException("--depths: every depth must appear once, got " + depths);
    }
    if (width < 1 || epochs < 1 || batch < 1 || seeds < 1) {
      throw new UserException("--width, --epochs, --batch and --seeds must be >= 1, got "
          + width + ", " + epochs + ", " + batch + " and " + seeds);
    }
    if (!(lr > 0) || !Double.isFinite(lr)) {
      throw new UserException("--lr must be a finite number > 0, got " + lr);
    }
  }
}
