package dev.primer.tf.internal.init;

import static dev.primer.dsl.init.Inits.IDENTITY;
import static dev.primer.dsl.init.Inits.KERAS_DEFAULT;
import static dev.primer.dsl.init.Inits.PYTORCH_DEFAULT;
import static dev.primer.dsl.init.Inits.orthogonal;
import static dev.primer.tf.internal.init.InitStatistics.assertDrawnFrom;
import static dev.primer.tf.internal.init.InitStatistics.assertSemiOrthogonal;
import static dev.primer.tf.internal.init.InitStatistics.columns;
import static dev.primer.tf.internal.init.InitStatistics.gramOfColumns;
import static dev.primer.tf.internal.init.InitStatistics.matrix;
import static dev.primer.tf.internal.init.InitStatistics.maxDeviationFromScaledIdentity;
import static dev.primer.tf.internal.init.InitStatistics.transpose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Fixtures;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.internal.init.InitStatistics.ConstantAt;
import dev.primer.tf.internal.init.InitStatistics.Expected;
import dev.primer.tf.internal.init.InitStatistics.SumOfTwoUniforms;
import dev.primer.tf.internal.init.InitStatistics.UniformOn;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recurrent parameters are filled per gate: kernel [in, gates * units], recurrent kernel
 * [units, gates * units] and bias [gates * units] hold one block of {@code units} columns per
 * gate, each drawn on its own (fans per gate, a seed per block).
 */
class RecurrentInitTest {
  static final int STEPS = 5;
  static final int IN = 64;
  static final int UNITS = 32;

  /** The three cells: layer name, gate count, the layer with AUTO and with pytorch_default. */
  static Stream<Arguments> cells() {
    return Stream.of(
        Arguments.of("lstm", 4, Net.input(STEPS, IN).lstm(UNITS),
            Net.input(STEPS, IN).lstm(UNITS).init(PYTORCH_DEFAULT)),
        Arguments.of("gru", 3, Net.input(STEPS, IN).gru(UNITS, Returns.SEQUENCES),
            Net.input(STEPS, IN).gru(UNITS, Returns.SEQUENCES).init(PYTORCH_DEFAULT)),
        Arguments.of("simple_rnn", 1, Net.input(STEPS, IN).simpleRnn(UNITS),
            Net.input(STEPS, IN).simpleRnn(UNITS).init(PYTORCH_DEFAULT)));
  }

