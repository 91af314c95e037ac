package dev.primer.dsl.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FansTest {

  @Test
  void denseKernelHasItsRowsAndColumnsAsFans() {
    assertThat(Fans.ofKernel(new int[] {784, 256})).isEqualTo(new Fans(784, 256));
  }

  @Test
  void convKernelCountsTheReceptiveFieldAndTheChannelsOnce() {
    assertThat(Fans.ofKernel(new int[] {5, 5, 32, 64})).isEqualTo(new Fans(800, 1600));
    assertThat(Fans.ofKernel(new int[] {3, 3, 3, 16})).isEqualTo(new Fans(27, 144));
    assertThat(Fans.ofKernel(new int[] {5, 5, 1, 32})).isEqualTo(new Fans(25, 800));
  }

  @Test
  void anyRankAboveTwoMultipliesTheLeadingAxes() {
    assertThat(Fans.ofKernel(new int[] {2, 3, 4, 5, 6}))
        .isEqualTo(new Fans(2 * 3 * 4 * 5, 2 * 3 * 4 * 6));
  }

  @Test
  void largeFansDoNotOverflow() {
    Fans fans = Fans.ofKernel(new int[] {1024, 1024, 4096, 4096});
    assertThat(fans.in()).isEqualTo(1024L * 1024 * 4096);
    assertThat(fans.geometricAverage()).isCloseTo(1024.0 * 1024 * 4096, within(1e-3));
  }

  @Test
  void averages() {
    Fans fans = new Fans(784, 256);
    assertThat(fans.average()).isEqualTo(520.0);
    assertThat(fans.geometricAverage()).isCloseTo(448.0, within(1e-12));
    assertThat(new Fans(3, 4).average()).isEqualTo(3.5);
  }

  @Test
  void writesAsInSlashOut() {
    assertThat(new Fans(800, 1600)).hasToString("800/1600");
  }

  @Test
  void recurrentParametersAreSplitPerGate() {
    // an LSTM of 32 units on 28 features: kernel [28, 128], recurrent kernel [32, 128]
    assertThat(Fans.gateBlock(new int[] {28, 128}, 4)).containsExactly(28, 32);
    assertThat(Fans.ofGateBlock(Role.KERNEL,
        Fans.gateBlock(new int[] {28, 128}, 4), new int[] {28, 128}, 4))
        .isEqualTo(new Fans(28, 32));
    assertThat(Fans.ofGateBlock(Role.RECURRENT_KERNEL,
        Fans.gateBlock(new int[] {32, 128}, 4), new int[] {28, 128}, 4))
        .isEqualTo(new Fans(32, 32));
  }

  @Test
  void aBiasTakesTheFansOfItsKernelBlock() {
    assertThat(Fans.ofGateBlock(Role.BIAS,
        Fans.gateBlock(new int[] {96}, 3), new int[] {64, 96}, 3))
        .isEqualTo(new Fans(64, 32));
    assertThat(Fans.ofGateBlock(Role.BIAS,
        Fans.gateBlock(new int[] {64}, 1), new int[] {5, 5, 32, 64}, 1))
        .isEqualTo(new Fans(800, 1600));
  }

  @Test
  void aLayerWithoutKernelHasItsChannelsAsBothFans() {
    assertThat(Fans.ofGateBlock(Role.GAMMA,
        Fans.gateBlock(new int[] {16}, 1), new int[] {16}, 1))
        .isEqualTo(new Fans(16, 16));
  }
}
