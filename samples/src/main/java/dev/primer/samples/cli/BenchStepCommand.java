package dev.primer.samples.cli;

import dev.primer.tf.bench.StepBenchmark;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.device.CpuFeatures;
import dev.primer.tf.data.ImageInput;
import dev.primer.tf.bench.Spread;
import java.io.PrintWriter;
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
 * {@code primer bench step}: Primer's {@code Model.fit} step against the same net written by
 * hand in TensorFlow Java ({@link StepBenchmark}), in alternating rounds in one process.
 */
@Command(
    name = "step",
    mixinStandardHelpOptions = true,
    description = {
      "Measure Primer's training step against a hand-written TensorFlow Java graph.",
      "",
      "For each net, the contenders start from the same initial weights:",
      "  primer      Model.fit, as an app calls it;",
      "  primer-kN   a Trainer running N steps per session call (--steps-per-call);",
      "  primer-1t   Model.fit of a model compiled withThreads(1): its session on one",
      "              thread of its own instead of TensorFlow's shared pools;",
      "  dl4j        Deeplearning4j's MultiLayerNetwork on the same net and data, when",
      "              built with -Pdl4j (PRIMER_DL4J=1 ./primer); Adam nets only;",
      "  hand-caller the hand-written step with the run option Primer's session",
      "              calls use (ops on the calling thread): one option a hand-writer",
      "              can set too;",
      "  hand        the same net written by hand in TensorFlow Java ops: data in a",
      "              variable, batch indices fed, batch gathered in the graph, fused",
      "              Adam/momentum, one session call per step, nothing fetched,",
      "              TensorFlow's default options;",
      "  hand-fixed  the hand-written step on one batch fed at every step (no input",
      "              work at all).",
      "Each round trains every contender --epochs epochs of the training set cut to",
      "whole batches, in an order rotated every round so machine noise hits each; a",
      "first warm-up round is not counted (in it, a Primer contender that runs several",
      "steps per call trains 1,000 steps, so that its trainer unrolls its step).",
      "Prints examples/s per round, then per net the median, min and max of each",
      "contender and its ratios to hand and hand-fixed (median of the per-round",
      "ratios, with their min and max).",
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

  @Option(names = "--steps-per-call", split = ",", paramLabel = "LIST", defaultValue = "1",
      description = "Extra Primer contenders, each training its own model with this many "
          + "steps per session call (primer-kN), beside Model.fit's default. "
          + "Default: ${DEFAULT-VALUE}.")
  List<Integer> stepsPerCall;

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
    if (rounds < 1 || epochs < 1 || stepsPerCall.stream().anyMatch(k -> k < 1)) {
      throw new UserException("--rounds, --epochs and every --steps-per-call value must be >= 1,"
          + " got " + rounds + ", " + epochs + " and " + stepsPerCall);
    }
    PrintWriter out = spec.commandLine().getOut();
    MnistSplit split = run.load();
    out.printf(Locale.ROOT, "machine: %s, %d processors%n", CpuFeatures.detect().describe(),
        Runtime.getRuntime().availableProcessors());
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
      try (StepBenchmark bench = new StepBenchmark(c, train, run.device(), stepsPerCall)) {
        summary.add(measure(out, bench));
      }
    }
    out.printf(Locale.ROOT, "%nper net: examples/s median [min, max] of each contender, then each"
        + " other contender's ratio to hand and to hand-fixed, median [min, max] of the"
        + " per-round ratios; of wall time | of process CPU time%n");
    summary.forEach(out::println);
    out.flush();
    return 0;
  }

  private String measure(PrintWriter out, StepBenchmark bench) {
    List<String> names = bench.contenders();
    int count = names.size();
    int hand = count - 2;
    out.printf(Locale.ROOT, "%n%s: %s, batch %d, %s, %d examples per epoch%n",
        bench.measured().name(), bench.measured().net(), bench.measured().batch(),
        bench.measured().optimizer().describe(), bench.examples());
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-7s", "round"));
    names.forEach(name -> header.append(String.format(Locale.ROOT, " %11s", name)));
    for (int p = 0; p < hand; p++) {
      header.append(String.format(Locale.ROOT, " %22s", names.get(p) + "/hand wall cpu"));
    }
    out.println(header);
    out.flush();
    double[][] wall = new double[count][rounds];
    double[][] cpu = new double[count][rounds];
    for (int round = 0; round <= rounds; round++) {
      StepBenchmark.Rate[] rate = new StepBenchmark.Rate[count];
      for (int k = 0; k < count; k++) {
        int i = (round + k) % count;
        rate[i] = bench.run(i, round == 0 ? bench.warmUpEpochs(i) : epochs);
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-7s",
          round == 0 ? "warmup" : Integer.toString(round)));
      for (StepBenchmark.Rate r : rate) {
        line.append(String.format(Locale.ROOT, " %11.0f", r.wall()));
      }
      for (int p = 0; p < hand; p++) {
        line.append(String.format(Locale.ROOT, " %15.3f %6.3f", rate[p].wall() / rate[hand].wall(),
            rate[p].cpu() / rate[hand].cpu()));
      }
      out.println(line);
      out.flush();
      if (round > 0) {
        for (int i = 0; i < count; i++) {
          wall[i][round - 1] = rate[i].wall();
          cpu[i][round - 1] = rate[i].cpu();
        }
      }
    }
    StringBuilder result = new StringBuilder(bench.measured().name()
        + ": examples/s of wall time | of CPU time, median [min, max]");
    for (int i = 0; i < count; i++) {
      result.append(String.format(Locale.ROOT, "%n  %-11s %-26s | %s", names.get(i),
          spread(wall[i]), spread(cpu[i])));
    }
    for (int p = 0; p < hand; p++) {
      result.append(String.format(Locale.ROOT, "%n  %-11s /hand %s | %s   /hand-fixed %s | %s",
          names.get(p), ratio(wall, p, hand), ratio(cpu, p, hand), ratio(wall, p, hand + 1),
          ratio(cpu, p, hand + 1)));
    }
    return result.toString();
  }

  /** Median [min, max] of the per-round ratios of contender {@code a} to {@code b}. */
  private String ratio(double[][] rates, int a, int b) {
    double[] r = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      r[i] = rates[a][i] / rates[b][i];
    }
    return ratio(r);
  }

  /** {@code median [min, max]} of rates. */
  private static String spread(double[] values) {
    Spread s = Spread.of(values);
    return String.format(Locale.ROOT, "%.0f [%.0f, %.0f]", s.median(), s.min(), s.max());
  }

  /** {@code median [min, max]} of ratios. */
  private static String ratio(double[] values) {
    Spread s = Spread.of(values);
    return String.format(Locale.ROOT, "%.3f [%.2f, %.2f]", s.median(), s.min(), s.max());
  }
}
