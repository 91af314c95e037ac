package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.compare.Schemes;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.ImageInput;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.data.Statistics;
import dev.primer.tf.datainit.DataInitReport;
import dev.primer.tf.io.NpyArray;
import dev.primer.tf.io.Npz;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer init}: compiles a spec, runs only its initializers and writes every parameter to
 * a NumPy {@code .npz} archive, so anyone can check the weights with NumPy.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Write a spec's initial weights as a NumPy .npz archive.",
      "",
      "Compiles the spec, runs only its initializers and writes one float32 .npy per",
      "parameter, named as in the summary (dense_0/kernel, dense_0/bias, ...).",
      "Check them with NumPy:",
      "  python3 -c \"import numpy as np; w = np.load('init.npz');",
      "             print(w['dense_0/kernel'].std())\"",
      "",
      "Data-dependent inits (lsuv, lsuv(0.05,20), class_prior) finish on the",
      "training images: the embedded MNIST digits, or --data / --download. Their",
      "report is printed. A spec without input(...) takes the images' shape.",
      "",
      "Example:",
      "  primer init --net 'input(784).dense(256).relu().dense(10).softmax()' \\",
      "              --seed 1 --out init.npz",
      "  primer init --net 'input(784).dense(64).relu().dense(10).softmax()' \\",
      "              --scheme lsuv --out lsuv.npz"
    })
final class InitCommand implements Callable<Integer> {

  @Option(names = "--net", required = true, paramLabel = "TEXT",
      description = "The spec in the text form (with its input shape).")
  String net;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
      description = "The net's seed; each parameter draws from (seed, its name). Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--scheme", paramLabel = "NAME",
      description = "Override every kernel init of the spec: he_normal, glorot_uniform, normal(0,0.01), orthogonal(1.2), lsuv, ...")
  String scheme;

  @Mixin
  RunOptions common;

  @Option(names = "--out", required = true, paramLabel = "FILE.npz",
      description = "Where to write the archive (replaced atomically).")
  Path out;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Device device = common.device();
    NetSpec parsed = Net.parse(net);
    if (scheme != null) {
      parsed = parsed.withKernelInit(Schemes.parse(scheme));
    }
    // images are loaded only when the spec needs them: for its shape or to initialize on
    Optional<MnistSplit> split = Optional.empty();
    if (parsed.input().isEmpty() || !parsed.resolve().dataDependent().isEmpty()) {
      split = Optional.of(common.load());
      parsed = ImageInput.withImageInput(parsed, split.get().train().rows(),
          split.get().train().cols());
    }
    List<NpyArray> arrays = new ArrayList<>();
    PrintWriter outText = spec.commandLine().getOut();
    try (Model model = Model.compile(parsed, seed, device)) {
      Optional<DataInitReport> report = Optional.empty();
      if (!model.net().dataDependent().isEmpty()) {
        report = Optional.of(model.initializeFromData(trainingImages(split.get(), parsed)));
      }
      outText.printf(Locale.ROOT, "%-28s %-16s %12s %12s  %s%n", "parameter", "shape", "mean", "std",
          "init");
      for (ParameterValues v : model.weights().values()) {
        arrays.add(new NpyArray(v.name(), v.shape().toArray(), v.values()));
        outText.printf(Locale.ROOT, "%-28s %-16s %12.6f %12.6f  %s%n", v.name(), v.shape(),
            Statistics.mean(v.values()), Statistics.populationStd(v.values()),
            model.net().parameter(v.name()).orElseThrow().label());
      }
      if (report.isPresent()) {
        outText.println();
        outText.printf(Locale.ROOT, "initialized on data: %,d training images of %s%n",
            split.get().train().count(), split.get().source());
        outText.print(report.get().table());
        outText.println(report.get().describe());
        outText.println();
      }
    }
    Npz.write(out, arrays);
    outText.println("wrote " + arrays.size() + " arrays to " + out
        + (scheme != null ? " (every kernel: " + InitNames.text(Schemes.parse(scheme)) + ")" : ""));
    outText.flush();
    return 0;
  }

  /** The training images as examples of the net's input shape. */
  private static ImageDataset trainingImages(MnistSplit split, NetSpec net) {
    try {
      return new ImageDataset(split.train(), net.input().orElseThrow(), MnistSplit.CLASSES);
    } catch (IllegalArgumentException e) {
      throw new UserException("a data-dependent init needs training images that fit the net: "
          + e.getMessage());
    }
  }
}
