package dev.primer.tf.internal.init;

import static dev.primer.tf.internal.init.InitStatistics.TRUNCATED_STD;
import static dev.primer.tf.internal.init.InitStatistics.assertDrawnFrom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Fixtures;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.internal.init.InitStatistics.ConstantAt;
import dev.primer.tf.internal.init.InitStatistics.NormalWith;
import dev.primer.tf.internal.init.InitStatistics.TruncatedNormalWith;
import dev.primer.tf.internal.init.InitStatistics.UniformOn;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The schemes for residual nets and transformers (fixup, skipinit, zer_o, gpt2, t_fixup) and the
 * Hadamard sampler, drawn by TensorFlow through compiled models, against their formulas
 * recomputed here: exact values for the deterministic ones, statistics with tolerances from the
 * sample size (see {@link InitStatistics}) for the drawn ones.
 */
class NetSchemeInitTest {

  /** H_p by the doubling construction H_2p = [[H, H], [H, -H]]: independent of the code. */
  static int[][] sylvester(int p) {
    int[][] h = {{1}};
    while (h.length < p) {
      int n = h.length;
      int[][] next = new int[2 * n][2 * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          next[i][j] = h[i][j];
          next[i][j + n] = h[i][j];
          next[i + n][j] = h[i][j];
          next[i + n][j + n] = -h[i][j];
        }
      }
      h = next;
    }
    return h;
  }

  static void assertHadamardBlock(float[] w, int rows, int cols, double gain, String what) {
    int p = Integer.highestOneBit(Math.max(rows, cols) - 1) * 2;
    int[][] h = sylvester(Math.max(p, 1));
    for (int a = 0; a < rows; a++) {
      for (int b = 0; b < cols; b++) {
        assertThat(w[a * cols + b]).as("%s at (%d, %d)", what, a, b)
            .isEqualTo((float) (gain * h[a][b]));
      }
    }
  }

  static void assertPartialIdentity(float[] w, int rows, int cols, String what) {
    for (int a = 0; a < rows; a++) {
      for (int b = 0; b < cols; b++) {
        assertThat(w[a * cols + b]).as("%s at (%d, %d)", what, a, b)
            .isEqualTo(a == b ? 1f : 0f);
      }
    }
  }

  @ParameterizedTest(name = "hadamard({2}) on [{0}, {1}]")
  @CsvSource({"64, 64, 0.125", "10, 512, 1", "256, 784, 0.0441941738", "3, 5, -2"})
  void hadamardIsTheTopLeftBlockOfTheSylvesterMatrixTimesGain(int rows, int cols, double gain) {
    float[] w = Fixtures.initialWeights(
            Fixtures.oneLayer(Inits.hadamard(gain), Optional.empty(), rows, cols), 7)
        .get("dense_0/kernel").values();
    assertHadamardBlock(w, rows, cols, gain, "hadamard");
  }

  @Test
  void zerOIsIdentityWhereTheWidthShrinksAndHadamardWhereItGrows() {
    NetSpec spec = Net.input(784).dense(256).relu().dense(512).relu().dense(10).softmax()
        .defaultInit(Inits.ZER_O);
    Map<String, ParameterValues> w = Fixtures.initialWeights(spec, 3);

    assertPartialIdentity(w.get("dense_0/kernel").values(), 784, 256, "784 -> 256");
    // widening to 512 = 2^9: c = 2^(-(9 - 1)/2) = 1/16
    assertHadamardBlock(w.get("dense_1/kernel").values(), 256, 512, 1 / 16.0, "256 -> 512");
    assertPartialIdentity(w.get("dense_2/kernel").values(), 512, 10, "512 -> 10");
    for (String bias : new String[] {"dense_0/bias", "dense_1/bias", "dense_2/bias"}) {
      assertDrawnFrom(w.get(bias).values(), new ConstantAt(0), bias);
    }
    // deterministic: another seed gives the same values
    assertThat(Fixtures.sha256(Fixtures.initialWeights(spec, 4))).isEqualTo(Fixtures.sha256(w));
  }

  @Test
  void outsideResidualBranchesFixupIsHeNormalAndSkipInitHeTruncated() {
    NetSpec fixup = Net.input(784).dense(256).relu().dense(256).gelu().dense(10)
        .defaultInit(Inits.FIXUP);
    Map<String, ParameterValues> w = Fixtures.initialWeights(fixup, 5);
    assertDrawnFrom(w.get("dense_2/kernel").values(), new ConstantAt(0), "fixup classifier");
    assertDrawnFrom(w.get("dense_0/kernel").values(), new NormalWith(0, Math.sqrt(2.0 / 784)),
        "fixup dense_0");
    assertDrawnFrom(w.get("dense_1/kernel").values(), new NormalWith(0, Math.sqrt(2.0 / 256)),
        "fixup dense_1");
    // the scheme decides the biases: zeros even before gelu, where AUTO draws a random bias
    assertDrawnFrom(w.get("dense_1/bias").values(), new ConstantAt(0), "fixup dense_1/bias");

    NetSpec skip = Net.input(784).dense(256).gelu().defaultInit(Inits.SKIPINIT);
    Map<String, ParameterValues> s = Fixtures.initialWeights(skip, 6);
    assertDrawnFrom(s.get("dense_0/kernel").values(),
        new TruncatedNormalWith(0, Math.sqrt(2.0 / 784) / TRUNCATED_STD), "skipinit dense_0");
    assertDrawnFrom(s.get("dense_0/bias").values(), new ConstantAt(0), "skipinit bias");
  }

  @Test
  void outsideResidualBranchesGpt2IsNormalPointZeroTwoAndTFixupXavier() {
    NetSpec gpt2 = Net.input(512).dense(256).relu().dense(128).defaultInit(Inits.GPT2);
    Map<String, ParameterValues> w = Fixtures.initialWeights(gpt2, 8);
    for (String kernel : new String[] {"dense_0/kernel", "dense_1/kernel"}) {
      assertDrawnFrom(w.get(kernel).values(), new NormalWith(0, 0.02), "gpt2 " + kernel);
    }
    NetSpec tFixup = Net.input(512).dense(256).relu().defaultInit(Inits.T_FIXUP);
    assertDrawnFrom(Fixtures.initialWeights(tFixup, 9).get("dense_0/kernel").values(),
        UniformOn.symmetric(Math.sqrt(6.0 / (512 + 256))), "t_fixup dense_0");
  }

  /** 8 residual blocks of two dense layers, each with a learned scale written as 1. */
  static NetSpec residualNet(dev.primer.dsl.init.Init scheme) {
    return Net.parse("input(784).dense(256).relu()"
        + ".repeat(8,residual(dense(256).relu().dense(256)).scaled(1)).dense(10).softmax()")
        .withKernelInit(scheme);
  }

  @Test
  void fixupOnAResidualNetDrawsHeNormalScaledByOneOverSqrtLAndZeros() {
    Map<String, ParameterValues> w = Fixtures.initialWeights(residualNet(Inits.FIXUP), 21);
    // L = 8 branches of m = 2 layers: L^(-1/(2m-2)) = 8^(-1/2)
    for (String block : new String[] {"block_0", "block_7"}) {
      assertDrawnFrom(w.get(block + "/dense_0/kernel").values(),
          new NormalWith(0, Math.sqrt(2.0 / 256) / Math.sqrt(8)), block + "/dense_0");
      assertDrawnFrom(w.get(block + "/dense_1/kernel").values(), new ConstantAt(0),
          block + "/dense_1");
      assertDrawnFrom(w.get(block + "/dense_0/bias").values(), new ConstantAt(0), "bias");
      assertDrawnFrom(w.get(block + "/scale").values(), new ConstantAt(1), block + "/scale");
    }
    assertDrawnFrom(w.get("dense_0/kernel").values(), new NormalWith(0, Math.sqrt(2.0 / 784)),
        "dense_0, before the blocks");
    assertDrawnFrom(w.get("dense_1/kernel").values(), new ConstantAt(0), "the classifier");
  }

  @Test
  void skipInitGpt2AndTFixupOnAResidualNet() {
    Map<String, ParameterValues> skip = Fixtures.initialWeights(residualNet(Inits.SKIPINIT), 22);
    assertDrawnFrom(skip.get("block_3/scale").values(), new ConstantAt(0), "skipinit scale");
    assertDrawnFrom(skip.get("block_3/dense_1/kernel").values(),
        new TruncatedNormalWith(0, Math.sqrt(2.0 / 256) / TRUNCATED_STD), "skipinit kernel");

    Map<String, ParameterValues> gpt2 = Fixtures.initialWeights(residualNet(Inits.GPT2), 23);
    assertDrawnFrom(gpt2.get("block_3/dense_0/kernel").values(), new NormalWith(0, 0.02),
        "gpt2 first layer of a branch");
    assertDrawnFrom(gpt2.get("block_3/dense_1/kernel").values(),
        new NormalWith(0, 0.02 / Math.sqrt(8)), "gpt2 last layer of a branch");

    // N = L / 2 = 4 blocks: s = 0.67 * 4^(-1/4) times Xavier's limit sqrt(6 / (256 + 256))
    Map<String, ParameterValues> t = Fixtures.initialWeights(residualNet(Inits.T_FIXUP), 24);
    double s = 0.67 * Math.pow(4, -0.25);
    for (String layer : new String[] {"block_3/dense_0/kernel", "block_3/dense_1/kernel"}) {
      assertDrawnFrom(t.get(layer).values(), UniformOn.symmetric(s * Math.sqrt(6.0 / 512)),
          "t_fixup " + layer);
    }
    assertDrawnFrom(t.get("dense_0/kernel").values(),
        UniformOn.symmetric(Math.sqrt(6.0 / (784 + 256))), "t_fixup outside the blocks");
  }

  @Test
  void zerOOnAResidualNetIsTheIdentityThroughEveryBlock() {
    Map<String, ParameterValues> w = Fixtures.initialWeights(residualNet(Inits.ZER_O), 25);
    assertPartialIdentity(w.get("block_5/dense_0/kernel").values(), 256, 256, "block_5/dense_0");
    assertDrawnFrom(w.get("block_5/dense_1/kernel").values(), new ConstantAt(0), "last");
    assertPartialIdentity(w.get("dense_1/kernel").values(), 256, 10, "the classifier");
  }

  @Test
  void sylvesterHelperMatchesItsDefinition() {
    int[][] h = sylvester(4);
    assertThat(h).isDeepEqualTo(new int[][] {
        {1, 1, 1, 1}, {1, -1, 1, -1}, {1, 1, -1, -1}, {1, -1, -1, 1}});
    assertThat(Arrays.stream(h).mapToInt(r -> r.length).sum()).isEqualTo(16);
  }
}
