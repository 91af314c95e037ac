package dev.primer.dsl.resolve;

import static dev.primer.dsl.init.Inits.AUTO;
import static dev.primer.dsl.init.Inits.DELTA_ORTHOGONAL;
import static dev.primer.dsl.init.Inits.GLOROT_UNIFORM;
import static dev.primer.dsl.init.Inits.HE;
import static dev.primer.dsl.init.Inits.HE_NORMAL;
import static dev.primer.dsl.init.Inits.HE_UNIFORM;
import static dev.primer.dsl.init.Inits.IDENTITY;
import static dev.primer.dsl.init.Inits.KERAS_DEFAULT;
import static dev.primer.dsl.init.Inits.LECUN_UNIFORM;
import static dev.primer.dsl.init.Inits.ONES;
import static dev.primer.dsl.init.Inits.ORTHOGONAL;
import static dev.primer.dsl.init.Inits.PYTORCH_DEFAULT;
import static dev.primer.dsl.init.Inits.ZEROS;
import static dev.primer.dsl.init.Inits.constant;
import static dev.primer.dsl.init.Inits.normal;
import static dev.primer.dsl.init.Inits.orthogonal;
import static dev.primer.dsl.init.Inits.sparse;
import static dev.primer.dsl.init.Inits.uniform;
import static java.lang.Math.sqrt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Fans;
import dev.primer.dsl.init.Normal;
import dev.primer.dsl.init.Sampler;
import dev.primer.dsl.init.TruncatedNormal;
import dev.primer.dsl.init.Uniform;
import dev.primer.dsl.init.UniformSum;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.spec.NetSpec;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Fans, AUTO, the framework presets and the precedence rules, through resolved nets. */
class InitResolverTest {

  private static final double C = 0.87962566103423978;
  private static final double TIGHT = 1e-14;

  private static Parameter parameter(NetSpec spec, String name) {
    return spec.resolve().parameter(name).orElseThrow(() -> new AssertionError("no " + name));
  }

  private static List<Sampler> samplers(NetSpec spec, String name) {
    return parameter(spec, name).blocks().stream().map(Block::sampler).toList();
  }

  private static Sampler sampler(NetSpec spec, String name) {
    List<Sampler> all = samplers(spec, name);
    assertThat(all).as(name).hasSize(1);
    return all.get(0);
  }

  private static void assertUniform(Sampler s, double limit) {
    assertThat(s).isInstanceOfSatisfying(Uniform.class, u -> {
      assertThat(u.hi()).isCloseTo(limit, within(limit * TIGHT));
      assertThat(u.lo()).isEqualTo(-u.hi());
    });
  }

  private static void assertTruncatedNormal(Sampler s, double std) {
    assertThat(s).isInstanceOfSatisfying(TruncatedNormal.class, t -> {
      assertThat(t.mean()).isZero();
      assertThat(t.std()).isCloseTo(std, within(std * TIGHT));
    });
  }

  @Nested
  class FansOfEveryParameterKind {

    @Test
    void denseKernelAndBias() {
      NetSpec net = Net.input(784).dense(256).relu();
      assertThat(parameter(net, "dense_0/kernel").fans()).isEqualTo(new Fans(784, 256));
      assertThat(parameter(net, "dense_0/bias").fans()).isEqualTo(new Fans(784, 256));
    }

    @Test
    void convKernelsAndBiases() {
      NetSpec big = Net.input(12, 12, 32).conv2d(64, 5);
      assertThat(parameter(big, "conv2d_0/kernel").fans()).isEqualTo(new Fans(800, 1600));
      assertThat(parameter(big, "conv2d_0/bias").fans()).isEqualTo(new Fans(800, 1600));
      NetSpec rgb = Net.input(32, 32, 3).conv2d(16, 3);
      assertThat(parameter(rgb, "conv2d_0/kernel").fans()).isEqualTo(new Fans(27, 144));
      assertThat(parameter(rgb, "conv2d_0/bias").fans()).isEqualTo(new Fans(27, 144));
    }

