package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.samples.report.ChartImages;
import dev.primer.samples.report.CoordinateChart;
import dev.primer.samples.report.HtmlReport;
import dev.primer.samples.report.ReportSection;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.diagnose.CoordinateCheck;
import dev.primer.tf.diagnose.CoordinateCheckPlan;
import dev.primer.tf.diagnose.CoordinateCheckResult;
import dev.primer.tf.diagnose.CoordinateSize;
import dev.primer.tf.io.AtomicFiles;
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
 * {@code primer coordcheck}: the muP coordinate check (the library's {@link CoordinateCheck});
 * this command reads the options into a {@link CoordinateCheckPlan}, prints the table and
 * writes the results, the two charts and a report.
 */
@Command(
    name = "coordcheck",
    mixinStandardHelpOptions = true,
    description = {
      "The muP coordinate check: how each layer's values grow with the net's width.",
      "",
      "Trains --net at each of --widths (every dense layer but the last at that width)",
      "under the standard parametrization and under muP (mup(--base)), --steps steps of",
      "--optimizer on one batch of embedded MNIST digits, from --seeds seeds, and",
      "measures each dense layer's mean |x W + b| at initialization and after each step.",
      "Prints the mean over seeds per width and the growth exponent (slope of log size",
      "against log width: ~0 flat, ~1 growing with width). Under muP every layer stays",
      "flat; under the standard parametrization the logits grow with width after a few",
      "Adam steps. Writes results.csv, coordinates-standard.png, coordinates-mup.png",
      "and report.html into --out.",
      ""
    })
final class CoordCheckCommand implements Callable<Integer> {

  @Option(names = "--net", paramLabel = "TEXT",
      description = "The net family, without a parametrization; its hidden widths are replaced."
          + " Default: " + "input(784).dense(64).relu().dense(64).relu().dense(10).softmax()")
  String net;

  @Option(names = "--widths", defaultValue = "64,128,256,512,1024", paramLabel = "LIST",
      split = ",", description = "Ascending widths. Default: ${DEFAULT-VALUE}.")
  List<Integer> widths;

  @Option(names = "--base", defaultValue = "64", paramLabel = "N",
      description = "muP's base width. Default: ${DEFAULT-VALUE}.")
  int base;

  @Option(names = "--steps", defaultValue = "4", paramLabel = "N",
      description = "Training steps after the measure at init. Default: ${DEFAULT-VALUE}.")
  int steps;

  @Option(names = "--seeds", defaultValue = "3", paramLabel = "K",
      description = "Seeds --seed, --seed+1, ... per width. Default: ${DEFAULT-VALUE}.")
  int seeds;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "The first seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "NAME",
      description = "One of: " + OptimizerOptions.NAMES + ". Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(names = "--lr", defaultValue = "0.01", paramLabel = "X",
      description = "Learning rate. Default: ${DEFAULT-VALUE}.")
  double lr;

  @Option(names = "--batch", defaultValue = "64", paramLabel = "N",
      description = "Examples in the batch trained and measured on. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Mixin
  OutputOptions output;

  @Mixin
  DebugOption debug;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (seeds < 1) {
      throw new UserException("--seeds must be >= 1, got " + seeds);
    }
    NetSpec family = net == null ? CoordinateCheckPlan.MLP : Net.parse(net);
    Optimizer chosen = OptimizerOptions.of(optimizer, lr);
    List<Long> seedList = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      seedList.add(seed + i);
    }
    CoordinateCheckPlan plan;
    try {
      plan = new CoordinateCheckPlan(family, widths, base, steps, seedList, chosen, batch);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    MnistSplit mnist = EmbeddedMnist.load();
    if (family.input().isPresent() && family.input().get().size() != 28 * 28) {
      throw new UserException("--net: the check trains on MNIST digits (784 values); the net"
          + " takes " + family.input().get());
    }
    Path outDir = output.fresh("coordcheck");
    PrintWriter text = spec.commandLine().getOut();
    text.println("net:       " + family + " (widths " + plan.widths() + ")");
    text.println("training:  " + chosen.describe() + ", " + steps + " steps on one batch of "
        + batch + ", seeds " + seedList);
    text.println("muP:       mup(" + base + ")");
    text.println("runs:      " + plan.runs());
    text.flush();
    long start = System.nanoTime();
    int[] done = {0};
    int perRun = (steps + 1) * plan.net().withWidth(plan.widths().get(0)).resolve().layers()
        .stream().mapToInt(l -> l.parameters().isEmpty() ? 0 : 1).sum();
    CoordinateCheckResult result = CoordinateCheck.run(plan,
        new ImageDataset(mnist.train(), family.input().orElse(
            dev.primer.dsl.base.Shape.of(28 * 28)), MnistSplit.CLASSES),
        size -> {
          if (++done[0] % perRun == 0) {
            spec.commandLine().getErr().printf(Locale.ROOT, "\r  run %d/%d", done[0] / perRun,
                plan.runs());
            spec.commandLine().getErr().flush();
          }
        });
    spec.commandLine().getErr().println();
    double seconds = (System.nanoTime() - start) / 1e9;
    text.println();
    text.print(result.table());
    text.println();
    String logits = result.layers().get(result.layers().size() - 1);
    for (String p : result.parametrizations()) {
      text.printf(Locale.ROOT, "%-9s logits' growth exponent after step %d: %+.2f;"
          + " hidden layers: %s%n", p, steps, result.slope(p, steps, logits),
          hiddenSlopes(result, p));
    }
    text.printf(Locale.ROOT, "time:      %.1f s%n", seconds);
    write(outDir, result, family, seconds);
    text.println("wrote " + outDir.resolve("results.csv") + ", the charts and "
        + outDir.resolve("report.html"));
    text.flush();
    return 0;
  }

  private static String hiddenSlopes(CoordinateCheckResult result, String p) {
    List<String> parts = new ArrayList<>();
    List<String> layers = result.layers();
    for (String layer : layers.subList(0, layers.size() - 1)) {
      parts.add(String.format(Locale.ROOT, "%s %+.2f", layer,
          result.slope(p, result.plan().steps(), layer)));
    }
    return String.join(", ", parts);
  }

  private static void write(Path dir, CoordinateCheckResult result, NetSpec family,
      double seconds) throws IOException {
    StringBuilder csv = new StringBuilder("parametrization,width,seed,step,layer,mean_abs\n");
    for (CoordinateSize s : result.sizes()) {
      csv.append(s.parametrization()).append(',').append(s.width()).append(',')
          .append(s.seed()).append(',').append(s.step()).append(',').append(s.layer())
          .append(',').append(s.meanAbs()).append('\n');
    }
    AtomicFiles.writeString(dir.resolve("results.csv"), csv.toString());
    List<ReportSection> sections = new ArrayList<>();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("net family", family.toString());
    facts.put("widths", result.plan().widths().toString());
    facts.put("muP", "mup(" + result.plan().baseWidth() + ")");
    facts.put("training", result.plan().optimizer().describe() + ", " + result.plan().steps()
        + " steps on one batch of " + result.plan().batchSize() + " MNIST digits");
    facts.put("seeds", result.plan().seeds().toString());
    facts.put("time", String.format(Locale.ROOT, "%.1f s", seconds));
    sections.add(new ReportSection.Facts("Coordinate check", facts));
    List<String> files = List.of("coordinates-standard.png", "coordinates-mup.png");
    for (int i = 0; i < 2; i++) {
      String p = result.parametrizations().get(i);
      byte[] png = ChartImages.png(CoordinateChart.chart(result, p));
      ChartImages.write(dir.resolve(files.get(i)), png);
      sections.add(new ReportSection.Figure(p, png, "Mean |x W + b| per layer against width,"
          + " at initialization (thin), after step 1 (dashed) and after step "
          + result.plan().steps() + " (thick), mean over seeds."));
    }
    List<List<String>> rows = new ArrayList<>();
    for (String line : result.table().split("\n")) {
      rows.add(List.of(line.trim().split("\\s{2,}")));
    }
    sections.add(new ReportSection.Table("Mean |x W + b| per width", rows,
        "slope: least-squares slope of log size against log width (0 flat, 1 proportional)."));
    new HtmlReport("Primer coordinate check", "standard parametrization against muP",
        sections).write(dir.resolve("report.html"));
  }
}
