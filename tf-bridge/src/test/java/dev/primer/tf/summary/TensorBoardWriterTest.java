package dev.primer.tf.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;

class TensorBoardWriterTest {

  @TempDir
  Path dir;

  @Test
  void scalarsComeBackWithTheirTagsStepsAndValues() throws IOException {
    Path run = dir.resolve("he_normal-seed42");
    try (TensorBoardWriter tb = TensorBoardWriter.open(run)) {
      for (int epoch = 1; epoch <= 3; epoch++) {
        tb.scalar("train_loss", epoch, 2.0 / epoch);
        tb.scalar("test_accuracy", epoch, 0.5 + 0.1 * epoch);
      }
    }
    List<Path> files = EventFiles.in(run);
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).startsWith("events.out.tfevents.")
        .endsWith(".v2");

    List<Event> events = EventFiles.read(files.get(0));
    assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");

    List<ScalarEvent> scalars = EventFiles.scalars(files.get(0));
    assertThat(scalars).extracting(ScalarEvent::tag).containsExactly(
        "train_loss", "test_accuracy", "train_loss", "test_accuracy", "train_loss",
        "test_accuracy");
    assertThat(scalars).extracting(ScalarEvent::step).containsExactly(1L, 1L, 2L, 2L, 3L, 3L);
    // Stored as float32: exactly the double rounded to float.
    assertThat(scalars).extracting(ScalarEvent::value).containsExactly(
        2.0f, 0.6f, 1.0f, 0.7f, (float) (2.0 / 3), 0.8f);
    double now = System.currentTimeMillis() / 1000.0;
    assertThat(scalars).allSatisfy(s -> assertThat(s.wallTime()).isBetween(now - 600, now + 1));
  }

  @Test
  void twoOpenWritersKeepTheirOwnFiles() throws IOException {
    // Summary writers are resources: without distinct shared names both would write one file.
    try (TensorBoardWriter a = TensorBoardWriter.open(dir.resolve("a"));
         TensorBoardWriter b = TensorBoardWriter.open(dir.resolve("b"))) {
      a.scalar("x", 1, 1.0);
      b.scalar("x", 1, 2.0);
      a.scalar("x", 2, 3.0);
    }
    assertThat(EventFiles.scalars(EventFiles.in(dir.resolve("a")).get(0)))
        .extracting(ScalarEvent::value).containsExactly(1.0f, 3.0f);
    assertThat(EventFiles.scalars(EventFiles.in(dir.resolve("b")).get(0)))
        .extracting(ScalarEvent::value).containsExactly(2.0f);
  }

  @Test
  void aDamagedRecordIsReportedWithItsOffset() throws IOException {
    Path run = dir.resolve("r");
    try (TensorBoardWriter tb = TensorBoardWriter.open(run)) {
      tb.scalar("loss", 1, 1.5);
    }
    Path file = EventFiles.in(run).get(0);
    byte[] bytes = Files.readAllBytes(file);
    int firstLength = (int) java.nio.ByteBuffer.wrap(bytes)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0);
    int second = 16 + firstLength;
    bytes[second + 12] ^= 1;  // first data byte of the second record
    Files.write(file, bytes);
    assertThatThrownBy(() -> EventFiles.read(file))
        .isInstanceOf(IOException.class)
        .hasMessage("event file " + file + ": record at byte " + second
            + " is corrupt: the data checksum is wrong");
  }

  @Test
  void emptyTagsAndClosedWritersAreRefused() throws IOException {
    TensorBoardWriter tb = TensorBoardWriter.open(dir.resolve("c"));
    assertThatThrownBy(() -> tb.scalar("", 1, 1.0))
        .hasMessage("TensorBoard: a scalar needs a non-empty tag");
    tb.close();
    tb.close();
    assertThatThrownBy(() -> tb.scalar("loss", 1, 1.0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("TensorBoard: the writer for " + dir.resolve("c").toAbsolutePath()
            + " is closed");
  }
}
