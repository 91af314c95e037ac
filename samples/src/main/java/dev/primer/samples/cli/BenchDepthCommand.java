package dev.primer.samples.cli;

import dev.primer.tf.bench.GraphBuildTimer;
import dev.primer.tf.bench.Spread;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer bench depth}: graph-building time against depth, the time {@code Model.compile}
 * takes for an MLP of N dense relu layers ({@link GraphBuildTimer}), in alternating rounds.
 */
@Command(
    name = "depth",
    mixinStandardHelpOptions = true,
    description = {
      "Measure how long compiling a deep MLP takes against its depth.",
      "",
      "Each round compiles input(W) + N x dense(W).relu() for every N of --depths",
      "(graph with initial values and inference pass, session opened; nothing run),",
      "in a rotated order so machine noise hits every depth. A first round of the",
      "smallest depth warms up and is not counted. Prints seconds per round, the",
      "median, min and max per depth, and the median per layer: about constant",
      "when building is linear in depth.",
      "Record results in BENCHMARKS.md with the command that produced them.",
      ""
    })
final class BenchDepthCommand implements Callable<Integer> {

  @Option(names = "--depths", defaultValue = "250,500,1000,3000", split = ",",
      paramLabel = "LIST", description = "Depths to compile. Default: ${DEFAULT-VALUE}.")
  List<Integer> depths;

  @Option(names = "--width", defaultValue = "64", paramLabel = "W",
      description = "Units per layer and input width. Default: ${DEFAULT-VALUE}.")
  int width;

  @Option(names = "--rounds", defaultValue = "3", paramLabel = "R",
      description = "Measured rounds. Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Mixin
  DeviceOption deviceOption;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (rounds < 1 || width < 1 || depths.isEmpty() || depths.stream().anyMatch(d -> d < 1)) {
      throw new UserException("--rounds and --width must be >= 1 and every --depths entry >= 1,"
          + " got --rounds " + rounds + ", --width " + width + ", --depths " + depths);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "compile of input(%d) + N x dense(%d).relu(), %s, %d rounds%n%n",
        width, width, deviceOption.device.name().toLowerCase(Locale.ROOT), rounds);
    out.flush();
    GraphBuildTimer.time(depths.stream().min(Integer::compare).orElseThrow(), width,
        deviceOption.device);
    double[][] seconds = new double[depths.size()][rounds];
    for (int round = 0; round < rounds; round++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d:", round + 1));
      for (int k = 0; k < depths.size(); k++) {
        int i = (k + round) % depths.size();
        double s = GraphBuildTimer.time(depths.get(i), width, deviceOption.device)
            .compile().toNanos() / 1e9;
        seconds[i][round] = s;
        line.append(String.format(Locale.ROOT, "  N=%d %.2f s", depths.get(i), s));
      }
      out.println(line);
      out.flush();
    }
    out.printf(Locale.ROOT, "%n%8s %10s %10s %10s %16s%n", "depth", "median s", "min s", "max s",
        "median ms/layer");
    for (int i = 0; i < depths.size(); i++) {
      Spread s = Spread.of(seconds[i]);
      out.printf(Locale.ROOT, "%8d %10.2f %10.2f %10.2f %16.3f%n", depths.get(i), s.median(),
          s.min(), s.max(), s.median() * 1000 / depths.get(i));
    }
    out.flush();
    return 0;
  }
}
