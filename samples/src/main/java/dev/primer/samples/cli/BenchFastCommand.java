package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.CompileOptions;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.Precision;
import dev.primer.tf.bench.InitTiming;
import dev.primer.tf.bench.MatMulRate;
import dev.primer.tf.compare.ComparisonPlan;
import dev.primer.tf.compare.Schemes;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.ImageInput;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.device.CpuFeatures;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import dev.primer.tf.bench.Spread;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer bench fast}: the speed-ups a hand-writer skips — the machine's CPU features, its
 * fp32 and bf16 MatMul rates, {@code Model.fit}'s examples/s with fp32, bf16, bf16 convolutions
 * and XLA on the issue's four nets, MNIST accuracy fp32 against bf16 (compare's net) and against
 * bf16 convolutions (the CNN), and the init time of a ~100M-parameter model against raw
 * TensorFlow ops.
 */
@Command(
    name = "fast",
    mixinStandardHelpOptions = true,
    description = {
      "Measure what mixed precision (bf16) and XLA give on this machine.",
      "",
      "Parts (--parts, in this order):",
      "  machine   the CPU model and speed-ups (AMX, AVX512-BF16, VNNI, AVX2/FMA);",
      "  matmul    raw TensorFlow MatMul GFLOP/s, fp32 and bf16, n = 1024 and 2048;",
      "  rates     Model.fit examples/s for fp32, bf16 (every product), bf16_conv",
      "            (convolutions only; on an MLP the fp32 graph) and (when the JVM started",
      "            with TF_XLA_FLAGS=--tf_xla_cpu_global_jit, as ./primer does) XLA, one",
      "            epoch of the 8,000 training images per variant and round, on",
      "            MLP 784-512-512-10 b128 Adam, MLP 784-1024-1024-10 b256 Adam,",
      "            CNN 5x5x32-pool-5x5x64-pool-256-10 b128 Adam, and compare's MLP",
      "            784-256-256-10 b64 momentum; the variants' order rotates each round;",
      "  accuracy  test accuracy for --seeds seeds of compare's default net (he_normal,",
      "            5 epochs, batch 64, momentum) in fp32 and bf16, and of the CNN (3 epochs,",
      "            batch 128, Adam) in fp32 and bf16_conv; the nets among --nets;",
      "  init      compile + first run of a ~100M-parameter model (orthogonal 2000x2000,",
      "            he_normal 2000x10000 and 10000x8000) against the same draws in raw",
      "            TensorFlow ops, alternating.",
      "A first round of each timed part warms up and is not counted.",
      "Record results in BENCHMARKS.md with the command that produced them.",
      ""
    })
final class BenchFastCommand implements Callable<Integer> {
  private static final List<String> PARTS = List.of("machine", "matmul", "rates", "accuracy",
      "init");
  private static final List<String> VARIANTS = List.of("fp32", Precision.BF16.label(),
      Precision.BF16_CONV.label(), "xla");

  /** One of the issue's nets with its batch and optimizer. */
  private record Bench(String label, String net, int batch, String optimizer) {}

  private static final List<Bench> NETS = List.of(
      new Bench("mlp512", "input(784).dense(512).relu().dense(512).relu().dense(10).softmax()",
          128, "adam"),
      new Bench("mlp1024",
          "input(784).dense(1024).relu().dense(1024).relu().dense(10).softmax()", 256, "adam"),
      new Bench("cnn", "input(28,28,1).conv2d(32,5).relu().maxPool2d(2).conv2d(64,5).relu()"
          + ".maxPool2d(2).flatten().dense(256).relu().dense(10).softmax()", 128, "adam"),
      new Bench("compare", ComparisonPlan.DEFAULT_NET, ComparisonPlan.DEFAULT_BATCH,
          ComparisonPlan.DEFAULT_OPTIMIZER));

  /** Epochs of the CNN in the accuracy part: a few, affordable on 2 cores. */
  private static final int CNN_EPOCHS = 3;

  /** The ~100M-parameter model of the init part. */
  static final String INIT_NET = "input(2000).dense(2000).init(orthogonal)"
      + ".dense(10000).init(he_normal).dense(8000).init(he_normal)";

  @Option(names = "--parts", defaultValue = "machine,matmul,rates,accuracy,init", split = ",",
      paramLabel = "LIST", description = "Which parts to run. Default: ${DEFAULT-VALUE}.")
  List<String> parts;

