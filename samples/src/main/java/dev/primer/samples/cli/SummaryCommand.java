package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.saved.ModelDirectory;
import dev.primer.tf.saved.ServingSignature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code primer summary --net TEXT | --model DIR}: the layer table of a spec given in the text
 * form, or of a saved model (either format, {@link ModelDirectory}) with its format, seed and
 * serving signature.
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = {
      "Print the layer table of a spec, or describe a saved model.",
      "",
      "One row per layer with its output shape, parameter count, fans and the",
      "initializers of its kernel and bias (AUTO shown as what it resolves to).",
      "A saved model (Model.save: spec.txt and weights.npz; or a TensorFlow",
      "SavedModel from Model.exportSavedModel) also shows its format, its seed",
      "and the inputs and outputs of its serving_default signature.",
      "",
      "Examples:",
      "  primer summary --net 'input(784).dense(256).relu().dense(10).softmax()'",
      "  primer summary --model models/mnist/1"
    })
final class SummaryCommand implements Callable<Integer> {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** What to describe: a spec's text or a saved model's directory. */
  static final class Source {
    @Option(names = "--net", paramLabel = "TEXT", description = "The spec in the text form,"
        + " e.g. input(784).dense(256).relu().dense(10).softmax()")
    String net;

    @Option(names = "--model", paramLabel = "DIR", description = "A saved model's directory:"
        + " Primer's format or a SavedModel exported by Primer")
    Path model;
  }

  @Mixin
  DebugOption debugOption;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    NetSpec net;
    if (source.model != null) {
      ModelDirectory saved = ModelDirectory.inspect(source.model);
      describe(saved, out);
      net = saved.spec();
    } else {
      net = Net.parse(source.net);
    }
    out.print(net.summary());
    out.flush();
    return 0;
  }

  private static void describe(ModelDirectory saved, PrintWriter out) {
    out.println("model:  " + saved.dir());
    out.println("format: " + saved.format().words());
    out.println("seed:   " + (saved.seed().isPresent() ? String.valueOf(saved.seed().getAsLong())
        : "not kept by this format (loads as 0)"));
    out.println("spec:   " + saved.spec());
    saved.signature().ifPresent(s -> {
      out.println("signature " + s.key() + " (tag " + ServingSignature.TAG + ", method "
          + s.method() + "):");
      s.inputs().forEach(t -> out.println("  input  " + t));
      s.outputs().forEach(t -> out.println("  output " + t));
    });
    out.println();
  }
}
