package dev.primer.dsl.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Normal;
import dev.primer.dsl.init.SecondMoments;
import dev.primer.dsl.init.Uniform;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.dsl.spec.NetSpec;
import org.junit.jupiter.api.Test;

/** muP resolved against Table 8 of Tensor Programs V, as {@link Mup}'s Javadoc writes it. */
class MupTest {
  private static final NetSpec NET = Net.input(784).mup(64).dense(256).relu()
      .dense(512).relu().dense(10).softmax();

  @Test
  void theTextFormCarriesMupAfterTheInputAndReadsBack() {
    assertThat(NET.toString())
        .isEqualTo("input(784).mup(64).dense(256).relu().dense(512).relu().dense(10).softmax()");
    assertThat(Net.parse(NET.toString())).isEqualTo(NET);
    NetSpec late = Net.input(784).dense(256).relu().dense(512).relu().dense(10).softmax().mup(64);
    assertThat(late).isEqualTo(NET);
    assertThat(NET.parametrization()).isEqualTo(Parametrization.mup(64));
    assertThat(Net.input(784).dense(10).parametrization()).isEqualTo(Parametrization.standard());
  }

  @Test
  void eachParameterGetsItsClassWidthMultipliersAndRates() {
    Scaling s = NET.resolve().scaling();
    // dense_0: 784 -> 256 (m_out 4); dense_1: 256 -> 512 (m_in 4, m_out 8); dense_2: 512 -> 10
    assertThat(s.of("dense_0/kernel")).isEqualTo(
        new ParameterScale(WidthClass.INPUT, 1, 4, 1, 1, 4));
    assertThat(s.of("dense_0/bias")).isEqualTo(
        new ParameterScale(WidthClass.INPUT, 1, 4, 1, 1, 4));
    assertThat(s.of("dense_1/kernel")).isEqualTo(
        new ParameterScale(WidthClass.HIDDEN, 4, 8, 1, 0.25, 2));
    assertThat(s.of("dense_1/bias")).isEqualTo(
        new ParameterScale(WidthClass.INPUT, 1, 8, 1, 1, 8));
    assertThat(s.of("dense_2/kernel").widthClass()).isEqualTo(WidthClass.OUTPUT);
    assertThat(s.of("dense_2/kernel").adamRate()).isEqualTo(1);
    assertThat(s.of("dense_2/kernel").sgdRate()).isEqualTo(8);
    assertThat(s.of("dense_2/bias")).isEqualTo(ParameterScale.NONE);
    assertThat(s.outputMultiplier("dense_2")).isEqualTo(1.0 / 8);
    assertThat(s.outputMultiplier("dense_1")).isEqualTo(1);
  }

  @Test
  void theOutputKernelKeepsTheVarianceItsInitHasAtTheBaseWidth() {
    // AUTO gives the softmax layer glorot_uniform: at base [64, 10] the bound is sqrt(6 / 74)
    Parameter out = NET.resolve().parameter("dense_2/kernel").orElseThrow();
    Uniform u = (Uniform) out.blocks().get(0).sampler();
    assertThat(SecondMoments.of(u, new int[] {512, 10})).isCloseTo(2.0 / 74, within(1e-6));
    assertThat(u.hi()).isCloseTo(Math.sqrt(6.0 / 74), within(1e-5));
    assertThat(out.label()).isEqualTo("glorot_uniform (auto) ×2.66 (mup(64))");
  }

  @Test
  void hiddenKernelsKeepAFanInInitAndScaleAFixedOneByOneOverWidth() {
    ResolvedNet he = NET.resolve();
    // He at width: 2 / 256 = (2 / 64) / m_in, the table's Var_base / m_in: unchanged
    Parameter hidden = he.parameter("dense_1/kernel").orElseThrow();
    assertThat(SecondMoments.of(hidden.blocks().get(0).sampler(), new int[] {256, 512}))
        .isCloseTo(2.0 / 256, within(1e-9));
    assertThat(he.scaling().of("dense_1/kernel").initScale()).isEqualTo(1);
    // a fixed normal(0, 0.1) is 0.01 at the base width: 0.01 / 4 at width 256
    NetSpec fixed = Net.input(784).mup(64).dense(256).relu().dense(512).relu()
        .init(Inits.normal(0, 0.1)).dense(10).softmax();
    Normal n = (Normal) fixed.resolve().parameter("dense_1/kernel").orElseThrow()
        .blocks().get(0).sampler();
    assertThat(n.std()).isCloseTo(0.05, within(1e-9));
  }

