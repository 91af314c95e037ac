package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.device.CpuFeatures;
import dev.primer.tf.train.FitOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mixed precision (bf16 products, fp32 master weights) and the compile options that choose it:
 * what it computes, that it trains as well as fp32, and the errors of bad choices.
 */
class PrecisionTest {
  private static final CpuFeatures AMX = CpuFeatures.parse(
      "model name : Xeon\nflags : avx512f avx512_bf16 amx_bf16 amx_tile\n");
  private static final CpuFeatures NO_AMX = CpuFeatures.parse(
      "model name : EPYC\nflags : avx512f avx512_bf16\n");

  @Test
  void autoIsBf16OnlyOnACpuWithAmx() {
    assertThat(Precision.AUTO.resolve(Device.CPU, AMX)).isEqualTo(Precision.BF16);
    assertThat(Precision.AUTO.resolve(Device.CPU, NO_AMX)).isEqualTo(Precision.FP32);
    assertThat(Precision.AUTO.resolve(Device.GPU, AMX)).isEqualTo(Precision.FP32);
    assertThat(Precision.AUTO.resolve(Device.CPU, CpuFeatures.unknown()))
        .isEqualTo(Precision.FP32);
    assertThat(Precision.BF16.resolve(Device.CPU, NO_AMX)).isEqualTo(Precision.BF16);
    assertThat(Precision.FP32.resolve(Device.CPU, AMX)).isEqualTo(Precision.FP32);
  }

