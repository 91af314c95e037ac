package dev.primer.tf.internal.graph;

import static dev.primer.dsl.init.Inits.IDENTITY;
import static dev.primer.dsl.init.Inits.ZEROS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.activation.Activation;
import dev.primer.tf.Model;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every activation compiled into a model — a dense layer with identity kernel and zero bias, so
 * the layer passes its input through — and its outputs compared with the formula in
 * {@link Activation.Kind}, computed here in double.
 */
class ActivationOpsTest {
  static final float[] X = {-6f, -3f, -1.5f, -1f, -0.5f, -0.01f, 0f, 0.01f, 0.5f, 1f, 1.5f, 3f, 6f};

  /** SELU's constants (Klambauer et al. 2017), to 20 digits. */
  static final double SELU_LAMBDA = 1.0507009873554804934;
  static final double SELU_ALPHA = 1.6732632423543772848;

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static Stream<Arguments> elementwise() {
    return Stream.of(
        Arguments.of(Activation.relu(), (DoubleUnaryOperator) x -> Math.max(0, x)),
        Arguments.of(Activation.leakyRelu(), (DoubleUnaryOperator) x -> x > 0 ? x : 0.01 * x),
        Arguments.of(Activation.leakyRelu(0.2), (DoubleUnaryOperator) x -> x > 0 ? x : 0.2 * x),
        Arguments.of(Activation.elu(), (DoubleUnaryOperator) x -> x > 0 ? x : Math.expm1(x)),
        Arguments.of(Activation.elu(0.5),
            (DoubleUnaryOperator) x -> x > 0 ? x : 0.5 * Math.expm1(x)),
        Arguments.of(Activation.elu(2.5),
            (DoubleUnaryOperator) x -> x > 0 ? x : 2.5 * Math.expm1(x)),
        Arguments.of(Activation.selu(),
            (DoubleUnaryOperator) x -> SELU_LAMBDA * (x > 0 ? x : SELU_ALPHA * Math.expm1(x))),
        // exact GELU: x Phi(x); the tanh approximation differs by up to 2e-4 on these inputs
        Arguments.of(Activation.gelu(),
            (DoubleUnaryOperator) x -> x * 0.5 * (1 + Erf.erf(x / Math.sqrt(2)))),
        Arguments.of(Activation.swish(), (DoubleUnaryOperator) x -> x * sigmoid(x)),
        Arguments.of(Activation.tanh(), (DoubleUnaryOperator) Math::tanh),
        Arguments.of(Activation.sigmoid(), (DoubleUnaryOperator) ActivationOpsTest::sigmoid),
        Arguments.of(Activation.linear(), (DoubleUnaryOperator) x -> x));
  }

  private static float[] forward(Activation activation, float[] x) {
    int n = x.length;
    try (Model model = Model.compile(
        Net.input(n).dense(n).activation(activation).init(IDENTITY).bias(ZEROS), 0)) {
      return model.predict(x);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elementwise")
  void elementwiseActivationsMatchTheirFormula(Activation activation, DoubleUnaryOperator f) {
    float[] y = forward(activation, X);

    for (int i = 0; i < X.length; i++) {
      double expected = f.applyAsDouble(X[i]);
      // float32: a few units in the last place of the result, plus a little absolute slack
      double tolerance = 1e-6 * Math.abs(expected) + 1e-6;
      assertThat((double) y[i]).as("%s(%s)", activation.text(), X[i])
          .isCloseTo(expected, within(tolerance));
    }
  }

  @Test
  void softmaxIsExpOverSumExpOverTheLastAxis() {
    float[] y = forward(Activation.softmax(), X);

    double sum = Arrays.stream(toDoubles(X)).map(Math::exp).sum();
    for (int i = 0; i < X.length; i++) {
      double expected = Math.exp(X[i]) / sum;
      assertThat((double) y[i]).as("softmax_%d", i)
          .isCloseTo(expected, within(1e-6 * expected + 1e-9));
    }
  }

  @Test
  void everyKindIsCovered() {
    Set<Activation.Kind> covered = elementwise()
        .map(a -> ((Activation) a.get()[0]).kind())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Activation.Kind.class)));
    covered.add(Activation.Kind.SOFTMAX);

    assertThat(covered).containsExactlyInAnyOrder(Activation.Kind.values());
  }

  private static double[] toDoubles(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }
}
