package dev.primer.tf.diagnose;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.TextTable;
import dev.primer.tf.train.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A diagnosis report as text: the probe and loss, an aligned table with one row per layer, the
 * net-level gradient ratios and the summary lines.
 */
final class DiagnosisTable {
  private DiagnosisTable() {
    throw new AssertionError("no instances");
  }

  static final List<String> HEADER = List.of("#", "layer", "activation", "pre mean", "pre std",
      "out std", "out E[y^2]", "gain", "grad gain", "dead", "saturated", "|grad kernel|",
      "verdict");

  static String of(DiagnosisReport report) {
    StringBuilder out = new StringBuilder();
    out.append("probe: ").append(report.probe()).append('\n');
    out.append("loss:  ").append(report.loss() == Loss.SOFTMAX_CROSS_ENTROPY
        ? "softmax cross-entropy" : "mean squared error").append(' ')
        .append(Numbers.compact(report.lossValue())).append(" at initialization\n");
    out.append("input: mean ").append(Numbers.compact(report.input().mean())).append(", std ")
        .append(Numbers.compact(report.input().std())).append(", E[x^2] ")
        .append(Numbers.compact(report.input().secondMoment())).append("\n\n");

    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (LayerDiagnosis l : report.layers()) {
      rows.add(List.of(
          Integer.toString(l.index()),
          l.name(),
          l.activation().map(Activation::text).orElse("-"),
          Numbers.compact(l.preActivation().mean()),
          Numbers.compact(l.preActivation().std()),
          Numbers.compact(l.output().std()),
          Numbers.compact(l.output().secondMoment()),
          Numbers.compact(l.signalGain()),
          l.gradientGain().isPresent() ? Numbers.compact(l.gradientGain().getAsDouble()) : "-",
          l.deadFraction().isPresent() ? Numbers.percent(l.deadFraction().getAsDouble()) : "-",
          l.saturatedFraction().isPresent()
              ? Numbers.percent(l.saturatedFraction().getAsDouble()) : "-",
          l.gradient("kernel").map(g -> Numbers.compact(g.norm())).orElse("-"),
          l.ok() ? "ok" : l.verdicts().stream().map(Verdict::describe)
              .collect(Collectors.joining("; "))));
    }
    // numbers right-aligned; the verdict, last, left-aligned and never padded
    out.append(TextTable.render(rows, c -> c >= 3 && c <= 11, 2));
    out.append('\n');
    report.gradientNormRatio().ifPresent(r -> out.append("kernel gradient norm, first / last: ")
        .append(Numbers.compact(r)).append('\n'));
    report.summary().forEach(s -> out.append(s).append('\n'));
    return out.toString();
  }
}