    @Test
    void recurrentParametersPerGate() {
      NetSpec net = Net.input(28, 28).lstm(64);
      Parameter kernel = parameter(net, "lstm_0/kernel");
      assertThat(kernel.shape()).isEqualTo(Shape.of(28, 256));
      assertThat(kernel.blocks()).hasSize(4).allSatisfy(b -> {
        assertThat(b.shape()).isEqualTo(Shape.of(28, 64));
        assertThat(b.fans()).isEqualTo(new Fans(28, 64));
      });
      assertThat(kernel.blocks()).extracting(Block::index).containsExactly(0, 1, 2, 3);
      Parameter recurrent = parameter(net, "lstm_0/recurrent_kernel");
      assertThat(recurrent.blocks()).hasSize(4).allSatisfy(b -> {
        assertThat(b.shape()).isEqualTo(Shape.of(64, 64));
        assertThat(b.fans()).isEqualTo(new Fans(64, 64));
      });
      Parameter bias = parameter(net, "lstm_0/bias");
      assertThat(bias.blocks()).hasSize(4).allSatisfy(b -> {
        assertThat(b.shape()).isEqualTo(Shape.of(64));
        assertThat(b.fans()).isEqualTo(new Fans(28, 64)); // its kernel block's
      });
      NetSpec gru = Net.input(10, 5).gru(7);
      assertThat(parameter(gru, "gru_0/kernel").blocks()).hasSize(3)
          .allSatisfy(b -> assertThat(b.fans()).isEqualTo(new Fans(5, 7)));
      assertThat(parameter(gru, "gru_0/recurrent_kernel").blocks())
          .allSatisfy(b -> assertThat(b.fans()).isEqualTo(new Fans(7, 7)));
      NetSpec rnn = Net.input(10, 5).simpleRnn(7);
      assertThat(parameter(rnn, "simple_rnn_0/kernel").blocks()).singleElement()
          .satisfies(b -> assertThat(b.fans()).isEqualTo(new Fans(5, 7)));
    }

    @Test
    void batchNormVectorsHaveTheirLengthAsBothFans() {
      NetSpec net = Net.input(4, 4, 6).batchNorm();
      assertThat(parameter(net, "batch_norm_0/gamma").fans()).isEqualTo(new Fans(6, 6));
    }
  }

  @Nested
  class AutoChoices {

    private Sampler kernelAfter(Function<dev.primer.dsl.spec.WeightedStep, NetSpec> activation) {
      return sampler(activation.apply(Net.input(784).dense(256)), "dense_0/kernel");
    }

    /** The second layer's kernel, after a first layer of the same activation. */
    private Sampler secondKernel(String activation) {
      return sampler(Net.parse("input(784).dense(256)." + activation + ".dense(256)."
          + activation), "dense_1/kernel");
    }

    @Test
    void theFirstLayerKeepsStandardisedInputWhateverFollows() {
      double lecun = sqrt(1.0 / 784) / C;
      assertTruncatedNormal(kernelAfter(s -> s.relu()), lecun);
      assertTruncatedNormal(kernelAfter(s -> s.selu()), lecun);
      assertTruncatedNormal(kernelAfter(s -> s.tanh()), lecun);
      assertTruncatedNormal(kernelAfter(s -> s.sigmoid()), lecun);
      assertTruncatedNormal(kernelAfter(s -> s.elu(0.3)), lecun);
    }

    @Test
    void laterLayersUndoWhatTheActivationBeforeThemTookAway() {
      // scale 1 / E[phi(z)^2], z ~ N(0, 1): relu 2 (He), selu 1 (LeCun), leakyRelu 2 / (1 + a^2)
      assertTruncatedNormal(secondKernel("relu()"), sqrt(2.0 / 256) / C);
      assertTruncatedNormal(secondKernel("leakyRelu(0)"), sqrt(2.0 / 256) / C);
      assertTruncatedNormal(secondKernel("selu()"), sqrt(1.0 / 256) / C);
      for (double a : new double[] {0.01, 0.2, 0.5}) {
        TruncatedNormal t = (TruncatedNormal) secondKernel("leakyRelu(" + a + ")");
        assertThat(t.std()).isCloseTo(sqrt(2 / (1 + a * a) / 256) / C, within(1e-6 * t.std()));
      }
      // gelu, swish, tanh, sigmoid: their own numbers (see AutoTest), no longer He or Glorot
      TruncatedNormal tanh = (TruncatedNormal) secondKernel("tanh()");
      assertThat(tanh.std()).isCloseTo(sqrt(2.536175 / 256) / C, within(1e-6 * tanh.std()));
      // gelu: (1 - sigma_b^2) / E[gelu^2] = 1.796738 with a normal(0, 0.486) bias (see AutoTest)
      TruncatedNormal gelu = (TruncatedNormal) secondKernel("gelu()");
      assertThat(gelu.std()).isCloseTo(sqrt(1.796738 / 256) / C, within(1e-6 * gelu.std()));
    }

