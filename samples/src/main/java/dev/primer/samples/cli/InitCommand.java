package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.io.NpyArray;
import dev.primer.tf.io.Npz;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
      "Compiles the spec, runs only its initializers and writes one float32 .npy per parameter,",
      "named as in the summary (dense_0/kernel, dense_0/bias, ...). Check them with NumPy:",
      "  python3 -c \"import numpy as np; w = np.load('init.npz'); print(w['dense_0/kernel'].std())\"",
      "",
      "Example:  primer init --net 'input(784).dense(256).relu().dense(10).softmax()' --seed 1 --out init.npz"
    })
final class InitCommand implements Callable<Integer> {

  @Option(names = "--net", required = true, paramLabel = "TEXT",
      description = "The spec in the text form (with its input shape).")
  String net;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
      description = "The net's seed; each parameter draws from (seed, its name). Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--scheme", paramLabel = "NAME",
      description = "Override every kernel init of the spec: he_normal, glorot_uniform, normal(0,0.01), orthogonal(1.2), ...")
  String scheme;

  @Option(names = "--out", required = true, paramLabel = "FILE.npz",
      description = "Where to write the archive (replaced atomically).")
  Path out;

  @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
      converter = DeviceConverter.class, description = "Where TensorFlow runs. Default: ${DEFAULT-VALUE}.")
  Device device;

  @Option(names = "--debug", description = "Print stack traces of errors.")
  boolean debug;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    NetSpec parsed = Net.parse(net);
    if (scheme != null) {
      parsed = parsed.withKernelInit(Schemes.parse(scheme));
    }
    List<NpyArray> arrays = new ArrayList<>();
    PrintWriter outText = spec.commandLine().getOut();
    try (Model model = Model.compile(parsed, seed, device)) {
      outText.printf(Locale.ROOT, "%-28s %-16s %12s %12s  %s%n", "parameter", "shape", "mean", "std",
          "init");
      for (ParameterValues v : model.weights().values()) {
        arrays.add(new NpyArray(v.name(), v.shape().toArray(), v.values()));
        double mean = 0;
        for (float f : v.values()) {
          mean += f;
        }
        mean /= v.values().length;
        double var = 0;
        for (float f : v.values()) {
          var += (f - mean) * (f - mean);
        }
        var /= v.values().length;
        outText.printf(Locale.ROOT, "%-28s %-16s %12.6f %12.6f  %s%n", v.name(), v.shape(), mean,
            Math.sqrt(var), model.net().parameter(v.name()).orElseThrow().label());
      }
    }
    Npz.write(out, arrays);
    outText.println("wrote " + arrays.size() + " arrays to " + out
        + (scheme != null ? " (every kernel: " + InitNames.text(Schemes.parse(scheme)) + ")" : ""));
    outText.flush();
    return 0;
  }
}
