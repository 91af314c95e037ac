package dev.primer.dsl.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Auto;
import dev.primer.dsl.init.Fans;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.dsl.spec.NetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sequence layers: shapes, parameters, fans, AUTO, text, summary and their errors. */
class SequenceLayersTest {

  @Test
  void layerNormKeepsTheShapeAndHoldsAGainAndAShiftPerFeature() {
    LayerNorm norm = new LayerNorm(LayerNorm.DEFAULT_EPSILON);
    assertThat(norm.outputShape(Shape.of(7, 12))).isEqualTo(Shape.of(7, 12));
    assertThat(norm.parameters(Shape.of(7, 12))).containsExactly(
        new ParameterShape(Role.GAMMA, Shape.of(12)), new ParameterShape(Role.BETA, Shape.of(12)));
    assertThat(norm.hasParameters()).isTrue();
    assertThat(norm.initializable()).isEmpty();
    ResolvedNet net = Net.input(7, 12).layerNorm().resolve();
    assertThat(net.parameterCount()).isEqualTo(24);
    assertThat(net.parameter("layer_norm_0/gamma").orElseThrow().label()).isEqualTo("ones (auto)");
    assertThat(net.parameter("layer_norm_0/beta").orElseThrow().label())
        .isEqualTo("zeros (auto)");
  }

  @Test
  void embeddingTurnsTokenIdsIntoVectors() {
    ResolvedNet net = Net.input(9).embedding(100, 16).resolve();
    assertThat(net.output()).isEqualTo(Shape.of(9, 16));
    Parameter table = net.parameter("embedding_0/embeddings").orElseThrow();
    assertThat(table.shape()).isEqualTo(Shape.of(100, 16));
    assertThat(table.fans()).isEqualTo(new Fans(100, 16));
    assertThat(table.blocks().get(0).sampler()).isEqualTo(Auto.EMBEDDINGS);
    assertThat(Net.input(9).embedding(100, 16).init(Inits.uniform(-0.05, 0.05)).resolve()
        .parameter("embedding_0/embeddings").orElseThrow().label())
        .isEqualTo("uniform(±0.05)");
  }

  @Test
  void positionsAddAParameterOrTheSinusoidalEncoding() {
    ResolvedNet learned = Net.input(9, 16).positionalEmbedding().resolve();
    Parameter p = learned.parameter("positional_embedding_0/position_embeddings").orElseThrow();
    assertThat(p.shape()).isEqualTo(Shape.of(9, 16));
    assertThat(p.blocks().get(0).sampler()).isEqualTo(Auto.POSITION_EMBEDDINGS);
    assertThat(Auto.POSITION_EMBEDDINGS.std() * Auto.POSITION_EMBEDDINGS.std())
        .isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(Net.input(9, 16).sinusoidalPosition().resolve().parameterCount()).isZero();
  }

  @Test
  void sinusoidalEncodingFollowsVaswani() {
    float[] pe = SinusoidalPosition.encoding(50, 6);
    // PE(t, 2i) = sin(t / 10000^(2i/d)), PE(t, 2i+1) = cos(...)
    assertThat((double) pe[0]).isEqualTo(0);
    assertThat((double) pe[1]).isEqualTo(1);
    double angle = 7 / Math.pow(10000, 2.0 / 6);
    assertThat((double) pe[7 * 6 + 2]).isCloseTo(Math.sin(angle),
        org.assertj.core.api.Assertions.within(1e-7));
    assertThat((double) pe[7 * 6 + 3]).isCloseTo(Math.cos(angle),
        org.assertj.core.api.Assertions.within(1e-7));
  }

  @Test
  void attentionHoldsFourProjectionsAndTheirBiases() {
    // d = 32, h = 4, k = 16: D = 64; 3 (32 * 64 + 64) + (64 * 32 + 32) = 8,448
    ResolvedNet net = Net.input(10, 32).multiHeadAttention(4, 16).resolve();
    assertThat(net.output()).isEqualTo(Shape.of(10, 32));
    assertThat(net.parameterCount()).isEqualTo(3 * (32 * 64 + 64) + (64 * 32 + 32));
    assertThat(net.parameters()).extracting(Parameter::name).containsExactly(
        "multi_head_attention_0/query_kernel", "multi_head_attention_0/query_bias",
        "multi_head_attention_0/key_kernel", "multi_head_attention_0/key_bias",
        "multi_head_attention_0/value_kernel", "multi_head_attention_0/value_bias",
        "multi_head_attention_0/output_kernel", "multi_head_attention_0/output_bias");
    Parameter query = net.parameter("multi_head_attention_0/query_kernel").orElseThrow();
    assertThat(query.fans()).isEqualTo(new Fans(32, 64));
    assertThat(query.label()).isEqualTo("glorot_uniform (auto)");
    Parameter output = net.parameter("multi_head_attention_0/output_kernel").orElseThrow();
    assertThat(output.fans()).isEqualTo(new Fans(64, 32));
    // a bias takes the fans of its own kernel
    assertThat(net.parameter("multi_head_attention_0/output_bias").orElseThrow().fans())
        .isEqualTo(new Fans(64, 32));
  }