  /** Checks every gate block of a [rows, gates * UNITS] parameter. */
  private static void eachBlock(ParameterValues p, int gates, IntFunction<Expected> expected) {
    int rows = p.values().length / (gates * UNITS);
    for (int gate = 0; gate < gates; gate++) {
      double[][] block = columns(p.values(), rows, gates * UNITS, gate * UNITS, UNITS);
      float[] flat = new float[rows * UNITS];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < UNITS; c++) {
          flat[r * UNITS + c] = (float) block[r][c];
        }
      }
      assertDrawnFrom(flat, expected.apply(gate), p.name() + " gate " + gate);
    }
  }

  private static void assertBlocksDiffer(ParameterValues p, int gates) {
    int rows = p.values().length / (gates * UNITS);
    for (int a = 0; a < gates; a++) {
      for (int b = a + 1; b < gates; b++) {
        assertThat(columns(p.values(), rows, gates * UNITS, a * UNITS, UNITS))
            .as("%s: gates %d and %d", p.name(), a, b)
            .isNotEqualTo(columns(p.values(), rows, gates * UNITS, b * UNITS, UNITS));
      }
    }
  }

  @ParameterizedTest(name = "{0} AUTO")
  @MethodSource("cells")
  void autoIsGlorotPerGateOrthogonalPerGateAndZeroBiasWithLstmForgetOnes(
      String name, int gates, NetSpec spec, NetSpec pytorchSpec) {
    Map<String, ParameterValues> w = Fixtures.initialWeights(spec, 21);
    ParameterValues kernel = w.get(name + "_0/kernel");
    ParameterValues recurrent = w.get(name + "_0/recurrent_kernel");
    ParameterValues bias = w.get(name + "_0/bias");
    assertThat(kernel.shape().toArray()).containsExactly(IN, gates * UNITS);
    assertThat(recurrent.shape().toArray()).containsExactly(UNITS, gates * UNITS);
    assertThat(bias.shape().toArray()).containsExactly(gates * UNITS);

    // glorot_uniform with the fans of one gate (in, units), not of the whole (in, gates * units)
    double limit = Math.sqrt(6.0 / (IN + UNITS));
    eachBlock(kernel, gates, gate -> UniformOn.symmetric(limit));
    // orthogonal per [units, units] block: each block's W^T W = I ...
    for (int gate = 0; gate < gates; gate++) {
      assertSemiOrthogonal(columns(recurrent.values(), UNITS, gates * UNITS, gate * UNITS, UNITS),
          1, recurrent.name() + " gate " + gate);
    }
    // ... so the whole [units, gates * units] has W W^T = gates I, not I
    double[][] whole = matrix(recurrent.values(), UNITS, gates * UNITS);
    assertThat(maxDeviationFromScaledIdentity(gramOfColumns(transpose(whole)), gates))
        .as("W W^T of the whole recurrent kernel").isLessThan(1e-4);
    if (gates > 1) {
      assertBlocksDiffer(kernel, gates);
      assertBlocksDiffer(recurrent, gates);
    }
    // zeros; an LSTM's forget gate (block 1 of [i, f, c, o]) ones
    eachBlock(bias, gates,
        gate -> new ConstantAt(name.equals("lstm") && gate == 1 ? 1 : 0));
  }

  @Test
  void kerasDefaultOnAnLstmMatchesKerasUnitForgetBias() {
    Map<String, ParameterValues> w =
        Fixtures.initialWeights(Net.input(STEPS, IN).lstm(UNITS).init(KERAS_DEFAULT), 22);

    // Keras's LSTMCell builds ONE kernel [in, 4 units] and initializes it whole: glorot_uniform
    // with fans (in, 4 units), not per gate (in, units)
    assertDrawnFrom(w.get("lstm_0/kernel").values(),
        UniformOn.symmetric(Math.sqrt(6.0 / (IN + 4 * UNITS))), "keras_default kernel");
    // ... and ONE orthogonal recurrent kernel [units, 4 units]: orthonormal rows, W W^T = I
    // (per-gate blocks would give W W^T = 4 I)
    double[][] whole = matrix(w.get("lstm_0/recurrent_kernel").values(), UNITS, 4 * UNITS);
    assertThat(maxDeviationFromScaledIdentity(gramOfColumns(transpose(whole)), 1))
        .as("W W^T of keras_default's recurrent kernel").isLessThan(1e-4);
    eachBlock(w.get("lstm_0/bias"), 4, gate -> new ConstantAt(gate == 1 ? 1 : 0));
  }

  @ParameterizedTest(name = "{0} pytorch_default")
  @MethodSource("cells")
  void pytorchDefaultIsUniformOverOneOverSqrtUnitsWithTwoBiasesAdded(
      String name, int gates, NetSpec autoSpec, NetSpec spec) {
    Map<String, ParameterValues> w = Fixtures.initialWeights(spec, 23);

    UniformOn expected = UniformOn.symmetric(1 / Math.sqrt(UNITS));
    for (String role : new String[] {"kernel", "recurrent_kernel"}) {
      eachBlock(w.get(name + "_0/" + role), gates, gate -> expected);
    }
    // PyTorch adds two biases, b_ih + b_hh, each U(±1/sqrt(units)): variance 2 (1/units) / 3,
    // checked on all gates * units values (the tolerance is Z standard errors for that n)
    assertDrawnFrom(w.get(name + "_0/bias").values(), new SumOfTwoUniforms(1 / Math.sqrt(UNITS)),
        name + " pytorch_default bias");
  }

  @Test
  void pytorchDefaultsLstmBiasHasTheSpreadOfTwoBiasesAdded() {
    // 4 * 256 = 1024 values: the sample variance's standard error is sigma^2 sqrt(1.4 / 1024)
    // = 0.037 sigma^2 (triangular kurtosis 2.4), so Z = 5 of them (0.18 sigma^2) separate the
    // sum's variance 2 b^2 / 3 from one uniform's b^2 / 3 (half of it), b = 1/16
    int units = 256;
    float[] bias = Fixtures.initialWeights(
        Net.input(STEPS, IN).lstm(units).init(PYTORCH_DEFAULT), 27).get("lstm_0/bias").values();
    assertDrawnFrom(bias, new SumOfTwoUniforms(1 / Math.sqrt(units)), "lstm(256) bias");
  }

  @Test
  void aNamedRecurrentInitAppliesToEachGateBlock() {
    Map<String, ParameterValues> w = Fixtures.initialWeights(
        Net.input(STEPS, IN).gru(UNITS).recurrentInit(orthogonal(1.2)), 24);
    for (int gate = 0; gate < 3; gate++) {
      assertSemiOrthogonal(columns(w.get("gru_0/recurrent_kernel").values(), UNITS, 3 * UNITS,
          gate * UNITS, UNITS), 1.2, "orthogonal(1.2) gate " + gate);
    }

    float[] identity = Fixtures.initialWeights(
        Net.input(STEPS, IN).lstm(UNITS).recurrentInit(IDENTITY), 25)
        .get("lstm_0/recurrent_kernel").values();
    for (int r = 0; r < UNITS; r++) {
      for (int c = 0; c < 4 * UNITS; c++) {
        assertThat(identity[r * 4 * UNITS + c]).as("identity per gate at [%d][%d]", r, c)
            .isEqualTo(c % UNITS == r ? 1f : 0f);
      }
    }
  }

  @Test
  void fansArePerGateNotOfTheWholeKernel() {
    // glorot over the whole [64, 128] would give limit sqrt(6 / 192) = 0.177; per gate it is
    // sqrt(6 / 96) = 0.25, and each draw has |w| <= 0.245 with probability 0.98, so all 8192
    // stay below 0.245 with probability 0.98^8192 < 1e-70
    float[] kernel = Fixtures.initialWeights(Net.input(STEPS, IN).lstm(UNITS), 26)
        .get("lstm_0/kernel").values();
    double max = 0;
    for (float v : kernel) {
      max = Math.max(max, Math.abs(v));
    }
    assertThat(max).isGreaterThan(0.245).isLessThanOrEqualTo(0.25 * (1 + 1e-6));
  }
}
