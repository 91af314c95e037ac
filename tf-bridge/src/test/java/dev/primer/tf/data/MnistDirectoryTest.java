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
        .hasMessage(nowhere + ": not a directory; expected a directory holding train-images-idx3-ubyte,"
            + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each plain or .gz");
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
