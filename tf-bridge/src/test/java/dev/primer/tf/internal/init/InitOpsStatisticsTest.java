package dev.primer.tf.internal.init;

import static dev.primer.dsl.init.Inits.AUTO;
import static dev.primer.dsl.init.Inits.GLOROT_NORMAL;
import static dev.primer.dsl.init.Inits.GLOROT_NORMAL_UNTRUNCATED;
import static dev.primer.dsl.init.Inits.GLOROT_UNIFORM;
import static dev.primer.dsl.init.Inits.HE_NORMAL;
import static dev.primer.dsl.init.Inits.HE_NORMAL_UNTRUNCATED;
import static dev.primer.dsl.init.Inits.HE_UNIFORM;
import static dev.primer.dsl.init.Inits.KERAS_DEFAULT;
import static dev.primer.dsl.init.Inits.LECUN_NORMAL;
import static dev.primer.dsl.init.Inits.LECUN_NORMAL_UNTRUNCATED;
import static dev.primer.dsl.init.Inits.LECUN_UNIFORM;
import static dev.primer.dsl.init.Inits.ONES;
import static dev.primer.dsl.init.Inits.PYTORCH_DEFAULT;
import static dev.primer.dsl.init.Inits.ZEROS;
import static dev.primer.dsl.init.Inits.constant;
import static dev.primer.dsl.init.Inits.normal;
import static dev.primer.dsl.init.Inits.truncatedNormal;
import static dev.primer.dsl.init.Inits.uniform;
import static dev.primer.dsl.init.Inits.varianceScaling;
import static dev.primer.tf.internal.init.InitStatistics.TRUNCATED_STD;
import static dev.primer.tf.internal.init.InitStatistics.assertDrawnFrom;
import static dev.primer.tf.internal.init.InitStatistics.fanIn;
import static dev.primer.tf.internal.init.InitStatistics.fanOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Fixtures;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.internal.init.InitStatistics.ConstantAt;
import dev.primer.tf.internal.init.InitStatistics.Expected;
import dev.primer.tf.internal.init.InitStatistics.NormalWith;
import dev.primer.tf.internal.init.InitStatistics.TruncatedNormalWith;
import dev.primer.tf.internal.init.InitStatistics.UniformOn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every distribution-based initializer, drawn by TensorFlow through a compiled one-layer model,
 * against the formula in its Javadoc recomputed here: dense kernels [784, 256] and [256, 10],
 * conv kernels [5, 5, 32, 64] and [3, 3, 3, 16] (fans as in {@code Fans}: the receptive field
 * times the channels, input channels counted once). See {@link InitStatistics} for tolerances.
 */
class InitOpsStatisticsTest {

  static final int[][] SHAPES = {{784, 256}, {256, 10}, {5, 5, 32, 64}, {3, 3, 3, 16}};

