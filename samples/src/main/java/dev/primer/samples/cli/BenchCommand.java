package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.bench.FedBatchTrainer;
import dev.primer.tf.compare.ComparisonPlan;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.ImageInput;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.data.Shuffle;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import dev.primer.tf.bench.Spread;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer bench}: training throughput of Primer's input path (the training set held in
 * TensorFlow, batches sliced in the graph) against feeding each batch from Java, measured side by
 * side in one run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {BenchDepthCommand.class, BenchStepCommand.class, BenchFastCommand.class,
      BenchCompareCommand.class},
    description = {
      "Measure training steps/s of Primer's input path against feeding batches.",
      "",
      "Models of the same net, seed and optimizer train an epoch a round, three ways:",
      "  in-graph  Model.fit: the training set is copied into TensorFlow once and",
      "            each step feeds only its batch's indices (Primer's path);",
      "  fixed     one batch made into tensors once and fed at every step: the",
      "            step's cost with no input work at all, the upper bound;",
      "  premade   every batch of the epoch made into tensors before timing and fed",
      "            in turn: new data each step at no input cost;",
      "  copied    every batch gathered from Java arrays into new tensors and fed.",
      "Rounds alternate between the paths so machine noise hits all of them; the",
      "first is a warm-up and not counted. Prints steps/s per round, the medians and",
      "the ratios of in-graph to each (in-graph/premade near 1: the input is no",
      "bottleneck).",
      "Record results in BENCHMARKS.md with the command that produced them.",
      "`primer bench depth` measures graph-building time against depth instead;",
      "`primer bench step` Primer's step against a hand-written TensorFlow graph;",
      "`primer bench fast` bf16, XLA, MatMul rates and init time;",
      "`primer bench compare` primer compare's wall time and peak memory per mode.",
      ""
    })
final class BenchCommand implements Callable<Integer> {

  @Option(names = "--net", defaultValue = ComparisonPlan.DEFAULT_NET, paramLabel = "TEXT",
      description = "The net. Default: ${DEFAULT-VALUE}")
  String net;

