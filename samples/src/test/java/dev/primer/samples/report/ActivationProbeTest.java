package dev.primer.samples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.data.InMemoryDataset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivationProbeTest {

  private static final NetSpec NET = Net.parse(
      "input(100).dense(64).relu().dense(64).relu().dense(64).relu().dense(10)");

  private static InMemoryDataset gaussian(int n, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * 100];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return InMemoryDataset.ofClasses(x, Shape.of(100), new int[n], 10);
  }

  /** Population standard deviation, two passes in double. */
  private static double std(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    double mean = sum / values.length;
    double squares = 0;
    for (float v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / values.length);
  }

  @Test
  void theLastLayersStdIsThatOfTheNetsPredictions() {
    InMemoryDataset data = gaussian(64, 1);
    Map<String, Init> schemes = Map.of("he", Net.parseInit("he_normal"));
    double[] std = ActivationProbe.atInit(NET, schemes, 7, Device.CPU, data, 64).get("he");
    assertThat(std).hasSize(4);
    float[] examples = new float[64 * 100];
    data.read(0, 64, examples, 0, new float[64 * 10], 0);
    try (Model model = Model.compile(NET.withKernelInit(schemes.get("he")), 7, Device.CPU)) {
      // Same graph, same input: only the order of the float sums may differ.
      assertThat(std[3]).isCloseTo(std(model.predict(examples)), within(1e-6 * std[3]));
    }
  }

  @Test
  void aNetThatDoesNotFitTheTargetsHasNoChart() {
    assertThat(ActivationProbe.atInit(Net.parse("input(100).dense(3)"),
        Map.of("he", Net.parseInit("he_normal")), 7, Device.CPU, gaussian(8, 1), 8)).isEmpty();
  }

  @Test
  void halvingEveryKernelsVarianceHalvesEachLayersVarianceOnceMore() {
    // lecun_normal_untruncated (variance 1/fan_in) and he_normal_untruncated (2/fan_in) draw the
    // same normal numbers for the same seed and parameter, scaled by sqrt(2) apart. A ReLU net
    // with zero biases is positively homogeneous, so layer l's output std differs by exactly
    // 2^(l/2): only float32 rounding (relative 1e-7 per op) separates the two.
    Map<String, Init> schemes = new LinkedHashMap<>();
    schemes.put("lecun", Net.parseInit("lecun_normal_untruncated"));
    schemes.put("he", Net.parseInit("he_normal_untruncated"));
    Map<String, double[]> std = ActivationProbe.atInit(NET, schemes, 3, Device.CPU,
        gaussian(200, 2), 128);
    assertThat(std.keySet()).containsExactly("lecun", "he");
    for (int l = 0; l < 4; l++) {
      assertThat(std.get("he")[l] / std.get("lecun")[l])
          .isCloseTo(Math.pow(2, (l + 1) / 2.0), within(1e-4));
    }
    // And He keeps the signal's size through the ReLU layers, within 20% at width 64.
    assertThat(std.get("he")[2] / std.get("he")[0]).isBetween(0.8, 1.25);
  }
}
