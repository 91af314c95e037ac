package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code primer coordcheck}, short (two widths, one step, one seed): the table, the exponents
 * and the files; a bad option before anything is written.
 */
class CoordCheckCommandTest {

  @TempDir
  Path out;

  @Test
  void printsTheTableAndExponentsAndWritesResultsChartsAndReport() throws Exception {
    Path dir = out.resolve("c");
    CliRun run = CliRun.of("coordcheck", "--widths", "32,64", "--base", "32", "--steps", "1",
        "--seeds", "1", "--out", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("mup(32)", "w=32", "w=64", "slope", "dense_2 (logits)")
        .containsPattern("(?m)^standard\\s+logits' growth exponent after step 1: [+-]\\d")
        .containsPattern("(?m)^mup\\(32\\)\\s+logits' growth exponent after step 1: [+-]\\d")
        .contains("wrote " + dir.resolve("results.csv"));
    // 2 parametrizations x 2 widths x 1 seed x 2 measures x 3 layers, and the header
    assertThat(Files.readAllLines(dir.resolve("results.csv"))).hasSize(1 + 2 * 2 * 2 * 3)
        .first().isEqualTo("parametrization,width,seed,step,layer,mean_abs");
    assertThat(dir.resolve("coordinates-standard.png")).exists();
    assertThat(dir.resolve("coordinates-mup.png")).exists();
    assertThat(Files.readString(dir.resolve("report.html"))).contains("Coordinate check");
  }

  @Test
  void widthsOutOfOrderAreAUsageErrorBeforeAnyOutput() {
    Path dir = out.resolve("bad");
    CliRun run = CliRun.of("coordcheck", "--widths", "128,64", "--out", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("primer coordcheck: error: coordinate check: widths must"
        + " be > 0 and ascending, got [128, 64]");
    assertThat(dir).doesNotExist();
  }
}
