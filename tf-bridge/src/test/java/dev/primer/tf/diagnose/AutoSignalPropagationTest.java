package dev.primer.tf.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AUTO keeps the signal: on 30-layer width-256 MLPs of each activation, with every kernel and
 * bias left to AUTO and N(0, 1) input, the pre-activation second moment q_l of every layer,
 * measured by {@link Diagnosis}, stays in the band [0.4, 2.5] around the target 1 that AUTO's
 * signal-propagation pass aims at (see {@code dev.primer.dsl.resolve.SignalPropagation}).
 *
 * <p>Why that band. The pass is exact in the mean-field limit (over a layer's units, each
 * example's pre-activation is Gaussian with the predicted second moment); at width n = 256 the
 * layer's weights make q_l deviate by a relative sd of up to sqrt(2 / n) = 0.09 per layer (the
 * bound is reached as deep nets make the batch's examples alike). Where the length map attracts
 * (slope lambda &lt; 1: tanh 0.46, sigmoid 0.11, elu 0.89, selu; gelu and swish once AUTO gives
 * them their random bias, slope 1 / lambda = 0.85) the deviations are pulled back each layer:
 * with this seed tanh and selu stay within [0.92, 1.04], elu and sigmoid [0.86, 1.28], gelu
 * and swish, whose pull is weakest, [0.53, 1.25]. relu and leakyRelu are positive-homogeneous (lambda = 1): q is a
 * martingale whose log performs a random walk, sd about 0.09 sqrt(l), 0.5 at layer 30, whatever
 * the init (He included): the band's half-width ln 2.5 = 0.92 is there for them, and with this
 * one seed the test is deterministic. Before the pass, AUTO (He for relu-like units, Glorot
 * for the rest) left layer 30 at q = 5e-5 (gelu), 4e-8 (swish), 0.017 (tanh), 0.25
 * (sigmoid), 19 (elu), 1.2 (relu, from q_0 = 2).
 */
class AutoSignalPropagationTest {
  private static final int WIDTH = 256;
  private static final int DEPTH = 30;
  private static final int BATCH = 128;
  private static final double LOW = 0.4;
  private static final double HIGH = 2.5;

  static Stream<Activation> activations() {
    return Stream.of(Activation.relu(), Activation.leakyRelu(0.2), Activation.elu(),
        Activation.selu(), Activation.gelu(), Activation.swish(), Activation.tanh(),
        Activation.sigmoid());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void autoKeepsThePreActivationSecondMomentInTheBandAtEveryLayer(Activation activation) {
    StringBuilder text = new StringBuilder("input(" + WIDTH + ")");
    for (int i = 0; i < DEPTH; i++) {
      text.append(".dense(").append(WIDTH).append(").").append(activation.text());
    }
    NetSpec spec = Net.parse(text.append(".dense(10).softmax()").toString());
    double[] q = new double[DEPTH];
    try (Model model = Model.compile(spec, 31)) {
      DiagnosisReport report =
          Diagnosis.run(model, Probe.standardNormal(Shape.of(WIDTH), BATCH, 10, 37));
      for (int l = 0; l < DEPTH; l++) {
        q[l] = report.layers().get(l).preActivation().secondMoment();
      }
    }
    StringBuilder line = new StringBuilder(activation.text() + " q:");
    for (double v : q) {
      line.append(String.format(Locale.ROOT, " %.3f", v));
    }
    System.out.println(line.append(String.format(Locale.ROOT, "  layer-30 RMS %.4f",
        Math.sqrt(q[DEPTH - 1]))));
    for (int l = 0; l < DEPTH; l++) {
      assertThat(q[l]).as("%s: pre-activation second moment of layer %d", activation.text(), l)
          .isBetween(LOW, HIGH);
    }
  }
}