    @Test
    void linearSoftmaxOrNoneGetGlorotUniform() {
      double glorot = sqrt(6.0 / (784 + 256));
      assertUniform(kernelAfter(s -> s.softmax()), glorot);
      assertUniform(kernelAfter(s -> s.linear()), glorot);
      assertUniform(kernelAfter(s -> s), glorot);
    }

    @Test
    void theSignalIsFollowedThroughDropoutBatchNormAndPooling() {
      // relu then dropout(0.5): E[x^2] = (1/2) / (1 - 0.5) = 1, so scale 1
      assertTruncatedNormal(sampler(Net.input(784).dense(256).relu().dropout(0.5).dense(256)
          .relu(), "dense_1/kernel"), sqrt(1.0 / 256) / C);
      // a named init before: he_uniform on the first layer gives q = 2, relu passes 1: scale 1
      assertTruncatedNormal(sampler(Net.input(784).dense(256).relu().init(HE_UNIFORM)
          .dense(256).relu(), "dense_1/kernel"), sqrt(1.0 / 256) / C);
      // batch norm resets to 1 before its relu: 2 again, even after a huge named init
      assertTruncatedNormal(sampler(Net.input(784).dense(256).init(normal(0, 3)).batchNorm()
          .relu().dense(256).relu(), "dense_1/kernel"), sqrt(2.0 / 256) / C);
      // avgPool2d(2) of relu(z): mu^2 + (1/2 - mu^2) / 4, mu = 1 / sqrt(2 pi)
      double mu2 = 1 / (2 * Math.PI);
      double pooled = mu2 + (0.5 - mu2) / 4;
      TruncatedNormal afterAvg = (TruncatedNormal) sampler(Net.input(8, 8, 4).conv2d(8, 3).relu()
          .avgPool2d(2).conv2d(8, 3).relu(), "conv2d_1/kernel");
      assertThat(afterAvg.std()).isCloseTo(sqrt(1 / pooled / 72) / C,
          within(1e-5 * afterAvg.std()));
    }

    @Test
    void convKernelsOnTheIssuesShapes() {
      assertTruncatedNormal(sampler(Net.input(12, 12, 32).conv2d(64, 5).relu(), "conv2d_0/kernel"),
          sqrt(1.0 / 800) / C);
      assertTruncatedNormal(sampler(Net.input(32, 32, 3).conv2d(16, 3).tanh(), "conv2d_0/kernel"),
          sqrt(1.0 / 27) / C);
    }

    @Test
    void biasesAreZeros() {
      assertThat(sampler(Net.input(784).dense(256).relu(), "dense_0/bias")).isEqualTo(ZEROS);
      assertThat(sampler(Net.input(8, 8, 3).conv2d(4, 3).selu(), "conv2d_0/bias")).isEqualTo(ZEROS);
    }

    @Test
    void recurrentLayers() {
      NetSpec lstm = Net.input(28, 28).lstm(64).relu(); // the activation does not matter
      assertThat(samplers(lstm, "lstm_0/kernel")).hasSize(4)
          .allSatisfy(s -> assertUniform(s, sqrt(6.0 / (28 + 64))));
      assertThat(samplers(lstm, "lstm_0/recurrent_kernel")).containsExactly(
          ORTHOGONAL, ORTHOGONAL, ORTHOGONAL, ORTHOGONAL);
      assertThat(samplers(lstm, "lstm_0/bias")).containsExactly(ZEROS, ONES, ZEROS, ZEROS);
      NetSpec gru = Net.input(28, 28).gru(32, Returns.SEQUENCES);
      assertThat(samplers(gru, "gru_0/kernel")).hasSize(3)
          .allSatisfy(s -> assertUniform(s, sqrt(6.0 / (28 + 32))));
      assertThat(samplers(gru, "gru_0/recurrent_kernel")).containsOnly(ORTHOGONAL);
      assertThat(samplers(gru, "gru_0/bias")).containsExactly(ZEROS, ZEROS, ZEROS);
      NetSpec rnn = Net.input(28, 28).simpleRnn(16).tanh();
      assertThat(samplers(rnn, "simple_rnn_0/recurrent_kernel")).containsExactly(ORTHOGONAL);
      assertThat(samplers(rnn, "simple_rnn_0/bias")).containsExactly(ZEROS);
    }

