package dev.primer.tf;

import static dev.primer.dsl.init.Inits.HE_NORMAL;
import static dev.primer.dsl.init.Inits.ORTHOGONAL;
import static dev.primer.dsl.init.Inits.sparse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeds: the same (spec, seed) gives bitwise-identical weights, in one JVM and across JVMs, before
 * and after training; different seeds, and different parameters under one seed, draw
 * independently.
 */
class SeedReproducibilityTest {

  /** Pearson correlation of two equally long arrays. */
  static double correlation(float[] a, float[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= a.length;
    mb /= b.length;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  /**
   * |correlation| of n independent pairs is about N(0, 1/n): 5 / sqrt(n) is exceeded with
   * p = 6e-7.
   */
  static double independenceBound(int n) {
    return 5 / Math.sqrt(n);
  }

  @Test
  void theSameSpecAndSeedGiveBitwiseIdenticalWeightsInOneJvm() {
    Map<String, ParameterValues> first = Fixtures.initialWeights(ReproducibilityProbe.SAMPLERS, 9);
    Map<String, ParameterValues> second =
        Fixtures.initialWeights(ReproducibilityProbe.SAMPLERS, 9);

    assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
    first.forEach((name, v) ->
        assertThat(second.get(name).values()).as(name).containsExactly(v.values()));
    assertThat(Fixtures.sha256(second)).isEqualTo(Fixtures.sha256(first));
  }

  @Test
  void differentSeedsGiveUncorrelatedWeights() {
    Map<String, ParameterValues> a = Fixtures.initialWeights(ReproducibilityProbe.SAMPLERS, 1);
    Map<String, ParameterValues> b = Fixtures.initialWeights(ReproducibilityProbe.SAMPLERS, 2);

    for (String name : List.of("conv2d_0/kernel", "conv2d_1/kernel", "dense_0/kernel",
        "dense_2/kernel", "dense_3/kernel")) {
      float[] x = a.get(name).values();
      float[] y = b.get(name).values();
      assertThat(y).as(name).isNotEqualTo(x);
      if (!name.startsWith("conv2d")) { // mostly zeros: correlation is not the measure there
        assertThat(Math.abs(correlation(x, y))).as("%s: correlation across seeds", name)
            .isLessThan(independenceBound(x.length));
      }
    }
    // identity has no randomness: the same under any seed
    assertThat(b.get("dense_1/kernel").values()).containsExactly(a.get("dense_1/kernel").values());
  }

  static Stream<Init> inits() {
    return Stream.of(HE_NORMAL, ORTHOGONAL, sparse(8, 1.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inits")
  void sameShapedLayersNeverStartIdentical(Init init) {
    // input(64): dense_0, dense_1 and dense_2 all have [64, 64] kernels
    NetSpec spec = Net.input(64).dense(64).init(init).relu().dense(64).init(init).relu()
        .dense(64).init(init);
    Map<String, ParameterValues> w = Fixtures.initialWeights(spec, 42);

    List<String> names = List.of("dense_0/kernel", "dense_1/kernel", "dense_2/kernel");
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        float[] x = w.get(names.get(i)).values();
        float[] y = w.get(names.get(j)).values();
        assertThat(y).as("%s vs %s", names.get(i), names.get(j)).isNotEqualTo(x);
        assertThat(Math.abs(correlation(x, y)))
            .as("%s vs %s: correlation", names.get(i), names.get(j))
            .isLessThan(independenceBound(x.length));
      }
    }
  }

  @Test
  void addingALayerLeavesTheOtherLayersDrawsUnchanged() {
    // each parameter's key comes from (seed, its name); names count per kind
    Map<String, ParameterValues> two = Fixtures.initialWeights(
        Net.input(784).dense(256).init(HE_NORMAL).dense(10), 3);
    Map<String, ParameterValues> three = Fixtures.initialWeights(
        Net.input(784).dense(256).init(HE_NORMAL).dense(10).dense(5), 3);

    // isEqualTo compares primitive arrays with Arrays.equals (fast for 200k values)
    assertThat(three.get("dense_0/kernel").values())
        .isEqualTo(two.get("dense_0/kernel").values());
    assertThat(three.get("dense_1/kernel").values())
        .isEqualTo(two.get("dense_1/kernel").values());
  }

  @Test
  void initialAndTrainedWeightsAreBitwiseIdenticalInSeparateJvms() throws Exception {
    Fixtures.ChildJvm first = Fixtures.ChildJvm.start(ReproducibilityProbe.class);
    Fixtures.ChildJvm second = Fixtures.ChildJvm.start(ReproducibilityProbe.class);
    Map<String, String> here = ReproducibilityProbe.digests();

    Map<String, String> there1 = parse(first.await(Duration.ofMinutes(2)));
    Map<String, String> there2 = parse(second.await(Duration.ofMinutes(2)));

    assertThat(here.keySet()).containsExactly("init/samplers", "init/recurrent",
        "trained/sgd", "trained/momentum", "trained/nesterov", "trained/adam", "trained/rmsprop");
    assertThat(there1).as("child JVM 1 vs this JVM").containsExactlyEntriesOf(here);
    assertThat(there2).as("child JVM 2 vs this JVM").containsExactlyEntriesOf(here);
  }

  private static Map<String, String> parse(List<String> lines) {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String line : lines) {
      String[] parts = line.split(" ");
      if (parts.length == 2 && parts[1].matches("[0-9a-f]{64}")) {
        digests.put(parts[0], parts[1]);
      }
    }
    return digests;
  }
}
