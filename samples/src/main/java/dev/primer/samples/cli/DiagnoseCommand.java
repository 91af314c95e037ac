package dev.primer.samples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.compare.Schemes;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.ImageInput;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.datainit.DataInitReport;
import dev.primer.tf.diagnose.Diagnosis;
import dev.primer.tf.diagnose.DiagnosisReport;
import dev.primer.tf.diagnose.Probe;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code primer diagnose}: what a net's initialization does before any training, layer by layer,
 * with a verdict per layer (see {@link Diagnosis}).
 */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {
      "Show what an initialization does to a net before training, layer by layer.",
      "",
      "Runs one forward and one backward pass on a probe batch (MNIST images, or",
      "standard-normal inputs) and prints per layer: mean and std before the",
      "activation, std and second moment after it, the signal gain since the input,",
      "the gradient gain back from the last layer, dead relu units, saturated",
      "tanh/sigmoid values and the kernel's gradient norm; then a verdict per layer,",
      "with the number that triggered it and the threshold:",
      "  exploding, vanishing  signal or gradient gain above 100 or below 0.01",
      "  dead                  more than half the relu units never fire on the batch",
      "  saturated             over 20%% of tanh/sigmoid values beyond 0.95 of range",
      "  symmetric             units with equal weights and gradients: they stay copies",
      "",
      "Example:",
      "  primer diagnose --net 'input(784).dense(256).relu().dense(10).softmax()' \\",
      "      --scheme 'normal(0,0.01)'",
      ""
    })
final class DiagnoseCommand implements Callable<Integer> {

  /** Which batch the net is probed with. */
  enum ProbeKind { MNIST, NORMAL }

  @Option(names = "--net", required = true, paramLabel = "TEXT",
      description = "The spec in the text form. Without input(...), it takes MNIST images.")
  String net;

  @Option(names = "--scheme", paramLabel = "NAME",
      description = "Override every kernel init of the spec: he_normal, glorot_uniform, normal(0,0.01), zeros, ...")
  String scheme;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
      description = "The net's seed (and the normal probe's). Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--probe", paramLabel = "mnist|normal", converter = ProbeConverter.class,
      description = "The probe batch: MNIST training images with their labels, or inputs drawn "
          + "from N(0, 1) with random labels. Default: mnist when the net takes 784 values "
          + "(or has no input shape), normal otherwise.")
  ProbeKind probe;

  @Option(names = "--batch", defaultValue = "256", paramLabel = "N",
      description = "Examples in the probe batch. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--json", description = "Print the report as one JSON document, and nothing else.")
  boolean json;

  @Mixin
  RunOptions common;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  static final class ProbeConverter implements ITypeConverter<ProbeKind> {
    @Override
    public ProbeKind convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "mnist" -> ProbeKind.MNIST;
        case "normal" -> ProbeKind.NORMAL;
        default -> throw new TypeConversionException(
            "'" + value + "' is not a probe; allowed: mnist, normal");
      };
    }
  }

  @Override
  public Integer call() throws IOException {
    Device device = common.device();
    if (batch < 1) {
      throw new UserException("--batch must be >= 1, got " + batch);
    }
    NetSpec written = Net.parse(net);
    Init kernels = scheme == null ? null : Schemes.parse(scheme);
    if (kernels != null) {
      written.withKernelInit(kernels);
    }
    boolean chosen = probe != null;
    ProbeKind kind = chosen ? probe
        : written.input().isEmpty() || written.input().get().size() == 28 * 28
            ? ProbeKind.MNIST : ProbeKind.NORMAL;
    Probe batchProbe;
    String data = null;
    if (kind == ProbeKind.MNIST) {
      MnistSplit split = common.load();
      int rows = split.train().rows();
      int cols = split.train().cols();
      written = ImageInput.withImageInput(written, rows, cols);
      Shape input = written.input().orElseThrow();
      String which = chosen ? "--probe mnist"
          : "the MNIST probe (the default for " + rows * cols + " inputs)";
      if (input.size() != (long) rows * cols) {
        throw new UserException(which + ": the net takes " + input + " (" + input.size()
            + " values) but the images have " + rows + "x" + cols + " = " + rows * cols
            + " pixels; use --probe normal");
      }
      Shape output = written.resolve().output();
      if (output.size() != MnistSplit.CLASSES) {
        throw new UserException(which + ": the net outputs " + output + " (" + output.size()
            + " values) but MNIST has " + MnistSplit.CLASSES + " classes; end it with dense("
            + MnistSplit.CLASSES + ") or use --probe normal");
      }
      int n = Math.min(batch, split.train().count());
      batchProbe = Probe.from(new ImageDataset(split.train(), input, MnistSplit.CLASSES), n,
          n + " MNIST training images with their labels"
              + (chosen ? "" : " (the default for a net taking " + rows * cols + " values)"));
      data = split.source();
    } else {
      if (written.input().isEmpty()) {
        throw new UserException("--probe normal needs the net's input shape: start the spec"
            + " with input(...)");
      }
      Shape input = written.input().get();
      int outputs = Math.toIntExact(written.resolve().output().size());
      Probe drawn = Probe.standardNormal(input, batch, outputs, seed);
      batchProbe = chosen ? drawn : Probe.of(drawn.description() + " (the default for a net"
          + " not taking " + 28 * 28 + " values)", input, batch, drawn.examples(), outputs,
          drawn.targets());
    }
    NetSpec compiled = kernels == null ? written : written.withKernelInit(kernels);

    DiagnosisReport report;
    Optional<DataInitReport> dataInit;
    try (Model model = Model.compile(compiled, seed, device)) {
      report = Diagnosis.run(model, batchProbe);
      dataInit = model.dataInitReport();
    }
    PrintWriter out = spec.commandLine().getOut();
    String schemeText = kernels == null ? null : InitNames.text(kernels);
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(mapper.writeValueAsString(DiagnosisJson.of(report, written.toString(),
          schemeText, seed, device, kind.name().toLowerCase(Locale.ROOT), chosen, data)));
    } else {
      out.println("net:   " + written);
      if (schemeText != null) {
        out.println("init:  every kernel " + schemeText + " (--scheme)");
      }
      out.println("seed:  " + seed + ", " + device.name().toLowerCase(Locale.ROOT));
      if (data != null) {
        out.println("data:  " + data);
      }
      dataInit.ifPresent(d -> out.println("data init on the probe: " + d.describe()));
      out.print(report.table());
    }
    out.flush();
    return 0;
  }
}