  @Test
  void initAndBiasNameAllFourKernelsAndAllFourBiases() {
    ResolvedNet net = Net.input(10, 32).multiHeadAttention(4, 8).init(Inits.MIMETIC)
        .bias(Inits.constant(0.1)).resolve();
    for (Parameter p : net.parameters()) {
      assertThat(p.label()).as(p.name())
          .isEqualTo(p.role().choice() == Role.KERNEL ? "mimetic" : "constant(0.1)");
    }
  }

  @Test
  void mimeticFillsOnlyAttention() {
    assertThatThrownBy(() -> Net.input(4).dense(3).init(Inits.MIMETIC))
        .hasMessage("layer 0 (dense): mimetic fills the four projection kernels of"
            + " multiHeadAttention together, not a kernel");
    assertThatThrownBy(() -> Net.input(4).embedding(3, 2).init(Inits.MIMETIC))
        .hasMessage("layer 0 (embedding): mimetic fills the four projection kernels of"
            + " multiHeadAttention together, not a embeddings");
  }

  @Test
  void aNetWideKernelSchemeLeavesEmbeddingsToAuto() {
    NetSpec spec = Net.input(6).embedding(10, 8).multiHeadAttention(2, 4).dense(10).softmax()
        .withKernelInit(Inits.HE_NORMAL);
    ResolvedNet net = spec.resolve();
    assertThat(net.parameter("embedding_0/embeddings").orElseThrow().label())
        .isEqualTo("normal(0,1) (auto)");
    assertThat(net.parameter("multi_head_attention_0/key_kernel").orElseThrow().label())
        .isEqualTo("he_normal");
  }

  @Test
  void denseMapsEachPositionOfASequence() {
    ResolvedNet net = Net.input(10, 32).dense(5).softmax().resolve();
    assertThat(net.output()).isEqualTo(Shape.of(10, 5));
    assertThat(net.parameterCount()).isEqualTo(32 * 5 + 5);
  }

  @Test
  void eachRuleNamesTheLayer() {
    assertThatThrownBy(() -> Net.input(4, 5).embedding(10, 8))
        .hasMessage("layer 0 (embedding): needs a sequence of token ids [steps], got [4, 5];"
            + " an embedding comes first, on input(steps)");
    assertThatThrownBy(() -> Net.input(4).multiHeadAttention(2, 8))
        .hasMessage("layer 0 (multiHeadAttention): needs a sequence input [steps, features],"
            + " got [4]; add reshape(steps,features) before it");
    assertThatThrownBy(() -> Net.input(4, 3).multiHeadAttention(0, 8))
        .hasMessage("layer 0 (multiHeadAttention): heads must be > 0, got 0");
    assertThatThrownBy(() -> Net.input(4, 3).layerNorm(0))
        .hasMessage("layer 0 (layerNorm): epsilon must be > 0 and finite, got 0.0");
    assertThatThrownBy(() -> Net.input(4, 3).positionalEmbedding().bias(Inits.ZEROS))
        .hasMessage("layer 0 (positionalEmbedding): has no bias to initialize");
  }

  @Test
  void theTextFormReadsBackEveryLayerAndArgument() {
    for (String text : List.of(
        "input(8).embedding(10,32).positionalEmbedding().multiHeadAttention(4,8)"
            + ".layerNorm().dense(10).softmax()",
        "input(8).embedding(10,32).init(uniform(-0.05,0.05)).sinusoidalPosition()"
            + ".multiHeadAttention(4,8,causal).init(mimetic(0.5,0.5)).bias(zeros)"
            + ".layerNorm(0.001).dense(10).softmax()",
        "input(8,16).multiHeadAttention(2,8).init(mimetic).layerNorm()",
        "input(8,16).multiHeadAttention(2,8).init(mimetic(0.7,0.7,0.2,-0.3))")) {
      NetSpec spec = Net.parse(text);
      assertThat(spec.toString()).isEqualTo(text);
      assertThat(Net.parse(spec.toString())).isEqualTo(spec);
    }
    assertThat(Net.input(8).embedding(10, 32).sinusoidalPosition()
        .multiHeadAttention(4, 8, AttentionMask.FULL).toString())
        .isEqualTo("input(8).embedding(10,32).sinusoidalPosition().multiHeadAttention(4,8)");
  }

  @Test
  void theSummaryShowsTheNewKinds() {
    assertThat(Net.input(8).embedding(10, 32).positionalEmbedding().multiHeadAttention(4, 8)
        .init(Inits.MIMETIC).layerNorm().dense(10).softmax().summary()).isEqualTo("""
        input [8]
        #  layer                    activation  output   params  fan_in/out  scale  kernel init             bias init
        0  embedding(10,32)         -           [8, 32]     320  10/32       -      normal(0,1) (auto)      -
        1  positionalEmbedding()    -           [8, 32]     256  8/32        -      normal(0,0.707) (auto)  -
        2  multiHeadAttention(4,8)  -           [8, 32]   4,224  32/32       0.566  mimetic                 zeros (auto)
        3  layerNorm()              -           [8, 32]      64  -           -      -                       zeros (auto)
        4  dense(10)                softmax     [8, 10]     330  32/10       1.52   glorot_uniform (auto)   zeros (auto)
        parameters: 5,194 (trainable 5,194, non-trainable 0)
        """);
  }
}
