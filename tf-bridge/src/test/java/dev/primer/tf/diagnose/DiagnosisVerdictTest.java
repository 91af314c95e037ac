package dev.primer.tf.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.train.Loss;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdicts fire on nets built to have each problem, and not on a healthy one. Each case's
 * expectation comes from theory (see {@link DiagnosisTheoryTest}): through relu layers of width n
 * with weights of variance s^2 the signal's RMS changes by sqrt(n s^2 / 2) per layer.
 */
class DiagnosisVerdictTest {
  private static final int WIDTH = 128;

  /** {@code layers} relu layers of width 128 with {@code init} kernels, then a softmax of 10. */
  private static String deepRelu(int layers, String init) {
    StringBuilder text = new StringBuilder("input(" + WIDTH + ")");
    for (int i = 0; i < layers; i++) {
      text.append(".dense(").append(WIDTH).append(").relu().init(").append(init).append(")");
    }
    return text.append(".dense(10).softmax()").toString();
  }

  private static DiagnosisReport diagnose(String text) {
    NetSpec spec = Net.parse(text);
    try (Model model = Model.compile(spec, 3)) {
      return Diagnosis.run(model,
          Probe.standardNormal(spec.input().orElseThrow(), 128, model.outputSize(), 5));
    }
  }

  private static List<LayerDiagnosis> hidden(DiagnosisReport report) {
    return report.layers().subList(0, report.layers().size() - 1);
  }

  @Test
  void heNormalOnADeepReluNetIsOkEverywhere() {
    DiagnosisReport report = diagnose(deepRelu(10, "he_normal"));
    assertThat(report.layers()).allSatisfy(l -> assertThat(l.verdicts()).isEmpty());
    assertThat(report.ok()).isTrue();
    assertThat(report.loss()).isEqualTo(Loss.SOFTMAX_CROSS_ENTROPY);
    assertThat(report.summary()).singleElement().asString().startsWith("all 11 layers ok");
  }

  @Test
  void zerosAreSymmetric() {
    DiagnosisReport report = diagnose(deepRelu(4, "zeros"));
    for (LayerDiagnosis l : hidden(report)) {
      // every unit has weight 0, bias 0 and gradient 0: all but one copy another
      assertThat(l.identicalUnits()).hasValue(WIDTH - 1);
      assertThat(l.verdict(Verdict.Kind.SYMMETRIC)).hasValue(new Verdict(Verdict.Kind.SYMMETRIC,
          Verdict.Measure.IDENTICAL_UNITS, WIDTH - 1, 1));
    }
    // the output layer's units answer different targets: not checked
    assertThat(report.layers().get(4).identicalUnits()).isEmpty();
    assertThat(report.summary()).anySatisfy(s -> assertThat(s).startsWith(
        "4 of 5 layers symmetric: 127 of the 128 units of dense_0 copy another unit"));
    // and the init itself is named, before any number: ResolvedNet.warnings()
    assertThat(report.summary()).contains("warning: layer 3 (dense): kernel init zeros gives"
        + " every unit the same weights, so the same gradient, and they stay copies; use a"
        + " random init (never a constant for kernels)");
  }

  @Test
  void randomWeightsAreNotSymmetric() {
    DiagnosisReport report = diagnose(deepRelu(2, "he_normal"));
    assertThat(hidden(report)).allSatisfy(l -> assertThat(l.identicalUnits()).hasValue(0));
  }

  @Test
  void smallNormalWeightsVanishInADeepNet() {
    // n s^2 = 128 * 1e-4: the first layer's gain is sqrt(0.0128) = 0.11, then x0.08 per layer
    DiagnosisReport report = diagnose(deepRelu(10, "normal(0,0.01)"));
    assertThat(report.layers()).allSatisfy(
        l -> assertThat(l.verdict(Verdict.Kind.VANISHING)).isPresent());
    for (LayerDiagnosis l : report.layers().subList(1, 11)) {
      assertThat(l.verdict(Verdict.Kind.VANISHING)).hasValue(new Verdict(Verdict.Kind.VANISHING,
          Verdict.Measure.SIGNAL_GAIN, l.signalGain(), 0.01));
    }
    // the first layer's forward gain (about 0.11) is above 0.01, but its gradient has shrunk
    // back through the nine layers above it
    Verdict first = report.layers().get(0).verdict(Verdict.Kind.VANISHING).orElseThrow();
    assertThat(first.measure()).isEqualTo(Verdict.Measure.GRADIENT_GAIN);
    assertThat(report.layers().get(0).signalGain()).isBetween(0.08, 0.15);
    assertThat(report.summary().get(0)).startsWith("11 of 11 layers vanishing: the signal shrinks")
        .endsWith("; try he_normal");
  }