    @Test
    void batchNormIsFixed() {
      NetSpec net = Net.input(64).defaultInit(PYTORCH_DEFAULT).defaultBias(constant(3))
          .dense(32).batchNorm();
      assertThat(sampler(net, "batch_norm_0/gamma")).isEqualTo(ONES);
      assertThat(sampler(net, "batch_norm_0/beta")).isEqualTo(ZEROS);
      assertThat(sampler(net, "batch_norm_0/moving_mean")).isEqualTo(ZEROS);
      assertThat(sampler(net, "batch_norm_0/moving_variance")).isEqualTo(ONES);
    }

    @Test
    void looksThroughLayersThatDoNotMixUnits() {
      // a first layer: the fan_in rule at scale 1 (standardised input), not Glorot's fan_avg
      double lecun = sqrt(1.0 / 784) / C;
      assertTruncatedNormal(sampler(Net.input(784).dense(256).batchNorm().relu(),
          "dense_0/kernel"), lecun);
      assertTruncatedNormal(sampler(Net.input(784).dense(256).dropout(0.5).relu(),
          "dense_0/kernel"), lecun);
      assertTruncatedNormal(sampler(Net.input(784).dense(256).batchNorm().dropout(0.2).relu(),
          "dense_0/kernel"), lecun);
      assertTruncatedNormal(sampler(Net.input(784).dense(256).reshape(16, 16).relu(),
          "dense_0/kernel"), lecun);
      assertTruncatedNormal(sampler(Net.input(28, 28, 1).conv2d(8, 3).maxPool2d(2).relu(),
          "conv2d_0/kernel"), sqrt(1.0 / 9) / C);
      assertTruncatedNormal(sampler(
          Net.input(28, 28, 1).conv2d(8, 3).avgPool2d(2).flatten().selu(), "conv2d_0/kernel"),
          sqrt(1.0 / 9) / C);
      assertThat(Net.input(784).dense(256).batchNorm().relu().resolve().layers().get(0)
          .autoActivation()).contains(dev.primer.dsl.activation.Activation.relu());
    }

    @Test
    void stopsAtTheNextLayerThatMixesUnits() {
      assertUniform(sampler(Net.input(784).dense(256).dense(10).relu(), "dense_0/kernel"),
          sqrt(6.0 / (784 + 256)));
      assertUniform(sampler(Net.input(784).dense(256).dropout(0.1).dense(10).relu(),
          "dense_0/kernel"), sqrt(6.0 / (784 + 256)));
    }

    @Test
    void anExplicitLinearStopsTheLookAhead() {
      double glorot = sqrt(6.0 / (784 + 256));
      assertUniform(sampler(Net.input(784).dense(256).linear().batchNorm().relu(),
          "dense_0/kernel"), glorot);
      assertUniform(sampler(Net.input(784).dense(256).batchNorm().linear().dropout(0.1).relu(),
          "dense_0/kernel"), glorot);
    }
  }

  @Nested
  class FrameworkPresets {

    @Test
    void pytorchDenseAndConvUseOneOverSqrtFanInForKernelAndBias() {
      NetSpec dense = Net.input(784).dense(256).relu().init(PYTORCH_DEFAULT);
      assertUniform(sampler(dense, "dense_0/kernel"), 1 / sqrt(784));
      assertUniform(sampler(dense, "dense_0/bias"), 1 / sqrt(784));
      NetSpec conv = Net.input(32, 32, 3).conv2d(16, 3).init(PYTORCH_DEFAULT);
      assertUniform(sampler(conv, "conv2d_0/kernel"), 1 / sqrt(27));
      assertUniform(sampler(conv, "conv2d_0/bias"), 1 / sqrt(27));
    }

