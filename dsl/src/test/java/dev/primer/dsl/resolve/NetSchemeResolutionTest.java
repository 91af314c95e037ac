package dev.primer.dsl.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Normal;
import dev.primer.dsl.spec.NetSpec;
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
    NetSpec spec = Net.input(784).dense(256).relu().defaultInit(Inits.FIXUP);
    assertThat(parameter(spec, "dense_0/kernel").label())
        .isEqualTo("he_normal_untruncated (fixup, net-wide)");
    assertThat(parameter(spec, "dense_0/bias").label()).isEqualTo("zeros (fixup)");
    NetSpec named = Net.input(784).dense(256).relu().init(Inits.skipInit(0.1));
    assertThat(parameter(named, "dense_0/kernel").label()).isEqualTo("he_normal (skipinit(0.1))");
    assertThat(parameter(named, "dense_0/bias").label()).isEqualTo("zeros (skipinit(0.1))");
  }
}
