package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --out is checked before the first run (nothing is trained, nothing printed on stdout), in one
 * line naming the path and what is wrong; a non-empty directory is refused unless --force,
 * which removes Primer's own files there and no others.
 */
class OutputDirectoryTest {

  @TempDir
  Path temp;

  private static CliRun compare(String... more) {
    String[] args = new String[6 + more.length];
    System.arraycopy(new String[] {"compare", "--epochs", "1", "--schemes", "he_normal",
        "--train-size=100"}, 0, args, 0, 6);
    System.arraycopy(more, 0, args, 6, more.length);
    return CliRun.of(args);
  }

  @Test
  void anOutThatIsAFileIsRefusedBeforeAnyRun() throws Exception {
    Path file = Files.writeString(temp.resolve("file.txt"), "mine");
    CliRun run = compare("--out", file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("primer compare: error: --out " + file
        + ": is a file, not a directory");
    assertThat(run.out()).isEmpty();
    assertThat(file).hasContent("mine");
  }

  @Test
  void anOutThatCannotBeCreatedIsRefusedBeforeAnyRun() throws Exception {
    // below a regular file: not even root can create it
    Path file = Files.writeString(temp.resolve("file.txt"), "mine");
    Path below = file.resolve("results");
    CliRun run = compare("--out", below.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("primer compare: error: --out " + below
        + ": cannot be created: ");
    assertThat(run.out()).isEmpty();

    CliRun proc = compare("--out", "/proc/primer-results");
    assertThat(proc.exitCode()).isEqualTo(2);
    assertThat(proc.err().strip()).startsWith(
        "primer compare: error: --out /proc/primer-results: cannot be created: ");
    assertThat(proc.out()).isEmpty();
  }

  @Test
  void aNonEmptyOutIsRefusedUnlessForceWhichRemovesOnlyPrimersFiles() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("results"));
    Files.writeString(dir.resolve("results.csv"), "old");
    Files.writeString(dir.resolve("train-loss-depth30.png"), "old chart");
    Files.writeString(dir.resolve(".results.json.1234.part"), "half");
    Files.writeString(dir.resolve("notes.txt"), "mine");
    CliRun refused = compare("--test-size", "50", "--out", dir.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err().strip()).isEqualTo("primer compare: error: --out " + dir
        + " is not empty (it holds 4 files: .results.json.1234.part, notes.txt, results.csv,"
        + " ...); give another --out, --force to replace the results Primer wrote there, or"
        + " --resume " + dir + " to continue an interrupted run");
    assertThat(refused.out()).isEmpty();
    assertThat(dir.resolve("results.csv")).hasContent("old");

    CliRun forced = compare("--test-size", "50", "--out", dir.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
    assertThat(dir.resolve("train-loss-depth30.png")).doesNotExist();
    assertThat(dir.resolve(".results.json.1234.part")).doesNotExist();
    assertThat(Files.readString(dir.resolve("results.csv"))).startsWith("scheme,seed,epoch");
  }

  @Test
  void primersFilesAreKnownByName() {
    assertThat(OutputDirectory.isPrimers("results.json")).isTrue();
    assertThat(OutputDirectory.isPrimers("accuracy-grid.png")).isTrue();
    assertThat(OutputDirectory.isPrimers("activation-std-depth5.png")).isTrue();
    assertThat(OutputDirectory.isPrimers(".report.html.0f1e.part")).isTrue();
    assertThat(OutputDirectory.isPrimers("INCOMPLETE")).isTrue();
    assertThat(OutputDirectory.isPrimers("photo.png")).isFalse();
    assertThat(OutputDirectory.isPrimers(".notes.txt.0f1e.part")).isFalse();
    assertThat(OutputDirectory.isPrimers("results.csv.bak")).isFalse();
  }
}
