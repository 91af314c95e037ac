package dev.primer.samples.cli;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code primer summary --net TEXT}: the layer table of a spec given in the text form. */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = {
      "Print the layer table of a spec.",
      "",
      "One row per layer with its output shape, parameter count, fans and the",
      "initializers of its kernel and bias (AUTO shown as what it resolves to).",
      "",
      "Example:",
      "  primer summary --net 'input(784).dense(256).relu().dense(10).softmax()'"
    })
final class SummaryCommand implements Callable<Integer> {

  @Option(names = "--net", required = true, paramLabel = "TEXT",
      description = "The spec in the text form, e.g. input(784).dense(256).relu().dense(10).softmax()")
  String net;

  @Mixin
  DebugOption debugOption;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    NetSpec parsed = Net.parse(net);
    spec.commandLine().getOut().print(parsed.summary());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
