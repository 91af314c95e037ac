package dev.primer.tf.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the CPU's speed-ups from /proc/cpuinfo text. */
class CpuFeaturesTest {
  private static final String EPYC = """
      processor\t: 0
      vendor_id\t: AuthenticAMD
      model name\t: AMD EPYC
      flags\t\t: fpu sse2 avx avx2 fma avx512f avx512bw avx512_vnni avx512_bf16 avx_vnni
      
      processor\t: 1
      model name\t: AMD EPYC
      flags\t\t: fpu sse2
      """;

  private static final String SAPPHIRE_RAPIDS = """
      processor\t: 0
      model name\t: Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz
      flags\t\t: fpu avx2 fma avx512f avx512_vnni avx512_bf16 amx_bf16 amx_tile amx_int8
      """;

  @Test
  void anEpycWithAvx512Bf16ButNoAmxHasFastBf16ConvolutionsOnly() {
    CpuFeatures cpu = CpuFeatures.parse(EPYC);

    assertThat(cpu.model()).isEqualTo("AMD EPYC");
    assertThat(cpu.avx512Bf16()).isTrue();
    assertThat(cpu.avx512Vnni()).isTrue();
    assertThat(cpu.avx2Fma()).isTrue();
    assertThat(cpu.avx512()).isTrue();
    assertThat(cpu.amx()).isFalse();
    assertThat(cpu.fastBf16()).isFalse();
    assertThat(cpu.fastBf16Convolutions()).isTrue();
    assertThat(cpu.describe()).isEqualTo(
        "AMD EPYC: AVX512-BF16, AVX512-VNNI, AVX-VNNI, AVX-512, AVX2+FMA; no AMX");
  }

  @Test
  void theFirstProcessorsFlagsAreRead() {
    assertThat(CpuFeatures.parse(EPYC).flags()).containsExactly(
        "fpu", "sse2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512_vnni",
        "avx512_bf16", "avx_vnni");
  }

  @Test
  void aXeonWithAmxHasFastBf16() {
    CpuFeatures cpu = CpuFeatures.parse(SAPPHIRE_RAPIDS);

    assertThat(cpu.amx()).isTrue();
    assertThat(cpu.fastBf16()).isTrue();
    assertThat(cpu.fastBf16Convolutions()).isTrue();
    assertThat(cpu.speedUps()).startsWith("AMX-BF16", "AVX512-BF16");
    assertThat(cpu.describe()).startsWith("Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz: AMX-BF16")
        .doesNotContain("no AMX");
  }

  @Test
  void armFeaturesGiveFlagsWithoutAModelName() {
    CpuFeatures cpu = CpuFeatures.parse("processor\t: 0\nFeatures\t: fp asimd bf16\n");

    assertThat(cpu.model()).isEqualTo(CpuFeatures.UNKNOWN);
    assertThat(cpu.known()).isTrue();
    assertThat(cpu.has("bf16")).isTrue();
    assertThat(cpu.speedUps()).isEmpty();
  }

  @Test
  void anUnreadableFileIsUnknownNotAGuess(@TempDir Path dir) {
    CpuFeatures cpu = CpuFeatures.read(dir.resolve("no-such-cpuinfo"));

    assertThat(cpu).isEqualTo(CpuFeatures.unknown());
    assertThat(cpu.known()).isFalse();
    assertThat(cpu.fastBf16()).isFalse();
    assertThat(cpu.fastBf16Convolutions()).isFalse();
    assertThat(CpuFeatures.parse("model name : EPYC\nflags : avx2 fma avx512f\n")
        .fastBf16Convolutions()).isFalse();
    assertThat(cpu.describe()).isEqualTo("unknown CPU (no /proc/cpuinfo)");
    assertThat(CpuFeatures.parse("")).isEqualTo(CpuFeatures.unknown());
  }

  @Test
  void detectionIsReadOnce() {
    assertThat(CpuFeatures.detect()).isSameAs(CpuFeatures.detect());
  }
}
