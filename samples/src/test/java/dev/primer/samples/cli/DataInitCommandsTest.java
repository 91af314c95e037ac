package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.dsl.base.Shape;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.LabeledImages;
import dev.primer.tf.io.NpyArray;
import dev.primer.tf.io.Npz;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LSUV and the class prior from the command line, on the embedded MNIST digits. With at most 512
 * training images the probe batch is all of them, so the variances can be measured again here,
 * by a forward pass in Java from the written weights: with zero biases one rescaling lands on
 * variance 1 up to float32 rounding, so each must be within LSUV's tolerance 0.1 of 1.
 */
class DataInitCommandsTest {

  @TempDir
  Path dir;

  @Test
  void initWithLsuvWritesKernelsAtUnitVarianceOnTheDigits() throws Exception {
    Path file = dir.resolve("lsuv.npz");
    CliRun run = CliRun.of("init", "--net",
        "input(784).dense(64).relu().dense(32).tanh().dense(10).softmax().bias(class_prior)",
        "--scheme", "lsuv", "--train-size", "400", "--out", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("lsuv(0.1,10): orthogonal, then scaled on data")
        .contains("class_prior: zeros, then log class frequencies")
        .contains("initialized on data: 400 training images of embedded MNIST")
        .contains("dense_0/kernel  layer 0 (dense)  variance ")
        .contains("lsuv on 400 examples: 3/3 layers within 0.1 of unit variance after 1"
            + " iteration; class prior: log frequencies of 10 classes");
    Map<String, NpyArray> weights = Npz.read(file);
    LabeledImages digits = EmbeddedMnist.load().train().subset(0, 400);
    ImageDataset data = new ImageDataset(digits, Shape.of(784), 10);
    float[] x = new float[400 * 784];
    data.read(0, 400, x, 0, new float[400 * 10], 0);
    double[] h = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      h[i] = x[i];
    }
    int width = 784;
    String[] activations = {"relu", "tanh", "softmax"};
    for (int layer = 0; layer < 3; layer++) {
      NpyArray w = weights.get("dense_" + layer + "/kernel");
      int out = w.shape()[1];
      double[] z = new double[400 * out];
      for (int i = 0; i < 400; i++) {
        for (int k = 0; k < out; k++) {
          double sum = 0; // LSUV measures before the class prior sets the last bias
          if (layer < 2) {
            sum = weights.get("dense_" + layer + "/bias").data()[k];
          }
          for (int j = 0; j < width; j++) {
            sum += h[i * width + j] * w.data()[j * out + k];
          }
          z[i * out + k] = sum;
        }
      }
      assertThat(variance(z)).as("layer %d", layer).isCloseTo(1, within(0.1));
      for (int i = 0; i < z.length; i++) {
        z[i] = activations[layer].equals("relu") ? Math.max(0, z[i])
            : activations[layer].equals("tanh") ? Math.tanh(z[i]) : z[i];
      }
      h = z;
      width = out;
    }
    // the prior: log of the label frequencies among the 400 digits
    int[] counts = new int[10];
    for (int i = 0; i < 400; i++) {
      counts[digits.label(i)]++;
    }
    float[] bias = weights.get("dense_2/bias").data();
    for (int k = 0; k < 10; k++) {
      assertThat(bias[k]).isCloseTo((float) Math.log(counts[k] / 400.0), within(1e-6f));
    }
  }

  @Test
  void compareRunsLsuvAndRecordsItsReport() throws Exception {
    Path out = dir.resolve("compare");
    CliRun run = CliRun.of("compare", "--epochs", "1", "--seeds", "1", "--train-size", "300",
        "--test-size", "100", "--schemes", "lsuv,he_normal", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("    lsuv on 300 examples: 3/3 layers within 0.1 of unit"
        + " variance after 1 iteration");
    JsonNode runs = new ObjectMapper().readTree(out.resolve("results.json").toFile())
        .get("runs");
    JsonNode lsuv = runs.get(0).get("data_init");
    assertThat(lsuv.get("probe_examples").asInt()).isEqualTo(300);
    assertThat(lsuv.get("lsuv")).hasSize(3);
    for (JsonNode layer : lsuv.get("lsuv")) {
      assertThat(layer.get("tolerance").asDouble()).isEqualTo(0.1);
      assertThat(layer.get("max_iterations").asInt()).isEqualTo(10);
      assertThat(layer.get("iterations").asInt()).isEqualTo(1);
      assertThat(layer.get("converged").asBoolean()).isTrue();
      assertThat(layer.get("final_variance").asDouble()).isCloseTo(1, within(0.1));
    }
    assertThat(runs.get(1).has("data_init")).isFalse();
  }

  @Test
  void diagnoseLooksAtTheWeightsLsuvFinished() {
    CliRun run = CliRun.of("diagnose", "--net",
        "input(784).dense(64).relu().dense(10).softmax()", "--scheme", "lsuv", "--batch", "128");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("data init on the probe: lsuv on 128 examples: 2/2 layers"
        + " within 0.1 of unit variance after 1 iteration");
  }

  @Test
  void initRefusesImagesThatDoNotFitTheNet() {
    CliRun run = CliRun.of("init", "--net", "input(20).dense(10).softmax()", "--scheme", "lsuv",
        "--out", dir.resolve("x.npz").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("primer init: error: a data-dependent init needs"
        + " training images that fit the net: an example of shape [20] holds 20 values, but the"
        + " images have 28x28 = 784 pixels");
    assertThat(dir.resolve("x.npz")).doesNotExist();
  }

  @Test
  void aSchemeThatCannotFillTheNetIsOneLine() {
    CliRun run = CliRun.of("init", "--net", "input(28,28).lstm(16).dense(10).softmax()",
        "--scheme", "lsuv", "--out", dir.resolve("x.npz").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("primer init: error: layer 0 (lstm): lsuv scales")
        .doesNotContain("\n");
  }

  private static double variance(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return sum / values.length;
  }
}
