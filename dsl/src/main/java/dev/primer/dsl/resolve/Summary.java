package dev.primer.dsl.resolve;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.TextTable;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.Recurrent;
import dev.primer.dsl.layer.Residual;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary table of a resolved net: one row per layer with its kind, activation, output
 * shape, parameter count, fans, the kernel's variance scale (fan_in E[w^2]: 2 for He, what AUTO
 * computed for the layer, see {@link SignalPropagation}) and the initializers of its kernel and
 * bias (AUTO and the framework presets shown as what they resolved to), then the totals and the
 * net's {@link ResolvedNet#warnings() warnings}. When a layer is frozen, a last column marks the
 * frozen ones and the totals count the frozen values apart: trainable (what gradients update),
 * frozen (every parameter of a frozen layer) and non-trainable (the other layers' batch-norm
 * moving statistics).
 * <pre>
 *  #  layer       activation  output  params   fan_in/out  scale  kernel init       bias init
 *  1  dense(256)  relu        [256]    65,792  256/256     2      he_normal (auto)  zeros (auto)
 * </pre>
 * A net with residuals gets a second column, each layer's name ({@code block_7/dense_1}); a
 * residual's sum is a row of its own, {@code residual} or {@code residual.scaled(0)}, after its
 * branch's layers, with its skip projection in the kernel columns (if the branch changes the
 * shape) and its scale's init in the bias column.
 */
final class Summary {
  private Summary() {
    throw new AssertionError("no instances");
  }

  static String of(ResolvedNet net) {
    boolean recurrent = net.layers().stream()
        .anyMatch(l -> l.spec().layer() instanceof Recurrent);
    boolean residual = net.layers().stream().anyMatch(ResolvedLayer::residualSum);
    List<String> header = new ArrayList<>(List.of(
        "#", "layer", "activation", "output", "params", "fan_in/out", "scale", "kernel init"));
    if (residual) {
      header.add(1, "name");
    }
    if (recurrent) {
      header.add("recurrent init");
    }
    header.add("bias init");
    boolean anyFrozen = net.layers().stream().anyMatch(ResolvedLayer::frozen);
    if (anyFrozen) {
      header.add("frozen");
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (ResolvedLayer layer : net.layers()) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(layer.index()));
      if (residual) {
        row.add(layer.name());
      }
      row.add(layer.spec().layer() instanceof Residual r ? r.shortText()
          : layer.spec().layer().text());
      row.add(layer.spec().activation().map(a -> a.text().replace("()", "")).orElse("-"));
      row.add(layer.output().toString());
      row.add(Numbers.grouped(layer.parameterCount()));
      row.add(layer.parameter(Role.KERNEL).map(p -> p.fans().toString()).orElse("-"));
      row.add(layer.parameter(Role.KERNEL)
          .map(p -> Numbers.threeDigits(p.fans().in() * SignalPropagation.meanSquare(p)))
          .orElse("-"));
      row.add(label(layer, Role.KERNEL));
      if (recurrent) {
        row.add(label(layer, Role.RECURRENT_KERNEL));
      }
      row.add(label(layer, layer.parameter(Role.BIAS).isPresent() ? Role.BIAS
          : layer.parameter(Role.BRANCH_SCALE).isPresent() ? Role.BRANCH_SCALE : Role.BETA));
      if (anyFrozen) {
        row.add(layer.frozen() ? "frozen" : "-");
      }
      rows.add(row);
    }
    StringBuilder out = new StringBuilder();
    out.append("input ").append(net.input()).append('\n');
    int params = residual ? 5 : 4;
    out.append(TextTable.render(rows, c -> c == 0 || c == params, 2));
    long total = net.parameterCount();
    long trainable = net.trainableCount();
    long frozen = net.frozenCount();
    out.append("parameters: ").append(Numbers.grouped(total)).append(" (trainable ")
        .append(Numbers.grouped(trainable));
    if (anyFrozen) {
      out.append(", frozen ").append(Numbers.grouped(frozen));
    }
    out.append(", non-trainable ").append(Numbers.grouped(total - trainable - frozen))
        .append(")\n");
    net.warnings().forEach(w -> out.append(w).append('\n'));
    return out.toString();
  }

  private static String label(ResolvedLayer layer, Role role) {
    return layer.parameter(role).map(Parameter::label).orElse("-");
  }

}