    @Test
    void pytorchRecurrentUsesOneOverSqrtUnitsForKernelsAndTwoSuchBiasesAdded() {
      NetSpec net = Net.input(28, 28).defaultInit(PYTORCH_DEFAULT)
          .lstm(64, Returns.SEQUENCES).gru(16, Returns.SEQUENCES).simpleRnn(4);
      for (String name : List.of("lstm_0", "gru_0", "simple_rnn_0")) {
        double units = name.startsWith("lstm") ? 64 : name.startsWith("gru") ? 16 : 4;
        for (String role : List.of("kernel", "recurrent_kernel")) {
          assertThat(samplers(net, name + "/" + role)).as(name + "/" + role)
              .allSatisfy(s -> assertUniform(s, 1 / sqrt(units)));
        }
        // PyTorch holds b_ih and b_hh, each U(±1/sqrt(units)), and adds them
        assertThat(samplers(net, name + "/bias")).as(name + "/bias")
            .containsOnly(new UniformSum(2, 1 / sqrt(units)));
      }
    }

    @Test
    void kerasIsGlorotOrthogonalAndForgetGateOnes() {
      NetSpec net = Net.input(28, 28).lstm(64).init(KERAS_DEFAULT).dense(10).relu()
          .init(KERAS_DEFAULT);
      // Keras: one [28, 256] kernel with fans (28, 256), one orthogonal [64, 256] recurrent kernel
      Parameter kernel = parameter(net, "lstm_0/kernel");
      assertThat(kernel.blocks()).hasSize(1);
      assertThat(kernel.fans()).isEqualTo(new Fans(28, 256));
      assertUniform(kernel.blocks().get(0).sampler(), sqrt(6.0 / (28 + 256)));
      Parameter recurrent = parameter(net, "lstm_0/recurrent_kernel");
      assertThat(recurrent.blocks()).hasSize(1);
      assertThat(recurrent.blocks().get(0).shape()).isEqualTo(Shape.of(64, 256));
      assertThat(samplers(net, "lstm_0/recurrent_kernel")).containsOnly(ORTHOGONAL);
      assertThat(samplers(net, "lstm_0/bias")).containsExactly(ZEROS, ONES, ZEROS, ZEROS);
      // glorot even before relu, where AUTO would pick He
      assertUniform(sampler(net, "dense_0/kernel"), sqrt(6.0 / 74));
      assertThat(sampler(net, "dense_0/bias")).isEqualTo(ZEROS);
    }
  }

  @Nested
  class Precedence {

    @Test
    void kernelLayersOwnThenNetWideThenAuto() {
      NetSpec net = Net.input(100).defaultInit(LECUN_UNIFORM)
          .dense(50).relu().init(HE_UNIFORM)
          .dense(20).relu();
      assertUniform(sampler(net, "dense_0/kernel"), sqrt(6.0 / 100));
      assertUniform(sampler(net, "dense_1/kernel"), sqrt(3.0 / 50));
      NetSpec auto = Net.input(100).dense(50).relu().init(HE_UNIFORM).dense(20).relu();
      // he_uniform made q = 2, relu passes on 1: AUTO's scale is 1 here
      assertTruncatedNormal(sampler(auto, "dense_1/kernel"), sqrt(1.0 / 50) / C);
    }

    @Test
    void anExplicitAutoOnALayerBeatsTheNetWideDefault() {
      NetSpec net = Net.input(100).defaultInit(LECUN_UNIFORM).dense(50).relu().init(AUTO);
      assertTruncatedNormal(sampler(net, "dense_0/kernel"), sqrt(1.0 / 100) / C);
    }

    @Test
    void biasOwnBeatsTheKernelsPreset() {
      NetSpec net = Net.input(100).defaultBias(ONES)
          .dense(50).init(PYTORCH_DEFAULT).bias(constant(0.1));
      assertThat(sampler(net, "dense_0/bias")).isEqualTo(constant(0.1));
    }

    @Test
    void biasKernelsPresetBeatsTheNetWideBias() {
      NetSpec named = Net.input(100).defaultBias(ONES).dense(50).init(PYTORCH_DEFAULT);
      assertUniform(sampler(named, "dense_0/bias"), 1 / sqrt(100));
      NetSpec netWide = Net.input(100).defaultInit(PYTORCH_DEFAULT).defaultBias(ONES).dense(50);
      assertUniform(sampler(netWide, "dense_0/bias"), 1 / sqrt(100));
    }