  @Option(names = "--batch", defaultValue = "128", paramLabel = "N",
      description = "Examples per step. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--rounds", defaultValue = "5", paramLabel = "R",
      description = "Measured rounds of one epoch per path, after one warm-up round. "
          + "Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "NAME",
      description = "One of: " + OptimizerOptions.NAMES + ". Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Mixin
  RunOptions run;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Device device = run.device();
    if (batch < 1 || rounds < 1) {
      throw new UserException("--batch and --rounds must be >= 1, got " + batch + " and "
          + rounds);
    }
    PrintWriter out = spec.commandLine().getOut();
    MnistSplit split = run.load();
    NetSpec parsed = ImageInput.withImageInput(Net.parse(net), split.train());
    ImageDataset train = new ImageDataset(split.train(), parsed.input().orElseThrow(), MnistSplit.CLASSES);
    Optimizer chosen = OptimizerOptions.of(optimizer, null);
    int n = train.size();
    float[] x = new float[Math.toIntExact(n * parsed.input().orElseThrow().size())];
    float[] y = new float[n * MnistSplit.CLASSES];
    train.read(0, n, x, 0, y, 0);
    long steps = FitOptions.defaults().withBatchSize(batch).stepsPerEpoch(n);
    out.printf(Locale.ROOT, "net %s%n%d examples, batch %d (%d steps per epoch), %s, %s%n%n",
        parsed, n, batch, steps, chosen.describe(), device.name().toLowerCase(Locale.ROOT));
    String row = "%-7s %9s %9s %9s %9s %15s %17s %16s%n";
    out.printf(Locale.ROOT, row, "round", "in-graph", "fixed", "premade", "copied",
        "in-graph/fixed", "in-graph/premade", "in-graph/copied");
    out.flush();
    List<Double> inGraph = new ArrayList<>();
    List<Double> fixed = new ArrayList<>();
    List<Double> premade = new ArrayList<>();
    List<Double> copied = new ArrayList<>();
    try (Model a = Model.compile(parsed, 1, device); Model b = Model.compile(parsed, 1, device);
         Model c = Model.compile(parsed, 1, device); Model d = Model.compile(parsed, 1, device)) {
      FitOptions options = FitOptions.defaults().withBatchSize(batch).withEpochs(1)
          .withOptimizer(chosen).withLoss(Loss.SOFTMAX_CROSS_ENTROPY);
      FedBatchTrainer fixedTrainer = new FedBatchTrainer(b, chosen, Loss.SOFTMAX_CROSS_ENTROPY);
      FedBatchTrainer copyTrainer = new FedBatchTrainer(c, chosen, Loss.SOFTMAX_CROSS_ENTROPY);
      FedBatchTrainer premadeTrainer =
          new FedBatchTrainer(d, chosen, Loss.SOFTMAX_CROSS_ENTROPY);
      SplittableRandom random = new SplittableRandom(7);
      int[] first = Shuffle.permutation(n, random);
      List<FedBatchTrainer.Batch> epoch = new ArrayList<>();
      try (FedBatchTrainer.Batch one =
               fixedTrainer.batch(x, y, Arrays.copyOf(first, Math.min(batch, n)))) {
        for (int start = 0; start < n; start += batch) {
          epoch.add(premadeTrainer.batch(x, y,
              Arrays.copyOfRange(first, start, Math.min(n, start + batch))));
        }
        int[][] orders = new int[rounds + 1][];
        for (int round = 0; round <= rounds; round++) {
          orders[round] = Shuffle.permutation(n, random);
        }
        // each path times one epoch; the order of the paths rotates every round, so whatever
        // one path leaves behind (garbage to collect, cold caches) falls on each of the others
        List<java.util.function.IntSupplier> paths = List.of(
            () -> {
              a.fit(train, options);
              return 0;
            },
            () -> {
              for (long s = 0; s < steps; s++) {
                fixedTrainer.step(one);
              }
              return 0;
            },
            () -> {
              for (FedBatchTrainer.Batch made : epoch) {
                premadeTrainer.step(made);
              }
              return 0;
            },
            () -> {
              return copyEpoch(copyTrainer, x, y, orders, batch);
            });
        List<List<Double>> rates = List.of(inGraph, fixed, premade, copied);
        for (int round = 0; round <= rounds; round++) {
          double[] rate = new double[paths.size()];
          for (int k = 0; k < paths.size(); k++) {
            int path = (round + k) % paths.size();
            copyRound = round;
            long t0 = System.nanoTime();
            paths.get(path).getAsInt();
            rate[path] = steps / seconds(t0);
            if (round > 0) {
              rates.get(path).add(rate[path]);
            }
          }
          print(out, row, round == 0 ? "warmup" : Integer.toString(round), rate[0], rate[1],
              rate[2], rate[3]);
        }
      } finally {
        epoch.forEach(FedBatchTrainer.Batch::close);
      }
    }
    double g = median(inGraph);
    double f = median(fixed);
    double p = median(premade);
    double c = median(copied);
    print(out, row, "median", g, f, p, c);
    out.printf(Locale.ROOT, "%nsteps/s: in-graph %.1f (%.0f examples/s): %.2fx a fixed fed batch,"
        + " %.2fx premade batches, %.2fx batches copied and fed%n", g, g * batch, g / f, g / p,
        g / c);
    out.flush();
    return 0;
  }

  /** The round whose shuffled order the copying path uses next. */
  private int copyRound;

  private int copyEpoch(FedBatchTrainer trainer, float[] x, float[] y, int[][] orders,
      int batchSize) {
    int[] order = orders[copyRound];
    for (int start = 0; start < order.length; start += batchSize) {
      trainer.step(x, y, Arrays.copyOfRange(order, start, Math.min(order.length,
          start + batchSize)));
    }
    return 0;
  }

  private static void print(PrintWriter out, String row, String label, double graph,
      double fixed, double premade, double copied) {
    out.printf(Locale.ROOT, row, label, one(graph), one(fixed), one(premade), one(copied),
        two(graph / fixed), two(graph / premade), two(graph / copied));
    out.flush();
  }

  private static String one(double v) {
    return Numbers.fixed(v, 1);
  }

  private static String two(double v) {
    return Numbers.fixed(v, 2);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double median(List<Double> values) {
    return Spread.of(values).median();
  }
}