  @Option(names = "--rounds", defaultValue = "3", paramLabel = "R",
      description = "Measured rounds of each timed part. Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(names = "--seeds", defaultValue = "3", paramLabel = "N",
      description = "Seeds of the accuracy part, from 42. Default: ${DEFAULT-VALUE}.")
  int seeds;

  @Option(names = "--nets", defaultValue = "mlp512,mlp1024,cnn,compare", split = ",",
      paramLabel = "LIST", description = "Nets of the rates part, and of the accuracy part"
          + " (compare, cnn). Default: ${DEFAULT-VALUE}.")
  List<String> nets;

  @Option(names = "--variants", defaultValue = "fp32,bf16,bf16_conv,xla", split = ",",
      paramLabel = "LIST", description = "Variants of the rates part (fp32 always runs, as the"
          + " base). Default: ${DEFAULT-VALUE}.")
  List<String> variantNames;

  @Mixin
  DataOptions dataOptions;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    for (String part : parts) {
      if (!PARTS.contains(part)) {
        throw new UserException("--parts: unknown part '" + part + "'; use some of " + PARTS);
      }
    }
    List<String> known = NETS.stream().map(Bench::label).toList();
    for (String net : nets) {
      if (!known.contains(net)) {
        throw new UserException("--nets: unknown net '" + net + "'; use some of " + known);
      }
    }
    for (String v : variantNames) {
      if (!VARIANTS.contains(v)) {
        throw new UserException("--variants: unknown variant '" + v + "'; use some of "
            + String.join(", ", VARIANTS));
      }
    }
    if (rounds < 1 || seeds < 1) {
      throw new UserException("--rounds and --seeds must be >= 1, got " + rounds + " and "
          + seeds);
    }
    PrintWriter out = spec.commandLine().getOut();
    Set<String> chosen = Set.copyOf(parts);
    if (chosen.contains("machine")) {
      machine(out);
    }
    if (chosen.contains("matmul")) {
      matmul(out);
    }
    MnistSplit split = chosen.contains("rates") || chosen.contains("accuracy")
        ? dataOptions.load(System.err) : null;
    if (chosen.contains("rates")) {
      rates(out, split);
    }
    if (chosen.contains("accuracy")) {
      accuracy(out, split);
    }
    if (chosen.contains("init")) {
      init(out);
    }
    return 0;
  }

  private static void machine(PrintWriter out) {
    CpuFeatures cpu = CpuFeatures.detect();
    out.printf(Locale.ROOT, "machine: %s; %d processors for Java%n", cpu.describe(),
        Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "precision auto -> %s; XLA on the CPU %s%n%n",
        Precision.AUTO.resolve(Device.CPU, cpu).label(),
        CompileOptions.xlaAvailable(Device.CPU) ? "available"
            : "off (start with TF_XLA_FLAGS=" + CompileOptions.XLA_CPU_FLAG + ")");
    out.flush();
  }

  private void matmul(PrintWriter out) {
    out.printf(Locale.ROOT, "MatMul GFLOP/s (n x n by n x n), median [min-max] of %d rounds%n",
        rounds);
    for (int n : new int[] {1024, 2048}) {
      int reps = n == 1024 ? 20 : 4;
      Map<Precision, List<Double>> rates = new LinkedHashMap<>();
      rates.put(Precision.FP32, new ArrayList<>());
      rates.put(Precision.BF16, new ArrayList<>());
      List<Precision> order = List.copyOf(rates.keySet());
      for (int round = 0; round <= rounds; round++) {
        for (int k = 0; k < order.size(); k++) {
          Precision p = order.get((k + round) % order.size());
          double rate = MatMulRate.gflops(n, p, reps);
          if (round > 0) {
            rates.get(p).add(rate);
          }
        }
      }
      double fp32 = median(rates.get(Precision.FP32));
      double bf16 = median(rates.get(Precision.BF16));
      out.printf(Locale.ROOT, "  n=%d  fp32 %s  bf16 %s  bf16/fp32 %s%n", n,
          spread(rates.get(Precision.FP32), 0), spread(rates.get(Precision.BF16), 0),
          Numbers.fixed(bf16 / fp32, 2));
      out.flush();
    }
    out.println();
  }

  /** A variant of the rates part. */
  private record Variant(String label, CompileOptions options) {}

  private void rates(PrintWriter out, MnistSplit split) {
    List<Variant> variants = new ArrayList<>(List.of(
        new Variant("fp32", CompileOptions.defaults())));
    for (Precision p : List.of(Precision.BF16, Precision.BF16_CONV)) {
      if (variantNames.contains(p.label())) {
        variants.add(new Variant(p.label(), CompileOptions.defaults().withPrecision(p)));
      }
    }
    if (!variantNames.contains("xla")) {
      out.println("(XLA left out: not in --variants)");
    } else if (CompileOptions.xlaAvailable(Device.CPU)) {
      variants.add(new Variant("xla", CompileOptions.defaults().withXla(true)));
    } else {
      out.printf(Locale.ROOT, "(XLA left out: the JVM started without TF_XLA_FLAGS=%s)%n",
          CompileOptions.XLA_CPU_FLAG);
    }
    out.printf(Locale.ROOT, "Model.fit examples/s, one epoch per variant and round, median"
        + " [min-max] of %d rounds%n", rounds);
    for (Bench bench : NETS) {
      if (!nets.contains(bench.label())) {
        continue;
      }
      NetSpec parsed = ImageInput.withImageInput(Net.parse(bench.net()), split.train());
      ImageDataset train = new ImageDataset(split.train(), parsed.input().orElseThrow(),
          MnistSplit.CLASSES);
      Optimizer optimizer = OptimizerOptions.of(bench.optimizer(), null);
      FitOptions fit = FitOptions.defaults().withBatchSize(bench.batch()).withEpochs(1)
          .withOptimizer(optimizer).withLoss(Loss.SOFTMAX_CROSS_ENTROPY);
      List<Model> models = new ArrayList<>();
      try {
        for (Variant v : variants) {
          models.add(Model.compile(parsed, 1, v.options()));
        }
        List<List<Double>> rates = new ArrayList<>();
        variants.forEach(v -> rates.add(new ArrayList<>()));
        for (int round = 0; round <= rounds; round++) {
          for (int k = 0; k < variants.size(); k++) {
            int i = (k + round) % variants.size();
            long start = System.nanoTime();
            models.get(i).fit(train, fit);
            double rate = train.size() / ((System.nanoTime() - start) / 1e9);
            if (round > 0) {
              rates.get(i).add(rate);
            }
          }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-8s", bench.label()));
        double base = median(rates.get(0));
        for (int i = 0; i < variants.size(); i++) {
          line.append(String.format(Locale.ROOT, "  %s %s", variants.get(i).label(),
              spread(rates.get(i), 0)));
          if (i > 0) {
            line.append(String.format(Locale.ROOT, " (%sx)",
                Numbers.fixed(median(rates.get(i)) / base, 2)));
          }
        }
        out.println(line);
        out.flush();
      } finally {
        models.forEach(Model::close);
      }
    }
    out.println();
  }

  /** A net of the accuracy part, trained in fp32 and in {@code other}. */
  private record AccuracyCase(String label, NetSpec net, FitOptions fit, Precision other,
      String description) {}

  private void accuracy(PrintWriter out, MnistSplit split) {
    List<AccuracyCase> cases = new ArrayList<>();
    if (nets.contains("compare")) {
      cases.add(new AccuracyCase("compare", Net.parse(ComparisonPlan.DEFAULT_NET)
          .withKernelInit(Schemes.parse("he_normal")), FitOptions.defaults()
          .withBatchSize(ComparisonPlan.DEFAULT_BATCH).withEpochs(ComparisonPlan.DEFAULT_EPOCHS)
          .withOptimizer(OptimizerOptions.of(ComparisonPlan.DEFAULT_OPTIMIZER, null)),
          Precision.BF16, String.format(Locale.ROOT, "compare's net, he_normal, %d epochs,"
              + " batch %d, momentum", ComparisonPlan.DEFAULT_EPOCHS,
              ComparisonPlan.DEFAULT_BATCH)));
    }
    if (nets.contains("cnn")) {
      Bench cnn = NETS.stream().filter(b -> b.label().equals("cnn")).findFirst().orElseThrow();
      cases.add(new AccuracyCase("cnn", Net.parse(cnn.net()), FitOptions.defaults()
          .withBatchSize(cnn.batch()).withEpochs(CNN_EPOCHS)
          .withOptimizer(OptimizerOptions.of(cnn.optimizer(), null)), Precision.BF16_CONV,
          String.format(Locale.ROOT, "CNN 5x5x32-pool-5x5x64-pool-256-10, %d epochs, batch %d,"
              + " %s", CNN_EPOCHS, cnn.batch(), cnn.optimizer())));
    }
    for (AccuracyCase c : cases) {
      accuracy(out, split, c);
    }
  }

  private void accuracy(PrintWriter out, MnistSplit split, AccuracyCase c) {
    NetSpec parsed = ImageInput.withImageInput(c.net(), split.train());
    ImageDataset train = new ImageDataset(split.train(), parsed.input().orElseThrow(),
        MnistSplit.CLASSES);
    ImageDataset test = new ImageDataset(split.test(), parsed.input().orElseThrow(),
        MnistSplit.CLASSES);
    FitOptions fit = c.fit().withLoss(Loss.SOFTMAX_CROSS_ENTROPY);
    String other = c.other().label();
    out.printf(Locale.ROOT, "MNIST test accuracy (%d images, trained on %d), %s%n", test.size(),
        train.size(), c.description());
    double sum32 = 0;
    double sumOther = 0;
    for (long seed = 42; seed < 42 + seeds; seed++) {
      double a32 = trainedAccuracy(parsed, seed, Precision.FP32, train, test, fit);
      double a16 = trainedAccuracy(parsed, seed, c.other(), train, test, fit);
      sum32 += a32;
      sumOther += a16;
      out.printf(Locale.ROOT, "  %-8s seed %d  fp32 %s%%  %s %s%%  difference %s points%n",
          c.label(), seed, Numbers.fixed(100 * a32, 2), other, Numbers.fixed(100 * a16, 2),
          Numbers.fixed(100 * (a16 - a32), 2));
      out.flush();
    }
    out.printf(Locale.ROOT, "  %-8s mean     fp32 %s%%  %s %s%%  difference %s points (target:"
        + " within 0.2)%n%n", c.label(), Numbers.fixed(100 * sum32 / seeds, 2), other,
        Numbers.fixed(100 * sumOther / seeds, 2),
        Numbers.fixed(100 * (sumOther - sum32) / seeds, 2));
    out.flush();
  }

  private static double trainedAccuracy(NetSpec spec, long seed, Precision precision,
      ImageDataset train, ImageDataset test, FitOptions fit) {
    try (Model model = Model.compile(spec, seed,
        CompileOptions.defaults().withPrecision(precision))) {
      model.fit(train, fit);
      return model.evaluate(test).accuracy();
    }
  }

  private void init(PrintWriter out) {
    NetSpec net = Net.parse(INIT_NET);
    out.printf(Locale.ROOT, "init time of %s%n", INIT_NET);
    List<Double> primer = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    long parameters = 0;
    for (int round = 0; round <= rounds; round++) {
      InitTiming t = round % 2 == 0 ? InitTiming.measure(net, round)
          : InitTiming.measureRawFirst(net, round);
      parameters = t.parameters();
      if (round > 0) {
        primer.add(t.primerSeconds());
        raw.add(t.rawSeconds());
      }
      out.printf(Locale.ROOT, "  %s  Primer %s s  raw %s s  Primer/raw %s%n",
          round == 0 ? "warmup " : "round " + round, Numbers.fixed(t.primerSeconds(), 2),
          Numbers.fixed(t.rawSeconds(), 2), Numbers.fixed(t.ratio(), 2));
      out.flush();
    }
    out.printf(Locale.ROOT, "  %,d parameters: Primer %s s, raw %s s, Primer/raw %s (target:"
        + " <= 1.5)%n%n", parameters, spread(primer, 2), spread(raw, 2),
        Numbers.fixed(median(primer) / median(raw), 2));
    out.flush();
  }

  private static String spread(List<Double> values, int places) {
    Spread s = Spread.of(values);
    return Numbers.fixed(s.median(), places) + " [" + Numbers.fixed(s.min(), places) + "-"
        + Numbers.fixed(s.max(), places) + "]";
  }

  private static double median(List<Double> values) {
    return Spread.of(values).median();
  }
}
