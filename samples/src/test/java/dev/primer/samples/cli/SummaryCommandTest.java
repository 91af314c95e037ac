package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
