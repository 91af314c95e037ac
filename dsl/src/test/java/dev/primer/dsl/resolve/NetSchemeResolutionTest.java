package dev.primer.dsl.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Normal;
import dev.primer.dsl.init.Sampler;
import dev.primer.dsl.init.Uniform;
import dev.primer.dsl.spec.NetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the resolver applies a NetScheme (fixup, skipinit, ...) to the parameters of a net. */
class NetSchemeResolutionTest {

  private static Parameter parameter(NetSpec spec, String name) {
    return spec.resolve().parameter(name).orElseThrow(() -> new AssertionError("no " + name));
  }

  @Test
  void aNetWideSchemeDecidesTheBiasesToo() {
    NetSpec gelu = Net.input(10).dense(8).gelu();
    // AUTO draws a random bias before gelu; fixup and skipinit want zeros
    assertThat(parameter(gelu, "dense_0/bias").blocks().get(0).sampler())
        .isInstanceOf(Normal.class);
    for (var scheme : new dev.primer.dsl.init.Init[] {Inits.FIXUP, Inits.SKIPINIT, Inits.ZER_O,
        Inits.GPT2, Inits.T_FIXUP}) {
      assertThat(parameter(gelu.defaultInit(scheme), "dense_0/bias").blocks().get(0).sampler())
          .as("%s", scheme).isEqualTo(Inits.ZEROS);
      assertThat(parameter(gelu.withKernelInit(scheme), "dense_0/bias").blocks().get(0)
          .sampler()).as("%s as a compared scheme", scheme).isEqualTo(Inits.ZEROS);
    }
  }

  @Test
  void aLayersOwnBiasWins() {
    NetSpec spec = Net.input(10).dense(8).gelu().bias(Inits.constant(0.1))
        .defaultInit(Inits.FIXUP);
    assertThat(parameter(spec, "dense_0/bias").blocks().get(0).sampler())
        .isEqualTo(Inits.constant(0.1));
  }

  @Test
  void labelsSayWhatTheSchemeChose() {
    NetSpec spec = Net.input(784).dense(256).relu().dense(10).defaultInit(Inits.FIXUP);
    assertThat(parameter(spec, "dense_0/kernel").label())
        .isEqualTo("he_normal_untruncated (fixup, net-wide)");
    assertThat(parameter(spec, "dense_0/bias").label()).isEqualTo("zeros (fixup)");
    // the output layer: Fixup's zero classifier
    assertThat(parameter(spec, "dense_1/kernel").label()).isEqualTo("zeros (fixup, net-wide)");
    NetSpec named = Net.input(784).dense(256).relu().init(Inits.skipInit(0.1));
    assertThat(parameter(named, "dense_0/kernel").label()).isEqualTo("he_normal (skipinit(0.1))");
    assertThat(parameter(named, "dense_0/bias").label()).isEqualTo("zeros (skipinit(0.1))");
  }

  /** 50 blocks of two dense layers, each branch with a learned scale written as 0.3. */
  private static final String DEEP = "input(784).dense(256).relu()"
      + ".repeat(50,residual(dense(256).relu().dense(256)).scaled(0.3)).dense(10).softmax()";

  private static Sampler sampler(NetSpec spec, String name) {
    return parameter(spec, name).blocks().get(0).sampler();
  }

  @Test
  void fixupAsACompareSchemeOnAResidualNetFollowsThePaper() {
    NetSpec spec = Net.parse(DEEP).withKernelInit(Inits.FIXUP);
    // L = 50 branches of m = 2: the first layer He normal * 50^(-1/2), the last zero
    for (String block : new String[] {"block_0", "block_49"}) {
      assertThat(sampler(spec, block + "/dense_0/kernel")).isInstanceOfSatisfying(Normal.class,
          n -> assertThat(n.std()).isCloseTo(Math.sqrt(2.0 / 256) / Math.sqrt(50),
              within(1e-15)));
      assertThat(sampler(spec, block + "/dense_1/kernel")).isEqualTo(Inits.ZEROS);
      assertThat(sampler(spec, block + "/dense_1/bias")).isEqualTo(Inits.ZEROS);
      assertThat(sampler(spec, block + "/scale")).isEqualTo(Inits.ONES);
    }
    assertThat(sampler(spec, "dense_0/kernel")).isEqualTo(new Normal(0, Math.sqrt(2.0 / 784)));
    assertThat(sampler(spec, "dense_1/kernel")).isEqualTo(Inits.ZEROS);
    // deliberate zeros (a branch's last layer, the classifier) are not warned about
    assertThat(spec.resolve().warnings()).isEmpty();
  }

