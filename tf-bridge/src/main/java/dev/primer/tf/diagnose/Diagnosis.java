package dev.primer.tf.diagnose;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.data.Statistics;
import dev.primer.tf.internal.graph.LayerTrace;
import dev.primer.tf.internal.graph.Logits;
import dev.primer.tf.train.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Looks at what a net's initialization does before any training: one forward and one backward
 * pass on a probe batch, then per layer the statistics of {@link LayerDiagnosis} and the
 * {@link Verdict}s of {@link Thresholds}.
 * <pre>
 *   try (Model model = Model.compile(spec, 42)) {
 *     DiagnosisReport report = Diagnosis.run(model, Probe.standardNormal(spec.input().get(), 256, 10, 42));
 *     System.out.println(report.table());
 *   }
 * </pre>
 *
 * <p>The pass is a training-mode pass, as the first training step sees it: batch norm normalizes
 * with the batch's statistics and dropout drops (with the mask of step 0). Nothing is updated:
 * the weights, batch norm's moving averages and the step counter stay as they were. All of it
 * is one session run (see {@code OnePass}); the statistics are computed in Java, in double
 * precision.
 *
 * <p>The loss differentiated, from {@link #lossFor}: softmax cross-entropy when the net outputs
 * two values or more and its last layer ends with softmax or no activation (how such nets are
 * trained), mean squared error otherwise. At initialization a net knows nothing of the data, so
 * gradients from random labels ({@link Probe#standardNormal}) are the same size as from real ones.
 *
 * <p>A net with data-dependent initializers (LSUV, class prior) that have not run yet is first
 * initialized on the probe's examples and targets ({@code Model.initializeFromDataIfNeeded}),
 * so the diagnosis sees the weights training would start from, not the pre-init.
 *
 * <p>Each call adds the ops of one pass and its gradients to the model's graph.
 */
public final class Diagnosis {
  private Diagnosis() {
    throw new AssertionError("no instances");
  }

  /** Diagnoses with {@link Thresholds#DEFAULTS}. */
  public static DiagnosisReport run(Model model, Probe probe) {
    return run(model, probe, Thresholds.DEFAULTS);
  }

  /**
   * Runs the net once forward and once backward on {@code probe} and judges every layer.
   *
   * @throws IllegalArgumentException if the probe's examples or targets do not fit the net
   */
  public static DiagnosisReport run(Model model, Probe probe, Thresholds thresholds) {
    ResolvedNet net = model.net();
    Dataset.checkFits("diagnose: the probe", probe.exampleShape(), probe.targetWidth(),
        net.input(), net.output());
    model.initializeFromDataIfNeeded(InMemoryDataset.ofTargets(probe.examplesNoCopy(),
        probe.exampleShape(), probe.targets(), probe.targetWidth()));
    Loss loss = lossFor(net);
    OnePass pass = OnePass.run(model, probe, loss);
    Map<String, ParameterValues> weights = model.weights();
    Moments input = Moments.of(probe.examplesNoCopy());

    int outputLayer = net.layers().stream().filter(l -> l.parameter(Role.KERNEL).isPresent())
        .mapToInt(ResolvedLayer::index).max().orElse(-1);
    List<Measured> measured = new ArrayList<>();
    for (LayerTrace trace : pass.traces()) {
      measured.add(measure(trace, pass, input, weights,
          trace.layer().index() == outputLayer, thresholds));
    }
    OptionalDouble lastBackward = measured.stream().filter(m -> m.backward.isPresent())
        .reduce((a, b) -> b).map(m -> m.backward).orElse(OptionalDouble.empty());
    // a zero output kernel (fixup, a zero-initialized head) passes no gradient below it before
    // its first update: the gains below are 0 by design, not a vanishing gradient
    boolean zeroHead = measured.stream().anyMatch(m -> m.zeroOnPurpose
        && m.layer.index() == outputLayer);
    boolean usable = lastBackward.isPresent() && lastBackward.getAsDouble() > 0
        && Double.isFinite(lastBackward.getAsDouble()) && !zeroHead;
    java.util.Set<Integer> cut = cutBranches(net, measured, weights);

    List<LayerDiagnosis> layers = new ArrayList<>();
    for (Measured m : measured) {
      OptionalDouble gain = usable && m.backward.isPresent() && !cut.contains(m.layer.index())
          ? OptionalDouble.of(m.backward.getAsDouble() / lastBackward.getAsDouble())
          : OptionalDouble.empty();
      layers.add(judge(m, gain, input, thresholds));
    }
    List<String> notes = new ArrayList<>();
    if (zeroHead) {
      notes.add(net.layers().get(outputLayer).name() + ", the output layer, starts at zero (as"
          + " fixup puts it): no gradient passes below it before its first update, so the"
          + " gradient gains are not judged");
    } else if (!cut.isEmpty()) {
      long blocks = net.layers().stream().filter(ResolvedLayer::residualSum)
          .filter(l -> cut.contains(l.branchStart())).count();
      notes.add(blocks + " residual branch" + (blocks == 1 ? "" : "es") + " start at zero (a"
          + " zero scale, as skipinit puts it, or a zero last layer): no gradient enters them"
          + " before the first update, so the gradient gains of their " + cut.size()
          + " layers are not judged");
    }
    List<GradientStat> kernels = layers.stream().flatMap(l -> l.gradient("kernel").stream())
        .toList();
    OptionalDouble normRatio = kernels.size() >= 2 && kernels.get(kernels.size() - 1).norm() > 0
        ? OptionalDouble.of(kernels.get(0).norm() / kernels.get(kernels.size() - 1).norm())
        : OptionalDouble.empty();
    return new DiagnosisReport(probe.description(), probe.count(), loss, pass.loss(), input,
        layers, normRatio, thresholds, Advice.summary(layers, net, input, thresholds, notes));
  }

  /**
   * The loss the diagnosis differentiates for {@code net}: softmax cross-entropy when the net
   * outputs two values or more and its last layer ends with softmax or no activation (it gives
   * logits: the rule of {@code Logits}), mean squared error otherwise.
   */
  public static Loss lossFor(ResolvedNet net) {
    return net.output().size() >= 2 && Logits.lastLayerGivesLogits(net)
        ? Loss.SOFTMAX_CROSS_ENTROPY : Loss.MEAN_SQUARED_ERROR;
  }

  // ------------------------------------------------------------------------ measuring

  /** A layer's numbers before the verdicts (which need the other layers' gradients). */
  private record Measured(ResolvedLayer layer, int units, Moments pre, Moments out, double gain,
      OptionalDouble backward, OptionalDouble dead, OptionalDouble saturated,
      OptionalInt identical, List<GradientStat> gradients, boolean zeroOnPurpose) {}

  /**
   * The layers inside residual branches that no gradient reaches at initialization because the
   * branch starts at zero on purpose: every layer of a branch whose scale is 0 (skipinit), and
   * the layers before a branch's last layer when that one is all zeros (fixup, zer_o). Their
   * gradient is 0 by design until the first update moves the zero.
   */
  private static java.util.Set<Integer> cutBranches(ResolvedNet net, List<Measured> measured,
      Map<String, ParameterValues> weights) {
    java.util.Set<Integer> zeroLast = new java.util.HashSet<>();
    measured.stream().filter(m -> m.zeroOnPurpose && m.layer.place().lastInBranch())
        .forEach(m -> zeroLast.add(m.layer.index()));
    java.util.Set<Integer> cut = new java.util.TreeSet<>();
    for (ResolvedLayer sum : net.layers()) {
      if (!sum.residualSum()) {
        continue;
      }
      boolean zeroScale = sum.parameter(Role.BRANCH_SCALE)
          .map(p -> allZero(weights.get(p.name()).values())).orElse(false);
      int end = zeroScale ? sum.index()
          : zeroLast.stream().filter(z -> z >= sum.branchStart() && z < sum.index())
              .max(Integer::compare).orElse(sum.branchStart());
      for (int i = sum.branchStart(); i < end; i++) {
        cut.add(i);
      }
    }
    return cut;
  }

  private static boolean allZero(float[] values) {
    for (float v : values) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code layer}'s kernel is all zeros where the residual schemes put zeros on purpose:
   * in a net with residual branches, the output layer or the last layer of a branch (fixup,
   * zer_o). In a plain chain a zero output layer is judged as before. Its output is 0 at
   * initialization by design, and it moves on the first step.
   */
  private static boolean zeroOnPurpose(ResolvedLayer layer, Map<String, ParameterValues> weights,
      boolean outputLayer) {
    Optional<Parameter> kernel = layer.parameter(Role.KERNEL);
    if (kernel.isEmpty() || layer.place().residualBranches() == 0
        || !(outputLayer || layer.place().lastInBranch())) {
      return false;
    }
    return allZero(weights.get(kernel.get().name()).values());
  }

  /**
   * @param output whether it is the net's output layer (its last with a kernel)
   */
  private static Measured measure(LayerTrace trace, OnePass pass, Moments input,
      Map<String, ParameterValues> weights, boolean output, Thresholds thresholds) {
    // not checked for symmetry: the output layer's units answer different targets, and the
    // units of a branch's last layer feed different coordinates of the residual stream (zero
    // there under fixup and zer_o, so one batch gives them all the same zero gradient until the
    // layers after them move)
    boolean checkSymmetry = !output && !trace.layer().place().lastInBranch();
    float[] pre = pass.preActivation(trace);
    float[] out = pass.output(trace);
    OptionalDouble backward = pass.backward(trace)
        .map(g -> OptionalDouble.of(Statistics.norm(g))).orElse(OptionalDouble.empty());
    ResolvedLayer layer = trace.layer();
    int units = layer.output().last();
    Optional<Activation> activation = layer.spec().activation();
    Activation.Kind kind = activation.map(Activation::kind).orElse(Activation.Kind.LINEAR);
    OptionalDouble dead = kind == Activation.Kind.RELU
        ? OptionalDouble.of(UnitStats.deadFraction(pre, units)) : OptionalDouble.empty();
    OptionalDouble saturated = kind == Activation.Kind.TANH
        ? OptionalDouble.of(UnitStats.saturatedTanh(out, Thresholds.SATURATION_LEVEL))
        : kind == Activation.Kind.SIGMOID
            ? OptionalDouble.of(UnitStats.saturatedSigmoid(out, Thresholds.SATURATION_LEVEL))
            : OptionalDouble.empty();

    List<GradientStat> gradients = new ArrayList<>();
    List<UnitStats.UnitParameter> unitParameters = new ArrayList<>();
    for (Parameter p : layer.parameters()) {
      Optional<float[]> gradient = pass.gradient(p.name());
      if (gradient.isEmpty()) {
        continue;
      }
      float[] g = gradient.get();
      double rms = Statistics.rms(g);
      gradients.add(new GradientStat(p.name(), rms * Math.sqrt(g.length), rms));
      if (p.role() == Role.KERNEL || p.role() == Role.RECURRENT_KERNEL
          || p.role() == Role.BIAS) {
        unitParameters.add(new UnitStats.UnitParameter(weights.get(p.name()).values(), g,
            p.shape().last()));
      }
    }
    OptionalInt identical = checkSymmetry && layer.parameter(Role.KERNEL).isPresent()
        ? OptionalInt.of(UnitStats.identicalUnits(unitParameters, units,
            thresholds.identicalTolerance()))
        : OptionalInt.empty();
    Moments preMoments = Moments.of(pre);
    double gain = input.rms() > 0 ? preMoments.rms() / input.rms() : Double.NaN;
    return new Measured(layer, units, preMoments, Moments.of(out), gain, backward, dead,
        saturated, identical, gradients, zeroOnPurpose(layer, weights, output));
  }

  // ------------------------------------------------------------------------ judging

  private static LayerDiagnosis judge(Measured m, OptionalDouble gradientGain, Moments input,
      Thresholds t) {
    List<Verdict> verdicts = new ArrayList<>();
    boolean hasParameters = !m.layer.parameters().isEmpty();
    if (hasParameters && input.rms() > 0 && !m.zeroOnPurpose) {
      if (!Double.isFinite(m.gain) || m.gain > t.explodingGain()) {
        verdicts.add(new Verdict(Verdict.Kind.EXPLODING, Verdict.Measure.SIGNAL_GAIN, m.gain,
            t.explodingGain()));
      } else if (m.gain < t.vanishingGain()) {
        verdicts.add(new Verdict(Verdict.Kind.VANISHING, Verdict.Measure.SIGNAL_GAIN, m.gain,
            t.vanishingGain()));
      }
    }
    if (gradientGain.isPresent() && verdicts.isEmpty()) {
      double r = gradientGain.getAsDouble();
      if (!Double.isFinite(r) || r > t.explodingGain()) {
        verdicts.add(new Verdict(Verdict.Kind.EXPLODING, Verdict.Measure.GRADIENT_GAIN, r,
            t.explodingGain()));
      } else if (r < t.vanishingGain()) {
        verdicts.add(new Verdict(Verdict.Kind.VANISHING, Verdict.Measure.GRADIENT_GAIN, r,
            t.vanishingGain()));
      }
    }
    if (m.dead.isPresent() && m.dead.getAsDouble() > t.deadFraction()) {
      verdicts.add(new Verdict(Verdict.Kind.DEAD, Verdict.Measure.DEAD_FRACTION,
          m.dead.getAsDouble(), t.deadFraction()));
    }
    if (m.saturated.isPresent() && m.saturated.getAsDouble() > t.saturatedFraction()) {
      verdicts.add(new Verdict(Verdict.Kind.SATURATED, Verdict.Measure.SATURATED_FRACTION,
          m.saturated.getAsDouble(), t.saturatedFraction()));
    }
    if (m.identical.isPresent() && m.identical.getAsInt() >= t.identicalUnits()) {
      verdicts.add(new Verdict(Verdict.Kind.SYMMETRIC, Verdict.Measure.IDENTICAL_UNITS,
          m.identical.getAsInt(), t.identicalUnits()));
    }
    ResolvedLayer l = m.layer;
    return new LayerDiagnosis(l.index(), l.name(), l.kind(), l.spec().activation(), l.output(),
        m.units, m.pre, m.out, m.gain, m.dead, m.saturated, m.identical, m.gradients,
        gradientGain, verdicts);
  }
}