  @Test
  void namesParseCaseInsensitivelyAndAnUnknownOneListsTheAllowed() {
    assertThat(Precision.parse("bf16")).isEqualTo(Precision.BF16);
    assertThat(Precision.parse(" FP32 ")).isEqualTo(Precision.FP32);
    assertThat(Precision.parse("Auto")).isEqualTo(Precision.AUTO);
    assertThatThrownBy(() -> Precision.parse("fp16"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("precision: unknown value 'fp16'; use one of fp32, bf16, auto");
  }

  @Test
  void compileOptionsRefuseMissingValues() {
    assertThatThrownBy(() -> CompileOptions.defaults().withPrecision(null))
        .hasMessage("compile: device and precision are required");
    assertThat(CompileOptions.defaults()).isEqualTo(
        new CompileOptions(Device.CPU, Precision.FP32, false));
  }

  @Test
  void xlaOnTheCpuWithoutItsFlagIsRefusedSayingWhatToSet() {
    CompileOptions xla = CompileOptions.defaults().withXla(true);

    assertThatThrownBy(() -> xla.check(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compile: XLA on the CPU needs the environment variable"
            + " TF_XLA_FLAGS=--tf_xla_cpu_global_jit when the JVM starts (TensorFlow reads it"
            + " once per process; ./primer sets it); it is unset. Set it, or compile without"
            + " XLA.");
    assertThatThrownBy(() -> xla.check("--tf_xla_clustering_debug"))
        .hasMessageContaining("it is '--tf_xla_clustering_debug'.");
    xla.check("--tf_xla_clustering_debug --tf_xla_cpu_global_jit");
    xla.withDevice(Device.GPU).check(null);
    CompileOptions.defaults().check(null);
  }

  @Test
  void aModelAskedForXlaWithoutTheFlagFailsBeforeAnyGraphIsBuilt() {
    assumeFalse(CompileOptions.xlaAvailable(Device.CPU), "this JVM started with the XLA flag");

    assertThatThrownBy(() -> Model.compile(Net.input(4).dense(2), 1,
        CompileOptions.defaults().withXla(true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("compile: XLA on the CPU needs the environment variable");
  }

  /**
   * One dense layer, same weights: each bf16 output differs from fp32 by at most the rounding of
   * x and w to bf16 (relative 2^-8 each, 8 significant bits) summed over the products, plus the
   * product's own rounding to bf16 (2^-8 |y|), plus fp32 accumulation slack; and it does differ,
   * so the bf16 path is the one taken.
   */
  @Test
  void bf16ProductsStayWithinBf16RoundingOfFp32() {
    int in = 64;
    int out = 16;
    NetSpec spec = Net.input(in).dense(out).init(Inits.HE_NORMAL);
    InMemoryDataset data = Fixtures.blobs(32, in, 4, 5);
    float[] x = Fixtures.features(data);
    try (Model fp32 = Model.compile(spec, 3);
         Model bf16 = Model.compile(spec, 3, CompileOptions.defaults()
             .withPrecision(Precision.BF16))) {
      assertThat(bf16.precision()).isEqualTo(Precision.BF16);
      Map<String, ParameterValues> weights = fp32.weights();
      assertThat(bf16.weights().get("dense_0/kernel").values())
          .containsExactly(weights.get("dense_0/kernel").values());
      float[] w = weights.get("dense_0/kernel").values();
      float[] y32 = fp32.predict(x);
      float[] y16 = bf16.predict(x);
      double largest = 0;
      for (int i = 0; i < 32; i++) {
        for (int j = 0; j < out; j++) {
          double magnitude = 0;
          for (int k = 0; k < in; k++) {
            magnitude += Math.abs(x[i * in + k] * w[k * out + j]);
          }
          double bound = 2 * Math.pow(2, -8) * magnitude
              + Math.pow(2, -8) * Math.abs(y32[i * out + j]) + 1e-5 * magnitude;
          double diff = Math.abs(y16[i * out + j] - y32[i * out + j]);
          assertThat(diff).as("example %d, unit %d", i, j).isLessThanOrEqualTo(bound);
          largest = Math.max(largest, diff);
        }
      }
      assertThat(largest).isPositive();
    }
  }

  /**
   * bf16 (or XLA) trains to fp32's test accuracy: each accuracy on n test examples has
   * standard error at most sqrt(p (1 - p) / n) with p the fp32 accuracy; the two differ by less
   * than 4 standard errors of a difference (sqrt 2 each), or one example, whichever is larger.
   */
  @Test
  void bf16TrainsToTheAccuracyOfFp32() {
    trainsToTheAccuracyOfFp32(CompileOptions.defaults().withPrecision(Precision.BF16));
  }

  /** XLA compiles the same graph into other kernels: the accuracy is fp32's, as for bf16. */
  @Test
  void xlaTrainsToTheAccuracyOfFp32() {
    assumeTrue(CompileOptions.xlaAvailable(Device.CPU),
        "this JVM started without TF_XLA_FLAGS=--tf_xla_cpu_global_jit (tf-bridge's pom sets it)");
    trainsToTheAccuracyOfFp32(CompileOptions.defaults().withXla(true));
  }

  private static void trainsToTheAccuracyOfFp32(CompileOptions options) {
    InMemoryDataset train = Fixtures.blobs(1200, 20, 5, 11);
    InMemoryDataset test = Fixtures.blobs(1000, 20, 5, 12);
    NetSpec spec = Net.input(20).dense(32).relu().dense(5).softmax();
    FitOptions fit = FitOptions.defaults().withEpochs(8).withBatchSize(40);
    double a32;
    double a16;
    try (Model fp32 = Model.compile(spec, 9)) {
      fp32.fit(train, fit);
      a32 = fp32.evaluate(test).accuracy();
    }
    try (Model other = Model.compile(spec, 9, options)) {
      other.fit(train, fit);
      a16 = other.evaluate(test).accuracy();
    }
    int n = test.size();
    double p = Math.min(Math.max(a32, 1.0 / n), 1 - 1.0 / n);
    double tolerance = Math.max(4 * Math.sqrt(2 * p * (1 - p) / n), 1.0 / n);
    assertThat(a32).isGreaterThan(0.9);
    assertThat(a16).isCloseTo(a32, org.assertj.core.data.Offset.offset(tolerance));
  }
}