  @Test
  void skipInitStartsEveryBranchScaleAtAlphaWhateverScaledNames() {
    NetSpec net = Net.parse(DEEP);
    assertThat(sampler(net, "block_7/scale")).isEqualTo(Inits.constant(0.3));
    assertThat(sampler(net.withKernelInit(Inits.SKIPINIT), "block_7/scale"))
        .isEqualTo(Inits.ZEROS);
    assertThat(sampler(net.defaultInit(Inits.skipInit(0.1)), "block_7/scale"))
        .isEqualTo(Inits.constant(0.1));
    assertThat(parameter(net.withKernelInit(Inits.SKIPINIT), "block_7/scale").label())
        .isEqualTo("zeros (skipinit)");
    // a scheme that sets no branch scale leaves the value scaled(v) names: a plain init, and
    // the net schemes that only shape the weights (ZerO, GPT-2, T-Fixup)
    for (var scheme : List.of(Inits.HE_NORMAL, Inits.ZER_O, Inits.GPT2, Inits.T_FIXUP)) {
      assertThat(sampler(net.withKernelInit(scheme), "block_7/scale")).as(scheme.toString())
          .isEqualTo(Inits.constant(0.3));
    }
  }

  @Test
  void zerOAndGpt2OnAResidualNet() {
    NetSpec zerO = Net.parse(DEEP).withKernelInit(Inits.ZER_O);
    assertThat(sampler(zerO, "dense_0/kernel")).isEqualTo(Inits.IDENTITY);
    assertThat(sampler(zerO, "block_3/dense_0/kernel")).isEqualTo(Inits.IDENTITY);
    assertThat(sampler(zerO, "block_3/dense_1/kernel")).isEqualTo(Inits.ZEROS);
    assertThat(sampler(zerO, "dense_1/kernel")).isEqualTo(Inits.IDENTITY);
    NetSpec gpt2 = Net.parse(DEEP).withKernelInit(Inits.GPT2);
    assertThat(sampler(gpt2, "block_3/dense_0/kernel")).isEqualTo(new Normal(0, 0.02));
    assertThat(sampler(gpt2, "block_3/dense_1/kernel"))
        .isEqualTo(new Normal(0, 0.02 / Math.sqrt(50)));
  }

  /** 2 transformer blocks (L = 4 branches, N = 2) of width 8 without layer norm. */
  private static final String TRANSFORMER = "input(4).embedding(6,8).positionalEmbedding()"
      + ".repeat(2,residual(multiHeadAttention(2,4)).residual(dense(16).relu().dense(8)))"
      + ".dense(6).softmax()";

  private static double uniformBound(NetSpec spec, String name) {
    Uniform u = (Uniform) sampler(spec, name);
    assertThat(u.lo()).isEqualTo(-u.hi());
    return u.hi();
  }

  @Test
  void tFixupOnATransformerScalesValueOutputMlpAndEmbeddingsButNotQueryAndKey() {
    NetSpec spec = Net.parse(TRANSFORMER).withKernelInit(Inits.T_FIXUP);
    double s = 0.67 * Math.pow(2, -0.25); // encoder, N = 2
    double xavier8x8 = Math.sqrt(6.0 / (8 + 8));
    String attention = "block_2/multi_head_attention_0/";
    assertThat(uniformBound(spec, attention + "query_kernel")).isCloseTo(xavier8x8, within(1e-12));
    assertThat(uniformBound(spec, attention + "key_kernel")).isCloseTo(xavier8x8, within(1e-12));
    assertThat(uniformBound(spec, attention + "value_kernel"))
        .isCloseTo(s * xavier8x8, within(1e-12));
    assertThat(uniformBound(spec, attention + "output_kernel"))
        .isCloseTo(s * xavier8x8, within(1e-12));
    assertThat(uniformBound(spec, "block_3/dense_1/kernel"))
        .isCloseTo(s * Math.sqrt(6.0 / (16 + 8)), within(1e-12));
    // embeddings N(0, d^-1/2) times (9N)^(-1/4), token and position tables alike
    Normal embedding = new Normal(0, Math.pow(9 * 2, -0.25) / Math.sqrt(8));
    assertThat(sampler(spec, "embedding_0/embeddings")).isEqualTo(embedding);
    assertThat(sampler(spec, "positional_embedding_0/position_embeddings")).isEqualTo(embedding);
    // the output head is outside every branch: plain Xavier
    assertThat(uniformBound(spec, "dense_0/kernel"))
        .isCloseTo(Math.sqrt(6.0 / (8 + 6)), within(1e-12));
  }

  @Test
  void gpt2OnATransformerScalesTheAttentionOutputProjectionOnly() {
    NetSpec spec = Net.parse(TRANSFORMER).withKernelInit(Inits.GPT2);
    String attention = "block_0/multi_head_attention_0/";
    for (String kernel : new String[] {"query_kernel", "key_kernel", "value_kernel"}) {
      assertThat(sampler(spec, attention + kernel)).as(kernel).isEqualTo(new Normal(0, 0.02));
    }
    assertThat(sampler(spec, attention + "output_kernel"))
        .isEqualTo(new Normal(0, 0.02 / Math.sqrt(4)));
    assertThat(sampler(spec, "embedding_0/embeddings")).isEqualTo(new Normal(0, 0.02));
  }
}
