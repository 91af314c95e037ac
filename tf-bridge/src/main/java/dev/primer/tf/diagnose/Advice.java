package dev.primer.tf.diagnose;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.init.Cell;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.init.Rule;
import dev.primer.dsl.init.Target;
import dev.primer.dsl.layer.Recurrent;
import dev.primer.dsl.resolve.Block;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The summary of a diagnosis: one line per kind of verdict that fired, saying how many layers,
 * the worst number and what to try; or one line saying every layer is ok. The init suggested is
 * the one AUTO picks for the activation that follows the first layer concerned (He for relu,
 * Glorot for tanh, ...), unless that layer already has it. In a net of residual sums whose
 * stream grows exponentially, the line after the exploding one says why (see
 * {@link #residualGrowth}) and the suggestion is a residual scheme instead. The net's
 * {@link ResolvedNet#warnings() init warnings} (a constant kernel) follow.
 */
final class Advice {
  private Advice() {
    throw new AssertionError("no instances");
  }

  /**
   * The summary lines.
   *
   * @param notes what was not judged and why (a zero classifier, branches that start at zero),
   *     first
   */
  static List<String> summary(List<LayerDiagnosis> layers, ResolvedNet net, Moments input,
      Thresholds thresholds, List<String> notes) {
    List<String> lines = new ArrayList<>(notes);
    Optional<String> residual = residualGrowth(layers, net, input, thresholds.explodingGain());
    int n = layers.size();
    for (Verdict.Kind kind : Verdict.Kind.values()) {
      List<LayerDiagnosis> hit = layers.stream()
          .filter(l -> l.verdict(kind).isPresent()).toList();
      if (hit.isEmpty()) {
        continue;
      }
      String head = hit.size() + " of " + n + " layer" + (n == 1 ? "" : "s") + " " + kind.word()
          + ": ";
      ResolvedLayer first = net.layers().get(hit.get(0).index());
      lines.add(head + switch (kind) {
        case EXPLODING -> scale(kind, hit, layers) + (residual.isPresent()
            ? "; " + residual.get() : suggestion(first));
        case VANISHING -> scale(kind, hit, layers) + suggestion(first);
        case DEAD -> dead(hit);
        case SATURATED -> saturated(hit) + suggestion(first);
        case SYMMETRIC -> symmetric(hit) + suggestion(first);
      });
    }
    if (residual.isPresent() && layers.stream().noneMatch(
        l -> l.verdict(Verdict.Kind.EXPLODING).isPresent())) {
      lines.add(residual.get());
    }
    if (lines.size() == notes.size()) {
      StringBuilder ok = new StringBuilder("all " + n + " layer" + (n == 1 ? "" : "s") + " ok");
      layers.stream().filter(l -> l.gradientGain().isPresent()).reduce((a, b) -> b)
          .ifPresent(l -> ok.append(": signal gain ").append(Numbers.compact(l.signalGain()))
              .append(" at ").append(l.name()));
      layers.stream().filter(l -> l.gradientGain().isPresent()).findFirst()
          .ifPresent(l -> ok.append(", gradient gain ")
              .append(Numbers.compact(l.gradientGain().getAsDouble())).append(" at ")
              .append(l.name()));
      lines.add(ok.toString());
    }
    lines.addAll(net.warnings());
    return lines;
  }

  /**
   * Why the signal grows in a net of residual sums, when it does. Each sum adds its branch's
   * output to the stream, and E[(x + f(x))^2] = E[x^2] + E[f(x)^2] when the branch ends in
   * zero-mean weights; so a branch whose output is as large as its input (He keeps it so) grows
   * the stream's second moment by a constant factor per block, exponentially with depth. Measured
   * per sum on the probe: the second moment entering the block (the skip path's), the branch's
   * output, and the sum. Empty when the net has no residual sums, or when the stream's second
   * moment over all of them grows less than {@code explodingGain}^2.
   */
  static Optional<String> residualGrowth(List<LayerDiagnosis> layers, ResolvedNet net,
      Moments input, double explodingGain) {
    java.util.Map<Integer, LayerDiagnosis> byIndex = new java.util.HashMap<>();
    layers.forEach(l -> byIndex.put(l.index(), l));
    List<double[]> blocks = new ArrayList<>(); // {entering, branch, sum} second moments
    String lastFinite = null;
    String firstBlock = null;
    String overflow = null;
    int count = 0;
    for (ResolvedLayer layer : net.layers()) {
      if (!layer.residualSum()) {
        continue;
      }
      count++;
      LayerDiagnosis sum = byIndex.get(layer.index());
      LayerDiagnosis branch = byIndex.get(layer.index() - 1);
      LayerDiagnosis before = byIndex.get(layer.branchStart() - 1);
      if (sum == null || branch == null) {
        continue;
      }
      if (firstBlock == null) {
        firstBlock = layer.name();
      }
      double entering = before == null ? input.secondMoment() : before.output().secondMoment();
      double added = branch.output().secondMoment();
      double total = sum.preActivation().secondMoment();
      if (Double.isFinite(entering) && Double.isFinite(total) && entering > 0 && total > 0) {
        blocks.add(new double[] {entering, added, total});
        lastFinite = layer.name();
      } else if (overflow == null) {
        overflow = layer.name();
      }
    }
    if (blocks.isEmpty()) {
      return Optional.empty();
    }
    double growth = 1;
    double branchShare = 1;
    for (double[] b : blocks) {
      growth *= b[2] / b[0];
      branchShare *= Math.max(b[1], Double.MIN_NORMAL) / b[0];
    }
    if (overflow == null && growth < explodingGain * explodingGain) {
      return Optional.empty();
    }
    double perBlock = Math.pow(growth, 1.0 / blocks.size());
    double perBranch = Math.pow(branchShare, 1.0 / blocks.size());
    return Optional.of("the " + count + " residual sum" + (count == 1 ? "" : "s") + " grow the"
        + " signal's second moment ~" + Numbers.compact(perBlock) + "x per block ("
        + Numbers.compact(growth) + "x from " + firstBlock + " to " + lastFinite
        + (overflow == null ? "" : ", not finite from " + overflow) + "): each branch adds ~"
        + Numbers.compact(perBranch) + "x its input's second moment, and E[(x + f(x))^2] ="
        + " E[x^2] + E[f(x)^2], so the stream grows exponentially with depth; start every"
        + " branch at zero: fixup, zer_o, or skipinit with residual(...).scaled(...)");
  }

  /** How fast the signal shrinks or grows, or how small the gradient got. */
  private static String scale(Verdict.Kind kind, List<LayerDiagnosis> hit,
      List<LayerDiagnosis> layers) {
    Optional<LayerDiagnosis> bySignal = hit.stream()
        .filter(l -> l.verdict(kind).orElseThrow().measure() == Verdict.Measure.SIGNAL_GAIN)
        .reduce((a, b) -> b);
    if (bySignal.isPresent()) {
      LayerDiagnosis deepest = bySignal.get();
      long depth = layers.stream()
          .filter(l -> l.index() <= deepest.index() && !l.gradients().isEmpty()).count();
      double perLayer = Math.pow(deepest.signalGain(), 1.0 / Math.max(1, depth));
      String how = Double.isFinite(perLayer) && perLayer > 0
          ? " ~" + Numbers.compact(kind == Verdict.Kind.VANISHING ? 1 / perLayer : perLayer)
              + "x per layer"
          : "";
      return "the signal " + (kind == Verdict.Kind.VANISHING ? "shrinks" : "grows") + how
          + " (gain " + Numbers.compact(deepest.signalGain()) + " at " + deepest.name() + ")";
    }
    LayerDiagnosis first = hit.get(0);
    return "the gradient " + (kind == Verdict.Kind.VANISHING ? "shrinks" : "grows")
        + " on its way back (gain " + Numbers.compact(first.gradientGain().orElse(Double.NaN))
        + " at " + first.name() + ")";
  }

  private static String dead(List<LayerDiagnosis> hit) {
    LayerDiagnosis worst = hit.stream()
        .max(Comparator.comparingDouble(l -> l.deadFraction().orElse(0))).orElseThrow();
    return Numbers.percent(worst.deadFraction().orElse(0)) + " of the relu units of "
        + worst.name() + " never fire on the batch, and a unit that never fires gets no"
        + " gradient; look for a negative bias init or shifted inputs, or use leakyRelu()";
  }

  private static String saturated(List<LayerDiagnosis> hit) {
    LayerDiagnosis worst = hit.stream()
        .max(Comparator.comparingDouble(l -> l.saturatedFraction().orElse(0))).orElseThrow();
    return Numbers.percent(worst.saturatedFraction().orElse(0)) + " of the values of "
        + worst.name() + " lie beyond 0.95 of the " + worst.activation().orElseThrow().name()
        + " range, where its slope is under a tenth of its peak: the weights are too large";
  }

  private static String symmetric(List<LayerDiagnosis> hit) {
    LayerDiagnosis worst = hit.stream()
        .max(Comparator.comparingInt(l -> l.identicalUnits().orElse(0))).orElseThrow();
    return worst.identicalUnits().orElse(0) + " of the " + worst.units() + " units of "
        + worst.name() + " copy another unit, with the same gradients, so they stay copies;"
        + " only a random init breaks the symmetry";
  }

  /** {@code "; try he_normal"}, AUTO's choice for the layer's kernel, if it has another. */
  private static String suggestion(ResolvedLayer layer) {
    Optional<Parameter> kernel = layer.parameter(Role.KERNEL);
    if (kernel.isEmpty()) {
      return "";
    }
    Block block = kernel.get().blocks().get(0);
    Cell cell = layer.spec().layer() instanceof Recurrent r ? r.cell() : Cell.NONE;
    Target target = new Target(Role.KERNEL, block.shape().toArray(), block.fans(),
        layer.autoActivation(), cell, 0, layer.output().last());
    Init auto = Inits.AUTO.choose(target);
    Init sampler = auto;
    while (sampler instanceof Rule rule) {
      sampler = rule.choose(target);
    }
    if (sampler.equals(block.sampler())) {
      return "; the kernel init is already AUTO's choice for "
          + layer.autoActivation().map(a -> a.name()).orElse("no activation")
          + ": consider batchNorm() between layers, or fewer layers";
    }
    return "; try " + InitNames.text(auto);
  }
}