  @Test
  void atItsBaseWidthMupIsTheStandardParametrization() {
    NetSpec sp = Net.input(784).dense(64).relu().dense(64).relu().dense(10).softmax();
    ResolvedNet base = sp.mup(64).resolve();
    assertThat(base.layers()).isEqualTo(sp.resolve().layers());
    assertThat(base.scaling().parameters().values())
        .allSatisfy(p -> {
          assertThat(p.adamRate()).isEqualTo(1);
          assertThat(p.sgdRate()).isEqualTo(1);
          assertThat(p.initScale()).isEqualTo(1);
        });
    assertThat(base.scaling().outputMultiplier("dense_2")).isEqualTo(1);
    assertThat(sp.resolve().scaling()).isEqualTo(Scaling.STANDARD);
  }

  @Test
  void theSummaryShowsWhatMupDoesPerParameter() {
    assertThat(NET.summary())
        .contains("glorot_uniform (auto) ×2.66 (mup(64))")
        .contains("mup(64): output of dense_2 = x W * 0.125 + b;")
        .containsPattern("dense_1/kernel\\s+hidden\\s+4\\s+8\\s+x1\\s+x0.25\\s+x2");
    assertThat(Net.input(784).dense(256).relu().dense(10).softmax().summary())
        .doesNotContain("mup").doesNotContain("adam rate");
  }

  @Test
  void oneDenseLayerHasNoWidthAndNothingIsRescaled() {
    ResolvedNet one = Net.input(784).mup(64).dense(10).softmax().resolve();
    assertThat(one.scaling().rescales()).isFalse();
  }

  @Test
  void whatMupDoesNotCoverIsRefusedNamingTheLayer() {
    assertThatThrownBy(() -> Net.input(28, 28, 1).mup(8).conv2d(4, 3))
        .isInstanceOf(SpecException.class)
        .hasMessage("layer 0 (conv2d): mup(8) covers chains of dense layers (with dropout and"
            + " flatten); it has no width rule for conv2d layers");
    assertThatThrownBy(() -> Net.input(8).dense(16).relu().batchNorm().dense(2).mup(8))
        .isInstanceOf(SpecException.class)
        .hasMessage("layer 1 (batchNorm): mup(8) covers chains of dense layers (with dropout and"
            + " flatten); it has no width rule for batchNorm layers");
    assertThatThrownBy(() -> NET.mup(32)).isInstanceOf(SpecException.class)
        .hasMessage("parametrization: the net is already mup(64); mup(32) cannot be set as well"
            + " (it is set once)");
    assertThatThrownBy(() -> Net.input(8).mup(0)).isInstanceOf(SpecException.class)
        .hasMessage("mup: the base width must be > 0, got 0");
    assertThatThrownBy(() -> Net.parse("input(8).mup(4).dense(16).relu().init(lsuv())"
        + ".dense(2).softmax()")).hasMessageContaining("layer 0 (dense): mup(4) sets the"
            + " kernel's scale from the width;");
  }

  @Test
  void dropoutAndFlattenAreAllowedAndBlocksMergeTheirParametrization() {
    NetSpec block = Net.dense(128).relu().dropout(0.1);
    NetSpec net = Net.input(4, 4).mup(32).flatten().then(block).dense(3).softmax();
    assertThat(net.resolve().scaling().outputMultiplier("dense_1")).isEqualTo(0.25);
    assertThat(Net.input(4, 4).flatten().then(block.mup(32)).dense(3).softmax()).isEqualTo(net);
  }
}