  @Test
  void unitNormalWeightsExplodeInADeepNet() {
    // n s^2 / 2 = 64: the signal grows about 8x per layer
    DiagnosisReport report = diagnose(deepRelu(10, "normal(0,1)"));
    assertThat(report.layers()).allSatisfy(
        l -> assertThat(l.verdict(Verdict.Kind.EXPLODING)).isPresent());
    LayerDiagnosis last = report.layers().get(10);
    assertThat(last.verdict(Verdict.Kind.EXPLODING)).hasValue(new Verdict(
        Verdict.Kind.EXPLODING, Verdict.Measure.SIGNAL_GAIN, last.signalGain(), 100));
  }

  @Test
  void sigmoidGradientsVanishOnTheWayBack() {
    // sigmoid's slope is at most 1/4: with Glorot the gradient shrinks about 4x per layer back
    StringBuilder text = new StringBuilder("input(64)");
    for (int i = 0; i < 8; i++) {
      text.append(".dense(64).sigmoid()");
    }
    DiagnosisReport report = diagnose(text.append(".dense(10).softmax()").toString());
    Verdict first = report.layers().get(0).verdict(Verdict.Kind.VANISHING).orElseThrow();
    assertThat(first.measure()).isEqualTo(Verdict.Measure.GRADIENT_GAIN);
    assertThat(first.value()).isLessThan(1e-3);
    assertThat(report.layers().get(8).ok()).isTrue();
  }

  @Test
  void aLargeNegativeBiasKillsReluUnits() {
    DiagnosisReport report = diagnose(
        "input(64).dense(64).relu().bias(constant(-10)).dense(10).softmax()");
    // pre-activations are about N(-10, 1.4^2): none of 64 units fires on 128 examples
    assertThat(report.layers().get(0).verdict(Verdict.Kind.DEAD)).hasValue(
        new Verdict(Verdict.Kind.DEAD, Verdict.Measure.DEAD_FRACTION, 1.0, 0.5));
  }

  @Test
  void largeWeightsSaturateTanh() {
    DiagnosisReport report = diagnose("input(64).dense(64).tanh().init(normal(0,1))"
        + ".dense(10).softmax()");
    // pre-activations have std sqrt(64) = 8: P(|z| > atanh(0.95) = 1.83) is about 0.82
    LayerDiagnosis tanh = report.layers().get(0);
    assertThat(tanh.saturatedFraction().orElseThrow()).isBetween(0.75, 0.88);
    assertThat(tanh.verdict(Verdict.Kind.SATURATED)).isPresent();
    assertThat(report.layers().get(1).saturatedFraction()).isEmpty();
  }

  @Test
  void aRegressionNetIsDifferentiatedWithMeanSquaredError() {
    DiagnosisReport report = diagnose("input(8).dense(8).tanh().dense(1)");
    assertThat(report.loss()).isEqualTo(Loss.MEAN_SQUARED_ERROR);
    assertThat(report.layers().get(1).gradientGain()).hasValue(1.0);
  }

  @Test
  void aProbeOfTheWrongShapeIsRefused() {
    try (Model model = Model.compile(Net.parse("input(8).dense(10).softmax()"), 1)) {
      assertThatThrownBy(() -> Diagnosis.run(model, Probe.standardNormal(Shape.of(9), 4, 10, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("diagnose: the probe's examples have shape [9], the net takes [8]");
      assertThatThrownBy(() -> Diagnosis.run(model, Probe.standardNormal(Shape.of(8), 4, 3, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("diagnose: the probe has 3 target values per example, the net outputs"
              + " [10] (10)");
    }
  }
}