  /** A kernel initializer (maybe after an activation, for AUTO) and what its formula gives. */
  record Case(String name, Init init, Optional<Activation> activation,
      Function<int[], Expected> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  // ------------------------------------------------------------------ formulas, recomputed

  /** U(-l, l) with variance v: l = sqrt(3 v). */
  static Expected uniformWithVariance(double variance) {
    return UniformOn.symmetric(Math.sqrt(3 * variance));
  }

  /** A truncated normal whose values have variance v: std before truncation sqrt(v) / 0.8796. */
  static Expected truncatedWithVariance(double variance) {
    return new TruncatedNormalWith(0, Math.sqrt(variance) / TRUNCATED_STD);
  }

  static Expected normalWithVariance(double variance) {
    return new NormalWith(0, Math.sqrt(variance));
  }

  static double fanAvg(int[] s) {
    return (fanIn(s) + fanOut(s)) / 2.0;
  }

  static double fanGeoAvg(int[] s) {
    return Math.sqrt((double) fanIn(s) * fanOut(s));
  }

  static Case kernel(String name, Init init, Function<int[], Expected> expected) {
    return new Case(name, init, Optional.empty(), expected);
  }

  static Case after(Activation activation, Init init, Function<int[], Expected> expected) {
    return new Case(InitNames.text(init) + " after " + activation.text(), init,
        Optional.of(activation), expected);
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>(List.of(
        // Glorot and Bengio 2010: variance 2 / (fan_in + fan_out)
        kernel("glorot_uniform", GLOROT_UNIFORM, s -> uniformWithVariance(1 / fanAvg(s))),
        kernel("glorot_normal", GLOROT_NORMAL, s -> truncatedWithVariance(1 / fanAvg(s))),
        kernel("glorot_normal_untruncated", GLOROT_NORMAL_UNTRUNCATED,
            s -> normalWithVariance(1 / fanAvg(s))),
        // He et al. 2015: variance 2 / fan_in
        kernel("he_uniform", HE_UNIFORM, s -> UniformOn.symmetric(Math.sqrt(6.0 / fanIn(s)))),
        kernel("he_normal", HE_NORMAL, s -> truncatedWithVariance(2.0 / fanIn(s))),
        kernel("he_normal_untruncated", HE_NORMAL_UNTRUNCATED,
            s -> new NormalWith(0, Math.sqrt(2.0 / fanIn(s)))),
        // LeCun 1998: variance 1 / fan_in
        kernel("lecun_uniform", LECUN_UNIFORM, s -> UniformOn.symmetric(Math.sqrt(3.0 / fanIn(s)))),
        kernel("lecun_normal", LECUN_NORMAL, s -> truncatedWithVariance(1.0 / fanIn(s))),
        kernel("lecun_normal_untruncated", LECUN_NORMAL_UNTRUNCATED,
            s -> normalWithVariance(1.0 / fanIn(s))),
        // variance scaling with the other fan modes
        kernel("variance_scaling(2,fan_out,uniform)",
            varianceScaling(2, FanMode.FAN_OUT, Distribution.UNIFORM),
            s -> UniformOn.symmetric(Math.sqrt(6.0 / fanOut(s)))),
        kernel("variance_scaling(0.5,fan_out,normal)",
            varianceScaling(0.5, FanMode.FAN_OUT, Distribution.NORMAL),
            s -> normalWithVariance(0.5 / fanOut(s))),
        kernel("variance_scaling(1.5,fan_out,truncated_normal)",
            varianceScaling(1.5, FanMode.FAN_OUT, Distribution.TRUNCATED_NORMAL),
            s -> truncatedWithVariance(1.5 / fanOut(s))),
        kernel("variance_scaling(3,fan_geo_avg,uniform)",
            varianceScaling(3, FanMode.FAN_GEO_AVG, Distribution.UNIFORM),
            s -> uniformWithVariance(3 / fanGeoAvg(s))),
        kernel("variance_scaling(1,fan_geo_avg,normal)",
            varianceScaling(1, FanMode.FAN_GEO_AVG, Distribution.NORMAL),
            s -> normalWithVariance(1 / fanGeoAvg(s))),
        kernel("variance_scaling(2,fan_geo_avg,truncated_normal)",
            varianceScaling(2, FanMode.FAN_GEO_AVG, Distribution.TRUNCATED_NORMAL),
            s -> truncatedWithVariance(2 / fanGeoAvg(s))),
        // the plain distributions: their arguments, whatever the shape
        kernel("normal(0.5,0.1)", normal(0.5, 0.1), s -> new NormalWith(0.5, 0.1)),
        kernel("uniform(-0.1,0.3)", uniform(-0.1, 0.3), s -> new UniformOn(-0.1, 0.3)),
        kernel("truncated_normal(0.2,0.05)", truncatedNormal(0.2, 0.05),
            s -> new TruncatedNormalWith(0.2, 0.05)),
        kernel("constant(0.1)", constant(0.1), s -> new ConstantAt(0.1)),
        kernel("constant(-2.5)", constant(-2.5), s -> new ConstantAt(-2.5)),
        kernel("zeros", ZEROS, s -> new ConstantAt(0)),
        kernel("ones", ONES, s -> new ConstantAt(1)),
        kernel("normal(0.3,0)", normal(0.3, 0), s -> new ConstantAt(0.3)),
        // framework presets: PyTorch's kaiming_uniform_(a=sqrt 5) is U(+-1/sqrt(fan_in))
        kernel("pytorch_default", PYTORCH_DEFAULT,
            s -> UniformOn.symmetric(1 / Math.sqrt(fanIn(s)))),
        kernel("keras_default", KERAS_DEFAULT, s -> uniformWithVariance(1 / fanAvg(s)))));
    // AUTO on a first layer (standardised input, second moment 1): variance 1 / fan_in before
    // every elementwise activation; gelu and swish (1 - sigma_b^2) / fan_in beside their random
    // bias (sigma_b^2 = 1 - 1/lambda^2: 0.235988, 0.272715); Glorot uniform before the others
    for (Activation a : List.of(Activation.relu(), Activation.elu(), Activation.leakyRelu(0.2),
        Activation.selu(), Activation.tanh(), Activation.sigmoid())) {
      cases.add(after(a, AUTO, s -> truncatedWithVariance(1.0 / fanIn(s))));
    }
    cases.add(after(Activation.gelu(), AUTO,
        s -> truncatedWithVariance((1 - 0.235988) / fanIn(s))));
    cases.add(after(Activation.swish(), AUTO,
        s -> truncatedWithVariance((1 - 0.272715) / fanIn(s))));
    for (Activation a : List.of(Activation.softmax(), Activation.linear())) {
      cases.add(after(a, AUTO, s -> uniformWithVariance(1 / fanAvg(s))));
    }
    cases.add(kernel("auto, no activation", AUTO, s -> uniformWithVariance(1 / fanAvg(s))));
    return cases;
  }

  static Stream<Arguments> kernels() {
    return cases().stream().flatMap(c -> Arrays.stream(SHAPES)
        .map(shape -> Arguments.of(c, Arrays.toString(shape), shape)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("kernels")
  void kernelFollowsItsFormula(Case c, String shapeText, int[] shape) {
    NetSpec spec = Fixtures.oneLayer(c.init(), c.activation(), shape);
    ParameterValues kernel = Fixtures.initialWeights(spec, Fixtures.seedFor(c.name(), shape))
        .get(Fixtures.kernelName(shape));

    assertThat(kernel.shape().toArray()).isEqualTo(shape);
    assertDrawnFrom(kernel.values(), c.expected().apply(shape), c.name() + " " + shapeText);
  }

  // ------------------------------------------------------------------ biases

  /** A bias choice: the kernel init, the bias init (null: none named) and the expected bias. */
  record BiasCase(String name, Init kernel, Init bias, Function<int[], Expected> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> biases() {
    List<BiasCase> cases = List.of(
        // PyTorch: bias U(+-1/sqrt(fan_in)) with the kernel's fan_in
        new BiasCase("pytorch_default", PYTORCH_DEFAULT, null,
            s -> UniformOn.symmetric(1 / Math.sqrt(fanIn(s)))),
        new BiasCase("keras_default", KERAS_DEFAULT, null, s -> new ConstantAt(0)),
        new BiasCase("auto", AUTO, null, s -> new ConstantAt(0)),
        new BiasCase("bias(constant(0.1))", HE_NORMAL, constant(0.1), s -> new ConstantAt(0.1)),
        new BiasCase("bias(uniform(-0.2,0.2))", HE_NORMAL, uniform(-0.2, 0.2),
            s -> new UniformOn(-0.2, 0.2)),
        new BiasCase("bias(normal(0,0.5))", HE_NORMAL, normal(0, 0.5),
            s -> new NormalWith(0, 0.5)));
    return cases.stream().flatMap(c -> Arrays.stream(SHAPES)
        .map(shape -> Arguments.of(c, Arrays.toString(shape), shape)));
  }

  @ParameterizedTest(name = "{0} on the bias of {1}")
  @MethodSource("biases")
  void biasFollowsItsFormula(BiasCase c, String shapeText, int[] shape) {
    NetSpec spec = Fixtures.oneLayer(c.kernel(), Optional.empty(), shape);
    if (c.bias() != null) {
      spec = withBias(shape, c.kernel(), c.bias());
    }
    ParameterValues bias = Fixtures.initialWeights(spec, Fixtures.seedFor(c.name(), shape))
        .get(Fixtures.biasName(shape));

    assertThat(bias.shape().toArray()).containsExactly(shape[shape.length - 1]);
    assertDrawnFrom(bias.values(), c.expected().apply(shape), c.name() + " " + shapeText);
  }

  private static NetSpec withBias(int[] shape, Init kernel, Init bias) {
    return shape.length == 2
        ? Net.input(shape[0]).dense(shape[1]).init(kernel).bias(bias)
        : Net.input(shape[0], shape[1], shape[2]).conv2d(shape[3], shape[0]).init(kernel)
            .bias(bias);
  }

  @Test
  void netWideDefaultsFillEveryLayerThatNamesNone() {
    NetSpec spec = Net.input(784).dense(256).relu().dense(10).init(LECUN_UNIFORM).softmax()
        .defaultInit(HE_UNIFORM).defaultBias(constant(0.25));
    Map<String, ParameterValues> w = Fixtures.initialWeights(spec, 5);

    assertDrawnFrom(w.get("dense_0/kernel").values(),
        UniformOn.symmetric(Math.sqrt(6.0 / 784)), "net-wide he_uniform");
    assertDrawnFrom(w.get("dense_1/kernel").values(),
        UniformOn.symmetric(Math.sqrt(3.0 / 256)), "the layer's own lecun_uniform");
    assertDrawnFrom(w.get("dense_0/bias").values(), new ConstantAt(0.25), "net-wide bias");
    assertDrawnFrom(w.get("dense_1/bias").values(), new ConstantAt(0.25), "net-wide bias");
  }

  // ------------------------------------------------------------------ AUTO in a whole net

  @Test
  void autoFollowsTheSignalThroughTheReluLayersOfANet() {
    NetSpec spec = Net.input(784).dense(256).relu().dense(128).batchNorm().relu().dense(10)
        .softmax();
    Map<String, ParameterValues> w = Fixtures.initialWeights(spec, 11);

    // the first layer keeps the standardised input's second moment 1; relu then passes on 1/2
    assertDrawnFrom(w.get("dense_0/kernel").values(), truncatedWithVariance(1.0 / 784),
        "dense_0 (relu, first layer): lecun_normal");
    // AUTO looks past batch norm to the relu after it
    assertDrawnFrom(w.get("dense_1/kernel").values(), truncatedWithVariance(2.0 / 256),
        "dense_1 (batch norm, then relu): he_normal");
    assertDrawnFrom(w.get("dense_2/kernel").values(), uniformWithVariance(2.0 / (128 + 10)),
        "dense_2 (softmax): glorot_uniform");
    for (String bias : List.of("dense_0/bias", "dense_1/bias", "dense_2/bias")) {
      assertDrawnFrom(w.get(bias).values(), new ConstantAt(0), bias);
    }
  }

  @Test
  void batchNormStartsAsTheIdentityWithUnitMovingVariance() {
    Map<String, ParameterValues> w =
        Fixtures.initialWeights(Net.input(6, 6, 8).batchNorm(), 3);

    assertThat(w.keySet()).containsExactly("batch_norm_0/gamma", "batch_norm_0/beta",
        "batch_norm_0/moving_mean", "batch_norm_0/moving_variance");
    assertDrawnFrom(w.get("batch_norm_0/gamma").values(), new ConstantAt(1), "gamma");
    assertDrawnFrom(w.get("batch_norm_0/beta").values(), new ConstantAt(0), "beta");
    assertDrawnFrom(w.get("batch_norm_0/moving_mean").values(), new ConstantAt(0), "mean");
    assertDrawnFrom(w.get("batch_norm_0/moving_variance").values(), new ConstantAt(1), "var");
    assertThat(w.get("batch_norm_0/gamma").values()).hasSize(8);
  }

  @Test
  void theTruncationConstantIsTheStdOfTheUnitNormalTruncatedAtTwo() {
    // recomputed from phi and Phi; Keras, JAX and the DSL use 0.87962566103423978
    assertThat(TRUNCATED_STD).isCloseTo(0.87962566103423978, within(1e-15));
  }
}