    @Test
    void biasNetWideBeatsAuto() {
      NetSpec net = Net.input(100).defaultBias(constant(0.01)).dense(50).init(HE).dense(5);
      assertThat(sampler(net, "dense_0/bias")).isEqualTo(constant(0.01));
      assertThat(sampler(net, "dense_1/bias")).isEqualTo(constant(0.01));
      NetSpec lstm = Net.input(5, 3).defaultBias(ZEROS).lstm(4);
      assertThat(samplers(lstm, "lstm_0/bias")).containsOnly(ZEROS); // no forget-gate ones
    }

    @Test
    void aLayersOwnNonPresetKernelHidesTheNetWidePreset() {
      NetSpec net = Net.input(100).defaultInit(PYTORCH_DEFAULT).defaultBias(ONES)
          .dense(50).init(HE).dense(5);
      assertThat(sampler(net, "dense_0/bias")).isEqualTo(ONES);
      assertUniform(sampler(net, "dense_1/bias"), 1 / sqrt(50));
    }

    @Test
    void recurrentKernelOwnThenKernelsPresetThenAuto() {
      NetSpec own = Net.input(5, 3).lstm(4).init(PYTORCH_DEFAULT).recurrentInit(IDENTITY);
      assertThat(samplers(own, "lstm_0/recurrent_kernel")).containsOnly(IDENTITY);
      assertThat(samplers(own, "lstm_0/kernel")).allSatisfy(s -> assertUniform(s, 0.5));
      NetSpec preset = Net.input(5, 3).lstm(4).init(PYTORCH_DEFAULT);
      assertThat(samplers(preset, "lstm_0/recurrent_kernel"))
          .allSatisfy(s -> assertUniform(s, 0.5));
      // a net-wide default that is not a preset fills kernels only
      NetSpec netWide = Net.input(5, 3).defaultInit(HE_NORMAL).lstm(4);
      assertThat(samplers(netWide, "lstm_0/recurrent_kernel")).containsOnly(ORTHOGONAL);
      assertThat(samplers(netWide, "lstm_0/kernel"))
          .allSatisfy(s -> assertTruncatedNormal(s, sqrt(2.0 / 3) / C));
    }

    @Test
    void namedSamplersAreUsedAsTheyAreForEveryGate() {
      NetSpec net = Net.input(5, 3).gru(4).init(normal(0, 0.01)).recurrentInit(orthogonal(1.2))
          .bias(constant(0.5));
      assertThat(samplers(net, "gru_0/kernel")).containsExactly(
          new Normal(0, 0.01), new Normal(0, 0.01), new Normal(0, 0.01));
      assertThat(samplers(net, "gru_0/recurrent_kernel")).containsOnly(orthogonal(1.2));
      assertThat(samplers(net, "gru_0/bias")).containsOnly(constant(0.5));
    }

    @Test
    void deltaOrthogonalRefusesMoreInputThanOutputChannels() {
      assertThatThrownBy(() -> Net.input(8, 8, 64).conv2d(32, 3).init(DELTA_ORTHOGONAL)
          .resolve())
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (conv2d): delta_orthogonal needs at least as many output as input"
              + " channels to preserve norms, got 64 input and 32 output channels; use more"
              + " filters or another init (orthogonal, he_normal)");
      assertThat(sampler(Net.input(8, 8, 32).conv2d(32, 4).init(DELTA_ORTHOGONAL),
          "conv2d_0/kernel")).isEqualTo(DELTA_ORTHOGONAL);
    }

