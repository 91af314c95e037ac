package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {

  @Test
  void printsTheLayerTable() {
    CliRun run = CliRun.of("summary", "--net",
        "input(28,28,1).conv2d(32,5).relu().maxPool2d(2).flatten().dense(10).softmax()");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("input [28, 28, 1]", "conv2d(32,5)", "[24, 24, 32]", "25/800",
        "lecun_normal (auto)", "parameters: 46,922 (trainable 46,922, non-trainable 0)");
  }

  @Test
  void badTextIsOneLineWithItsColumn() {
    CliRun run = CliRun.of("summary", "--net", "input(784).dence(10)");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(
        "primer summary: error: column 12: unknown step 'dence'; did you mean 'dense'?");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void unknownOptionPointsToTheHelp() {
    CliRun run = CliRun.of("summary", "--net", "input(3)", "--nett");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("primer summary: error: Unknown option: '--nett'\n"
        + "see 'primer summary --help'\n");
  }

  @Test
  void describesASavedModelOfEitherFormat(@TempDir Path dir) throws IOException {
    try (Model model = Model.compile(Net.input(4).dense(8).relu().dense(3).softmax(), 17,
        Device.CPU)) {
      model.save(dir.resolve("primer"));
      model.exportSavedModel(dir.resolve("exported/1"));
    }

    CliRun saved = CliRun.of("summary", "--model", dir.resolve("exported/1").toString());
    assertThat(saved.exitCode()).isZero();
    assertThat(saved.out()).startsWith("model:  " + dir.resolve("exported/1") + "\n"
        + "format: TensorFlow SavedModel (saved_model.pb, variables/)\n"
        + "seed:   17\n"
        + "spec:   input(4).dense(8).relu().dense(3).softmax()\n"
        + "signature serving_default (tag serve, method tensorflow/serving/predict):\n"
        + "  input  input: float [-1, 4] (tensor input:0)\n"
        + "  output output: float [-1, 3] (tensor ");
    assertThat(saved.out()).contains("input [4]", "dense(8)", "relu",
        "parameters: 67 (trainable 67, non-trainable 0)");

    CliRun primer = CliRun.of("summary", "--model", dir.resolve("primer").toString());
    assertThat(primer.exitCode()).isZero();
    assertThat(primer.out()).startsWith("model:  " + dir.resolve("primer") + "\n"
        + "format: Primer's format (spec.txt, weights.npz)\n"
        + "seed:   not kept by this format (loads as 0)\n"
        + "spec:   input(4).dense(8).relu().dense(3).softmax()\n\n"
        + "input [4]");
    assertThat(primer.out()).contains("parameters: 67 (trainable 67, non-trainable 0)");
  }

  @Test
  void aDirectoryWithoutAModelIsOneLineNamingWhatIsMissing(@TempDir Path dir)
      throws IOException {
    CliRun empty = CliRun.of("summary", "--model", dir.toString());
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).isEqualTo("primer summary: error: " + dir + ": not a saved model:"
        + " it has neither spec.txt and weights.npz (Model.save) nor saved_model.pb"
        + " (Model.exportSavedModel)\n");

    Files.writeString(dir.resolve("spec.txt"), "input(4).dense(3)\n");
    CliRun noWeights = CliRun.of("summary", "--model", dir.toString());
    assertThat(noWeights.exitCode()).isEqualTo(2);
    assertThat(noWeights.err()).isEqualTo("primer summary: error: " + dir.resolve("weights.npz")
        + ": missing: Primer's format: spec.txt is there, but not the weights\n");
  }

  @Test
  void netAndModelTogetherOrNeitherIsAnOptionError() {
    CliRun both = CliRun.of("summary", "--net", "input(3)", "--model", "m");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).startsWith("primer summary: error: Error: --net=TEXT, --model=DIR are"
        + " mutually exclusive");
    CliRun neither = CliRun.of("summary");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).startsWith("primer summary: error: Error: Missing required argument");
  }
}
