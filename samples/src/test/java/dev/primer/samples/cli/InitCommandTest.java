package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.tf.io.NpyArray;
import dev.primer.tf.io.Npz;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

  @TempDir
  Path dir;

  @Test
  void writesEveryParameterNamedAsInTheSummary() throws Exception {
    Path file = dir.resolve("init.npz");
    CliRun run = CliRun.of("init", "--net", "input(784).dense(256).relu().dense(10).softmax()",
        "--seed", "7", "--out", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, NpyArray> arrays = Npz.read(file);
    assertThat(arrays.keySet())
        .containsExactly("dense_0/kernel", "dense_0/bias", "dense_1/kernel", "dense_1/bias");
    assertThat(arrays.get("dense_0/kernel").shape()).containsExactly(784, 256);
    // AUTO's first layer keeps the standardised input's second moment: lecun_normal
    assertThat(run.out()).contains("lecun_normal (auto)", "wrote 4 arrays to " + file);
    // lecun_normal: std sqrt(1/784) = 0.0357; 200,704 draws give a sample std within ~0.2%
    assertThat(std(arrays.get("dense_0/kernel").data())).isCloseTo(Math.sqrt(1.0 / 784),
        within(0.0357 * 0.01));
  }

  @Test
  void schemeOverridesEveryKernel() throws Exception {
    Path file = dir.resolve("zeros.npz");
    CliRun run = CliRun.of("init", "--net", "input(20).dense(8).relu().dense(3)",
        "--scheme", "constant(0.5)", "--out", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, NpyArray> arrays = Npz.read(file);
    for (String kernel : new String[] {"dense_0/kernel", "dense_1/kernel"}) {
      for (float v : arrays.get(kernel).data()) {
        assertThat(v).isEqualTo(0.5f);
      }
    }
    assertThat(run.out()).contains("(every kernel: constant(0.5))");
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() throws Exception {
    String net = "input(10).dense(5)";
    CliRun.of("init", "--net", net, "--seed", "1", "--out", dir.resolve("a.npz").toString());
    CliRun.of("init", "--net", net, "--seed", "1", "--out", dir.resolve("b.npz").toString());
    CliRun.of("init", "--net", net, "--seed", "2", "--out", dir.resolve("c.npz").toString());
    float[] a = Npz.read(dir.resolve("a.npz")).get("dense_0/kernel").data();
    float[] b = Npz.read(dir.resolve("b.npz")).get("dense_0/kernel").data();
    float[] c = Npz.read(dir.resolve("c.npz")).get("dense_0/kernel").data();
    assertThat(a).containsExactly(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void reportsABadSpecInOneLine() {
    CliRun run = CliRun.of("init", "--net", "input(784).dense(0)", "--out",
        dir.resolve("x.npz").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("primer init: error: column 12: layer 0 (dense): units must be > 0, got 0");
    assertThat(dir.resolve("x.npz")).doesNotExist();
  }

  private static double std(float[] values) {
    double mean = 0;
    for (float v : values) {
      mean += v;
    }
    mean /= values.length;
    double sum = 0;
    for (float v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }
}