    @Test
    void sparseMayUseEveryInput() {
      assertThat(sampler(Net.input(15).dense(3).init(sparse(15, 1)), "dense_0/kernel"))
          .isEqualTo(sparse(15, 1));
    }
  }

  @Nested
  class Labels {

    private String label(NetSpec spec, String name) {
      return parameter(spec, name).label();
    }

    @Test
    void sayWhatWasChosenAndWhy() {
      NetSpec net = Net.input(784).dense(256).relu().dense(128).relu().init(HE_UNIFORM)
          .dense(10).softmax();
      // the first layer's input is taken as standardised (second moment 1): LeCun's scale 1
      assertThat(label(net, "dense_0/kernel")).isEqualTo("lecun_normal (auto)");
      assertThat(label(net, "dense_0/bias")).isEqualTo("zeros (auto)");
      assertThat(label(net, "dense_1/kernel")).isEqualTo("he_uniform");
      assertThat(label(net, "dense_2/kernel")).isEqualTo("glorot_uniform (auto)");
      NetSpec leaky = Net.input(784).dense(256).leakyRelu(0.2).dense(256).leakyRelu(0.2);
      assertThat(label(leaky, "dense_1/kernel"))
          .isEqualTo("variance_scaling(1.92,fan_in,truncated_normal) (auto)");
      NetSpec relu = Net.input(784).dense(256).relu().dense(256).relu();
      assertThat(label(relu, "dense_1/kernel")).isEqualTo("he_normal (auto)");
    }

    @Test
    void netWideAndPresets() {
      NetSpec net = Net.input(784).defaultInit(LECUN_UNIFORM).dense(256).dense(10)
          .init(PYTORCH_DEFAULT);
      assertThat(label(net, "dense_0/kernel")).isEqualTo("lecun_uniform (net-wide)");
      assertThat(label(net, "dense_1/kernel")).isEqualTo("uniform(±0.0625) (pytorch_default)");
      assertThat(label(net, "dense_1/bias")).isEqualTo("uniform(±0.0625) (pytorch_default)");
      NetSpec pytorch = Net.input(784).defaultInit(PYTORCH_DEFAULT).dense(256);
      assertThat(label(pytorch, "dense_0/kernel"))
          .isEqualTo("uniform(±0.0357) (pytorch_default, net-wide)");
      assertThat(label(pytorch, "dense_0/bias")).isEqualTo("uniform(±0.0357) (pytorch_default)");
      NetSpec keras = Net.input(28, 28).lstm(64).init(KERAS_DEFAULT);
      assertThat(label(keras, "lstm_0/kernel")).isEqualTo("glorot_uniform (keras_default)");
      assertThat(label(keras, "lstm_0/recurrent_kernel"))
          .isEqualTo("orthogonal (keras_default)");
      assertThat(label(keras, "lstm_0/bias"))
          .isEqualTo("zeros (i,c,o), ones (f) (keras_default)");
      NetSpec bias = Net.input(4).defaultBias(constant(0.1)).dense(2);
      assertThat(label(bias, "dense_0/bias")).isEqualTo("constant(0.1) (net-wide)");
    }

    @Test
    void perGateChoicesAreGrouped() {
      assertThat(label(Net.input(28, 28).lstm(64), "lstm_0/bias"))
          .isEqualTo("zeros (i,c,o), ones (f) (auto)");
      assertThat(label(Net.input(28, 28).gru(64), "gru_0/bias")).isEqualTo("zeros (auto)");
    }

    @Test
    void numbersAreShortenedToThreeSignificantDigitsWithoutLosingTheirMagnitude() {
      NetSpec net = Net.input(4).dense(2).init(uniform(-100, 100)).bias(normal(0, 120.12345))
          .dense(2).init(normal(1000, 0.123456)).bias(uniform(-0.05, 0.05));
      assertThat(label(net, "dense_0/kernel")).isEqualTo("uniform(±100)");
      assertThat(label(net, "dense_0/bias")).isEqualTo("normal(0,120)");
      assertThat(label(net, "dense_1/kernel")).isEqualTo("normal(1000,0.123)");
      assertThat(label(net, "dense_1/bias")).isEqualTo("uniform(±0.05)");
    }

    @Test
    void describeShortensSamplers() {
      assertThat(InitResolver.describe(Uniform.symmetric(0.1))).isEqualTo("uniform(±0.1)");
      assertThat(InitResolver.describe(Uniform.symmetric(1000))).isEqualTo("uniform(±1e+03)");
      assertThat(InitResolver.describe(Uniform.symmetric(1e-5))).isEqualTo("uniform(±1e-05)");
      assertThat(InitResolver.describe(Uniform.symmetric(10))).isEqualTo("uniform(±10)");
      assertThat(InitResolver.describe(uniform(0, 1))).isEqualTo("uniform(0,1)");
      assertThat(InitResolver.describe(new TruncatedNormal(0, 0.0574194563)))
          .isEqualTo("truncated_normal(0,0.0574)");
      assertThat(InitResolver.describe(GLOROT_UNIFORM)).isEqualTo("glorot_uniform");
      assertThat(InitResolver.describe(orthogonal(1.5))).isEqualTo("orthogonal(1.5)");
    }
  }
}
