package dev.primer.tf.data;

import static dev.primer.tf.data.IdxFixtures.cyclicLabels;
import static dev.primer.tf.data.IdxFixtures.images;
import static dev.primer.tf.data.IdxFixtures.labels;
import static dev.primer.tf.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MnistDirectoryTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void readsTrainAndTestSets(boolean gzip) {
    IdxFixtures.writeMnist(dir, 12, 5, gzip);

    MnistSplit split = MnistDirectory.read(dir);

    assertThat(split.source()).isEqualTo(dir.toString());
    assertThat(split.train().count()).isEqualTo(12);
    assertThat(split.test().count()).isEqualTo(5);
    assertThat(split.train().rows()).isEqualTo(28);
    assertThat(split.train().cols()).isEqualTo(28);
    assertThat(split.train().labels()).containsExactly(cyclicLabels(12, 0));
    assertThat(split.test().labels()).containsExactly(3, 4, 5, 6, 7);
    assertThat(split.test().grey(4, 2, 3)).isEqualTo(IdxFixtures.grey(4, 2 * 28 + 3));
    assertThat(split.test().pixel(4, 2, 3)).isEqualTo(IdxFixtures.grey(4, 2 * 28 + 3) / 255f);
  }

  @Test
  void mixesPlainAndGzipAndPrefersPlainWhenBothExist() {
    IdxFixtures.writeMnist(dir, 12, 5, true);
    write(dir, MnistFiles.TEST_LABELS, labels(9, 9, 9, 9, 9), false);

    MnistSplit split = MnistDirectory.read(dir);

    assertThat(split.test().labels()).containsExactly(9, 9, 9, 9, 9);
    assertThat(split.train().count()).isEqualTo(12);
  }

  @Test
  void rejectsAMissingDirectory() {
    Path nowhere = dir.resolve("nowhere");

    assertThatThrownBy(() -> MnistDirectory.read(nowhere))
        .isInstanceOf(DataFileException.class)
        .hasMessage(nowhere + ": does not exist; expected a directory holding train-images-idx3-ubyte,"
            + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each plain or .gz");
  }

  @Test
  void rejectsAFileWhereTheDirectoryShouldBe() throws IOException {
    Path file = Files.writeString(dir.resolve("data.txt"), "not MNIST");

    assertThatThrownBy(() -> MnistDirectory.read(file))
        .hasMessageStartingWith(file + ": not a directory; expected a directory holding");
  }

  @Test
  void aDirectoryWhereAFileShouldBeIsNotMissing() throws IOException {
    // before: Files.isRegularFile said false and the message said "missing"
    IdxFixtures.writeMnist(dir, 12, 5, true);
    Files.delete(dir.resolve("t10k-images-idx3-ubyte.gz"));
    Path folder = Files.createDirectory(dir.resolve("t10k-images-idx3-ubyte"));

    assertThatThrownBy(() -> MnistDirectory.read(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessage(folder + ": is a directory; expected an IDX file (plain or .gz)");
  }

  @Test
  void aDeviceWhereAFileShouldBeIsNotMissing() throws IOException {
    Path device = Path.of("/dev/null");
    Assumptions.assumeTrue(Files.exists(device), "needs /dev/null");
    IdxFixtures.writeMnist(dir, 12, 5, true);
    Files.delete(dir.resolve("train-labels-idx1-ubyte.gz"));
    Path link = Files.createSymbolicLink(dir.resolve("train-labels-idx1-ubyte"), device);

    try {
      assertThatThrownBy(() -> MnistDirectory.read(dir))
          .hasMessage(link + ": is a device, pipe or socket; expected an IDX file (plain or .gz)");
    } finally {
      Files.delete(link);
    }
  }

  @Test
  void aFileThatCannotBeOpenedIsNotReadableNotMissing() throws IOException {
    // An open that fails for a reason other than absence, even for root: a link to itself.
    IdxFixtures.writeMnist(dir, 12, 5, true);
    Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
    Path loop = dir.resolve("t10k-labels-idx1-ubyte");
    Files.createSymbolicLink(loop, loop.getFileName());

    assertThatThrownBy(() -> MnistDirectory.read(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(loop + ": not readable (Too many levels of symbolic links");
  }

  @Test
  void aReadableGzipStandsInForAPlainNameThatCannotBeUsed() throws IOException {
    IdxFixtures.writeMnist(dir, 12, 5, true);
    Files.createDirectory(dir.resolve("t10k-images-idx3-ubyte"));

    assertThat(MnistDirectory.read(dir).test().count()).isEqualTo(5);
  }

  @Test
  void aFileWithoutReadPermissionIsNotReadable() throws IOException {
    IdxFixtures.writeMnist(dir, 12, 5, false);
    Path file = dir.resolve("train-images-idx3-ubyte");
    Files.setPosixFilePermissions(file, Set.of());
    try {
      Assumptions.assumeFalse(Files.isReadable(file),
          "runs only where permission bits apply (not as root)");
      assertThatThrownBy(() -> MnistDirectory.read(dir))
          .hasMessage(file + ": not readable (permission denied)");
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  @Test
  void aDirectoryWithoutPermissionsIsNotReadableNotMissing() throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    IdxFixtures.writeMnist(data, 12, 5, false);
    Files.setPosixFilePermissions(data, Set.of());
    try {
      Assumptions.assumeFalse(Files.isReadable(data),
          "runs only where permission bits apply (not as root)");
      assertThatThrownBy(() -> MnistDirectory.read(data))
          .hasMessage(data + ": not readable (permission denied): cannot look for"
              + " train-images-idx3-ubyte in it");
    } finally {
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void namesBothAcceptedNamesOfAMissingFile() throws IOException {
    IdxFixtures.writeMnist(dir, 12, 5, true);
    Files.delete(dir.resolve("t10k-images-idx3-ubyte.gz"));

    assertThatThrownBy(() -> MnistDirectory.read(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessage(dir + ": missing t10k-images-idx3-ubyte: expected a file named t10k-images-idx3-ubyte"
            + " or t10k-images-idx3-ubyte.gz")
        .extracting(e -> ((DataFileException) e).file()).isEqualTo(dir.toString());
  }

  @Test
  void rejectsDifferentImageAndLabelCounts() {
    IdxFixtures.writeMnist(dir, 12, 5, false);
    Path labelsFile = write(dir, MnistFiles.TRAIN_LABELS, labels(cyclicLabels(11, 0)), false);

    assertThatThrownBy(() -> MnistDirectory.read(dir))
        .hasMessage(labelsFile + ": holds 11 labels but " + dir.resolve(MnistFiles.TRAIN_IMAGES)
            + " holds 12 images; the counts must match");
  }

  @Test
  void namesTheIndexOfALabelOutside0To9() {
    IdxFixtures.writeMnist(dir, 12, 5, true);
    Path labelsFile = write(dir, MnistFiles.TEST_LABELS, labels(1, 2, 3, 10, 4), true);

    assertThatThrownBy(() -> MnistDirectory.read(dir))
        .hasMessage(labelsFile + ": label 10 at index 3 (byte offset 11) is outside 0..9");
  }

  @Test
  void requires28By28Images() {
    IdxFixtures.writeMnist(dir, 12, 5, false);
    Path imagesFile = write(dir, MnistFiles.TRAIN_IMAGES, images(12, 32, 32), false);

    assertThatThrownBy(() -> MnistDirectory.read(dir))
        .hasMessage(imagesFile + ": images are 32x32 pixels, expected 28x28");
  }
}
