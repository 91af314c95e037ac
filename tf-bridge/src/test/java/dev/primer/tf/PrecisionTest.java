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
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.proto.DataType;

/**
 * Mixed precision (bf16 products, fp32 master weights) and the compile options that choose it:
 * what it computes, that it trains as well as fp32, and the errors of bad choices.
 */
class PrecisionTest {
  private static final CpuFeatures AMX = CpuFeatures.parse(
      "model name : Xeon\nflags : avx512f avx512_bf16 amx_bf16 amx_tile\n");
  private static final CpuFeatures AVX512_BF16_ONLY = CpuFeatures.parse(
      "model name : EPYC\nflags : avx512f avx512_bf16\n");
  private static final CpuFeatures NEITHER = CpuFeatures.parse(
      "model name : Xeon E5\nflags : avx2 fma avx512f\n");

  @Test
  void autoCastsEveryProductWithAmxConvolutionsOnlyWithAvx512Bf16AndNothingElsewhere() {
    assertThat(Precision.AUTO.resolve(Device.CPU, AMX)).isEqualTo(Precision.BF16);
    assertThat(Precision.AUTO.resolve(Device.CPU, AVX512_BF16_ONLY))
        .isEqualTo(Precision.BF16_CONV);
    assertThat(Precision.AUTO.resolve(Device.CPU, NEITHER)).isEqualTo(Precision.FP32);
    assertThat(Precision.AUTO.resolve(Device.CPU, CpuFeatures.unknown()))
        .isEqualTo(Precision.FP32);
    for (CpuFeatures cpu : List.of(AMX, AVX512_BF16_ONLY, NEITHER)) {
      assertThat(Precision.AUTO.resolve(Device.GPU, cpu)).as(cpu.model())
          .isEqualTo(Precision.FP32);
      for (Precision asked : List.of(Precision.FP32, Precision.BF16, Precision.BF16_CONV)) {
        assertThat(asked.resolve(Device.CPU, cpu)).as(asked + " on " + cpu.model())
            .isEqualTo(asked);
        assertThat(asked.resolve(Device.GPU, cpu)).isEqualTo(asked);
      }
    }
  }

