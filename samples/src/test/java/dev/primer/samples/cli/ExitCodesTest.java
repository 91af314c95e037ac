package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for the training commands' exit codes: 0 when every run ended as a result (ok,
 * never learned, diverged), 3 when a run failed, 2 for a usage error.
 */
class ExitCodesTest {

  @TempDir
  Path temp;

  @Test
  void aComparisonWhoseRunsFailedExits3AndSaysWhy() {
    CliRun run = CliRun.of("compare", "--net", "input(784).dense(5).softmax()", "--schemes",
        "zeros,he_normal", "--epochs", "1", "--seeds", "1", "--train-size", "100",
        "--test-size", "50", "--out", temp.resolve("compare").toString());
    assertThat(run.exitCode()).isEqualTo(ErrorReporter.RUNS_FAILED).isEqualTo(3);
    assertThat(run.err().strip()).isEqualTo("primer compare: 2 of 2 runs failed (exit code 3);"
        + " the first, zeros seed 42: the data has 10 target values per example, the net"
        + " outputs [5] (5)");
    assertThat(temp.resolve("compare").resolve("results.json")).exists();
  }

  @Test
  void aDivergedRunIsAResultAndExits0() {
    // (a run that never learned exits 0 too: CompareCommandTest's zeros)
    CliRun run = CliRun.of("compare", "--net", "input(784).dense(64).relu().dense(10).softmax()",
        "--schemes", "zeros,he_normal", "--optimizer", "sgd", "--lr", "1e30", "--epochs", "1",
        "--seeds", "1", "--train-size", "600", "--test-size", "50", "--out", temp.resolve("ok").toString());
    assertThat(run.out()).containsPattern("(?m)^he_normal .*: diverged at step \\d+$");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aUsageErrorExits2() {
    assertThat(CliRun.of("compare", "--epochs", "zero").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("compare", "--epochs", "0").exitCode()).isEqualTo(2);
  }
}
