package dev.primer.samples.cli;

import dev.primer.tf.bench.StepBenchmark;
import dev.primer.tf.bench.StepBenchmark.Contender;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.data.ImageInput;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer bench step}: Primer's {@code Model.fit} step against the same net written by
 * hand in TensorFlow Java ({@link StepBenchmark}), in alternating rounds in one process.
 */
@Command(
    name = "step",
    mixinStandardHelpOptions = true,
    description = {
      "Measure Primer's training step against a hand-written TensorFlow Java graph.",
      "",
      "For each net, three contenders start from the same initial weights:",
      "  primer      Model.fit, as an app calls it;",
      "  hand        the same net written by hand in TensorFlow Java ops: data in a",
      "              variable, batch indices fed, batch gathered in the graph, fused",
      "              Adam/momentum, one session call per step, nothing fetched;",
      "  hand-fixed  the hand-written step on one batch fed at every step (no input",
      "              work at all).",
      "Each round trains every contender --epochs epochs of the training set cut to",
      "whole batches, in an order rotated every round so machine noise hits each; a",
      "first warm-up round is not counted. Prints examples/s per round, then per net",
      "the median, min and max of each contender and the Primer/hand ratios (median",
      "of the per-round ratios, with their min and max).",
      "Nets: mlp512 (784-512-512-10, b128, Adam), mlp1024 (784-1024-1024-10, b256,",
      "Adam), cnn (5x5x32-pool-5x5x64-pool-256-10, b128, Adam), compare (784-256-256-10,",
      "b64, SGD momentum 0.9).",
      "Record results in BENCHMARKS.md with the command that produced them.",
      ""
    })
final class BenchStepCommand implements Callable<Integer> {

  @Option(names = "--nets", defaultValue = "mlp512,mlp1024,cnn,compare", split = ",",
      paramLabel = "LIST", description = "Nets to measure. Default: ${DEFAULT-VALUE}.")
  List<String> nets;

  @Option(names = "--rounds", defaultValue = "6", paramLabel = "R",
      description = "Measured rounds per net, after one warm-up round. Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(names = "--epochs", defaultValue = "1", paramLabel = "E",
      description = "Epochs per contender and round. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Mixin
  RunOptions run;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, StepBenchmark.Case> known = new LinkedHashMap<>();
    StepBenchmark.issueCases().forEach(c -> known.put(c.name(), c));
    for (String net : nets) {
      if (!known.containsKey(net)) {
        throw new UserException("--nets: unknown net '" + net + "'; known: "
            + String.join(", ", known.keySet()));
      }
    }
    if (rounds < 1 || epochs < 1) {
      throw new UserException("--rounds and --epochs must be >= 1, got " + rounds + " and "
          + epochs);
    }
    PrintWriter out = spec.commandLine().getOut();
    MnistSplit split = run.load();
    out.printf(Locale.ROOT, "machine: %s%n", CpuLine.describe());
    out.printf(Locale.ROOT, "%d measured rounds per net after a warm-up, %d epoch(s) per"
        + " contender and round, %s%n", rounds, epochs,
        run.device().name().toLowerCase(Locale.ROOT));
    out.flush();
    List<String> summary = new ArrayList<>();
    for (String name : nets) {
      StepBenchmark.Case c = known.get(name);
      ImageDataset train = new ImageDataset(split.train(),
          ImageInput.withImageInput(c.net(), split.train()).input().orElseThrow(),
          MnistSplit.CLASSES);
      try (StepBenchmark bench = new StepBenchmark(c, train, run.device())) {
        summary.add(measure(out, bench));
      }
    }
    out.printf(Locale.ROOT, "%n%-8s %26s %26s %26s %18s %18s%n", "net", "primer ex/s",
        "hand ex/s", "hand-fixed ex/s", "primer/hand", "primer/fixed");
    summary.forEach(out::println);
    out.flush();
    return 0;
  }

  private String measure(PrintWriter out, StepBenchmark bench) {
    Contender[] all = Contender.values();
    out.printf(Locale.ROOT, "%n%s: %s, batch %d, %s, %d examples per epoch%n",
        bench.measured().name(), bench.measured().net(), bench.measured().batch(),
        bench.measured().optimizer().describe(), bench.examples());
    out.printf(Locale.ROOT, "%-7s %10s %10s %10s %12s %13s%n", "round", "primer", "hand",
        "hand-fixed", "primer/hand", "primer/fixed");
    out.flush();
    double[][] rates = new double[all.length][rounds];
    for (int round = 0; round <= rounds; round++) {
      double[] rate = new double[all.length];
      for (int k = 0; k < all.length; k++) {
        int i = (round + k) % all.length;
        rate[i] = bench.run(all[i], epochs);
      }
      if (round > 0) {
        for (int i = 0; i < all.length; i++) {
          rates[i][round - 1] = rate[i];
        }
      }
      out.printf(Locale.ROOT, "%-7s %10.0f %10.0f %10.0f %12.3f %13.3f%n",
          round == 0 ? "warmup" : Integer.toString(round), rate[0], rate[1], rate[2],
          rate[0] / rate[1], rate[0] / rate[2]);
      out.flush();
    }
    double[] toHand = new double[rounds];
    double[] toFixed = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      toHand[r] = rates[0][r] / rates[1][r];
      toFixed[r] = rates[0][r] / rates[2][r];
    }
    String spreads = Arrays.stream(rates).map(BenchStepCommand::spread)
        .collect(Collectors.joining(" "));
    return String.format(Locale.ROOT, "%-8s %s %18s %18s", bench.measured().name(), spreads,
        ratio(toHand), ratio(toFixed));
  }

  /** {@code median [min, max]} of rates. */
  private static String spread(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "%26s", String.format(Locale.ROOT, "%.0f [%.0f, %.0f]",
        median(s), s[0], s[s.length - 1]));
  }

  /** {@code median [min, max]} of ratios. */
  private static String ratio(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "%.3f [%.2f, %.2f]", median(s), s[0], s[s.length - 1]);
  }

  private static double median(double[] sorted) {
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