  @Test
  void namesParseCaseInsensitivelyAndAnUnknownOneListsTheAllowed() {
    assertThat(Precision.parse("bf16")).isEqualTo(Precision.BF16);
    assertThat(Precision.parse(" FP32 ")).isEqualTo(Precision.FP32);
    assertThat(Precision.parse("Auto")).isEqualTo(Precision.AUTO);
    assertThat(Precision.parse("bf16_conv")).isEqualTo(Precision.BF16_CONV);
    for (Precision p : Precision.values()) {
      assertThat(Precision.parse(p.label())).isEqualTo(p);
    }
    assertThatThrownBy(() -> Precision.parse("fp16"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("precision: unknown value 'fp16'; use one of fp32, bf16, bf16_conv, auto");
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
   * bf16 (or XLA) lowers the training loss and trains to fp32's test accuracy: each accuracy on n test examples has
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

  /**
   * The ops a trained conv net's graph computes its products with (forward and backward):
   * under BF16_CONV every convolution runs on bf16 operands cast from fp32 and is cast back,
   * while every MatMul stays fp32; BF16 (the contrast) multiplies the dense layers in bf16 too;
   * FP32 has no bf16 anywhere.
   */
  @Test
  void bf16ConvCastsAroundTheConvolutionsAndLeavesTheDenseProductsFp32() {
    NetSpec spec = Net.input(8, 8, 1).conv2d(4, 3).relu().conv2d(4, 3).relu().flatten()
        .dense(8).relu().dense(2).softmax();
    Map<String, List<DataType>> conv = productTypes(spec, Precision.BF16_CONV);
    assertThat(conv.get("Conv2D")).hasSizeGreaterThanOrEqualTo(2)
        .containsOnly(DataType.DT_BFLOAT16);
    assertThat(conv.get("Conv2DBackpropFilter")).hasSizeGreaterThanOrEqualTo(2)
        .containsOnly(DataType.DT_BFLOAT16);
    assertThat(conv.get("Conv2DBackpropInput")).isNotEmpty()
        .containsOnly(DataType.DT_BFLOAT16);
    assertThat(conv.get("MatMul")).hasSizeGreaterThanOrEqualTo(2)
        .containsOnly(DataType.DT_FLOAT);

    Map<String, List<DataType>> all = productTypes(spec, Precision.BF16);
    assertThat(all.get("Conv2D")).containsOnly(DataType.DT_BFLOAT16);
    assertThat(all.get("MatMul")).contains(DataType.DT_BFLOAT16);

    Map<String, List<DataType>> fp32 = productTypes(spec, Precision.FP32);
    assertThat(fp32.values()).allSatisfy(types -> assertThat(types)
        .containsOnly(DataType.DT_FLOAT));

    try (Model model = Model.compile(spec, 5, CompileOptions.defaults()
        .withPrecision(Precision.BF16_CONV))) {
      Graph graph = ModelGraphs.of(model).graph();
      List<GraphOperation> convolutions = operations(graph, "Conv2D");
      assertThat(convolutions).hasSizeGreaterThanOrEqualTo(2);
      for (GraphOperation c : convolutions) {
        assertThat(c.inputs()).as(c.name()).allSatisfy(input ->
            assertThat(((Output<?>) input).op().type()).isEqualTo("Cast"));
        assertThat(operations(graph, "Cast")).as("a Cast back to fp32 of " + c.name())
            .anySatisfy(cast -> {
              assertThat(cast.input(0).op().name()).isEqualTo(c.name());
              assertThat(cast.output(0).dataType()).isEqualTo(DataType.DT_FLOAT);
            });
      }
    }
  }

  /** A net without conv layers under BF16_CONV is the fp32 graph: not one bf16 value in it. */
  @Test
  void bf16ConvLeavesAnMlpEntirelyFp32() {
    NetSpec spec = Net.input(6).dense(8).relu().dense(2).softmax();
    assertThat(productTypes(spec, Precision.BF16_CONV).get("MatMul"))
        .hasSizeGreaterThanOrEqualTo(2).containsOnly(DataType.DT_FLOAT);
    try (Model model = Model.compile(spec, 5, CompileOptions.defaults()
        .withPrecision(Precision.BF16_CONV))) {
      model.fit(Fixtures.blobs(64, 6, 2, 3), FitOptions.defaults().withEpochs(1)
          .withBatchSize(32));
      ModelGraphs.of(model).graph().operations().forEachRemaining(op -> {
        for (int i = 0; i < op.numOutputs(); i++) {
          assertThat(op.output(i).dataType()).as(op.name())
              .isNotEqualTo(DataType.DT_BFLOAT16);
        }
      });
    }
  }

  /**
   * A small CNN trained with bf16 convolutions learns (its training loss falls) and reaches
   * fp32's test accuracy within the same sample-size tolerance as bf16 on the dense net.
   */
  @Test
  void bf16ConvTrainsACnnToTheAccuracyOfFp32() {
    InMemoryDataset train = Fixtures.bars(480, 8, 21);
    NetSpec spec = Net.input(8, 8, 1).conv2d(4, 3).relu().maxPool2d(2).flatten().dense(2)
        .softmax();
    trainsToTheAccuracyOfFp32(spec, train, Fixtures.bars(1000, 8, 22),
        FitOptions.defaults().withEpochs(6).withBatchSize(32)
            .withOptimizer(Optimizer.adam(0.01)),
        CompileOptions.defaults().withPrecision(Precision.BF16_CONV));
  }

  /** Output types of the MatMul and Conv2D ops of {@code spec}'s graph after a short fit. */
  private static Map<String, List<DataType>> productTypes(NetSpec spec, Precision precision) {
    InMemoryDataset data = spec.input().orElseThrow().rank() == 3
        ? Fixtures.bars(64, 8, 3) : Fixtures.blobs(64, 6, 2, 3);
    try (Model model = Model.compile(spec, 5, CompileOptions.defaults()
        .withPrecision(precision))) {
      model.fit(data, FitOptions.defaults().withEpochs(1).withBatchSize(32));
      Graph graph = ModelGraphs.of(model).graph();
      Map<String, List<DataType>> types = new TreeMap<>();
      for (String type : List.of("MatMul", "Conv2D", "Conv2DBackpropFilter",
          "Conv2DBackpropInput")) {
        types.put(type, operations(graph, type).stream().map(op -> op.output(0).dataType())
            .toList());
      }
      return types;
    }
  }

  private static List<GraphOperation> operations(Graph graph, String type) {
    List<GraphOperation> found = new ArrayList<>();
    graph.operations().forEachRemaining(op -> {
      if (op.type().equals(type)) {
        found.add(op);
      }
    });
    return found;
  }

  private static void trainsToTheAccuracyOfFp32(CompileOptions options) {
    trainsToTheAccuracyOfFp32(Net.input(20).dense(32).relu().dense(5).softmax(),
        Fixtures.blobs(1200, 20, 5, 11), Fixtures.blobs(1000, 20, 5, 12),
        FitOptions.defaults().withEpochs(8).withBatchSize(40), options);
  }

  private static void trainsToTheAccuracyOfFp32(NetSpec spec, InMemoryDataset train,
      InMemoryDataset test, FitOptions fit, CompileOptions options) {
    double a32;
    double a16;
    try (Model fp32 = Model.compile(spec, 9)) {
      fp32.fit(train, fit);
      a32 = fp32.evaluate(test).accuracy();
    }
    try (Model other = Model.compile(spec, 9, options)) {
      double before = other.evaluate(train).loss();
      other.fit(train, fit);
      assertThat(other.evaluate(train).loss()).as("training loss").isLessThan(before);
      a16 = other.evaluate(test).accuracy();
    }
    int n = test.size();
    double p = Math.min(Math.max(a32, 1.0 / n), 1 - 1.0 / n);
    double tolerance = Math.max(4 * Math.sqrt(2 * p * (1 - p) / n), 1.0 / n);
    assertThat(a32).isGreaterThan(0.9);
    assertThat(a16).isCloseTo(a32, org.assertj.core.data.Offset.offset(tolerance));
  }
}
