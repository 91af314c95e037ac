package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number the data or the seed range cannot honour is refused before any training, in one line
 * naming the option; before, {@code --train-size} and {@code --batch} were clamped without a
 * word and {@code --seed} wrapped.
 */
class NumbersNotHonouredTest {

  @TempDir
  Path dir;

  private void assertRefused(CliRun run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo(message);
    assertThat(run.out()).as("nothing trained").isEmpty();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aTrainSizeLargerThanTheTrainingSet() {
    assertRefused(CliRun.of("compare", "--train-size", "999999", "--out",
            dir.resolve("out").toString()),
        "primer compare: error: --train-size: the training set has 8,000 examples; cannot keep"
            + " the first 999,999");
  }

  @Test
  void aTestSizeLargerThanTheTestSet() {
    assertRefused(CliRun.of("depth-sweep", "--test-size", "2001", "--out",
            dir.resolve("out").toString()),
        "primer depth-sweep: error: --test-size: the test set has 2,000 examples; cannot keep"
            + " the first 2,001");
  }

  @Test
  void aBatchLargerThanTheTrainingSet() {
    assertRefused(CliRun.of("compare", "--batch", "100000", "--out",
            dir.resolve("out").toString()),
        "primer compare: error: --batch: batch size 100000 is larger than the training set"
            + " (8,000 examples); use a batch size of at most 8000");
    assertRefused(CliRun.of("depth-sweep", "--train-size", "50", "--out",
            dir.resolve("out").toString()),
        "primer depth-sweep: error: --batch: batch size 64 is larger than the training set"
            + " (50 examples); use a batch size of at most 50");
  }

  @Test
  void seedsThatWouldPassTheLargestSeed() {
    assertRefused(CliRun.of("compare", "--seed", "9223372036854775807", "--seeds", "2",
            "--out", dir.resolve("out").toString()),
        "primer compare: error: --seed and --seeds: 2 seeds from 9223372036854775807 would pass"
            + " the largest seed, 9223372036854775807; the first seed can be at most"
            + " 9223372036854775806");
  }

  @Test
  void theLargestSeedAloneIsFine() throws Exception {
    CliRun run = CliRun.of("compare", "--seed", "9223372036854775807", "--seeds", "1",
        "--schemes", "zeros", "--epochs", "1", "--train-size", "64", "--test-size", "10", "--out",
        dir.resolve("out").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("seed 9223372036854775807");
    assertThat(Files.readString(dir.resolve("out/results.csv"))).contains("9223372036854775807");
  }
}
