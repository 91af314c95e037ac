package dev.primer.tf.data;

import static dev.primer.tf.data.IdxFixtures.concat;
import static dev.primer.tf.data.IdxFixtures.gzip;
import static dev.primer.tf.data.IdxFixtures.header;
import static dev.primer.tf.data.IdxFixtures.images;
import static dev.primer.tf.data.IdxFixtures.labels;
import static dev.primer.tf.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  /** 16-byte header + 3 images of 28x28. */
  private static final int THREE_IMAGES_BYTES = 16 + 3 * 784;

  @TempDir
  Path dir;

  private IdxSource source(String name, byte[] bytes) {
    return IdxSource.of(write(dir.resolve(name), bytes));
  }

  @Test
  void readsPlainImagesRowMajorImageAfterImage() {
    IdxImages read = IdxReader.readImages(source("images", images(3, 2, 5)));

    assertThat(read.count()).isEqualTo(3);
    assertThat(read.rows()).isEqualTo(2);
    assertThat(read.cols()).isEqualTo(5);
    assertThat(read.greys()).isEqualTo(Arrays.copyOfRange(images(3, 2, 5), 16, 16 + 30));
    assertThat(read.greys()[10 + 7] & 0xFF).isEqualTo(IdxFixtures.grey(1, 7));
  }

  @Test
  void detectsGzipByMagicBytesNotByName() {
    byte[] plain = images(3, 28, 28);
    IdxImages fromGzipWithoutSuffix = IdxReader.readImages(source("images", gzip(plain)));
    IdxImages fromPlainWithSuffix = IdxReader.readImages(source("images.gz", plain));

    assertThat(fromGzipWithoutSuffix.greys()).isEqualTo(Arrays.copyOfRange(plain, 16, plain.length));
    assertThat(fromPlainWithSuffix.greys()).isEqualTo(fromGzipWithoutSuffix.greys());
  }

  @Test
  void readsLabelsPlainAndGzip() {
    byte[] file = labels(7, 0, 9, 3);

    assertThat(IdxReader.readLabels(source("labels", file)).labels()).containsExactly(7, 0, 9, 3);
    assertThat(IdxReader.readLabels(source("labels.gz", gzip(file))).labels()).containsExactly(7, 0, 9, 3);
    assertThat(IdxReader.readLabels(source("empty", labels())).count()).isZero();
  }

  @Test
  void rejectsWrongMagicNamingBothNumbers() {
    Path file = write(dir.resolve("images"), labels(1, 2, 3));

    assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .isInstanceOf(DataFileException.class)
        .hasMessage(file + ": wrong magic number 0x00000801 at byte offset 0, expected 0x00000803"
            + " (IDX images: unsigned bytes, 3 dimensions)");
  }

  @Test
  void rejectsWrongMagicInLabelFile() {
    Path file = write(dir.resolve("labels.gz"), gzip(header(0x89504E47L, 0, 0)));

    assertThatThrownBy(() -> IdxReader.readLabels(IdxSource.of(file)))
        .hasMessage(file + ": wrong magic number 0x89504E47 at byte offset 0, expected 0x00000801"
            + " (IDX labels: unsigned bytes, 1 dimension)");
  }

  @Test
  void namesOffsetAndExpectedBytesWhenPlainFileIsTruncated() {
    Path file = write(dir.resolve("images"), Arrays.copyOf(images(3, 28, 28), 1000));

    assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .isInstanceOf(DataFileException.class)
        .hasMessage(file + ": truncated at byte offset 1000: expected 2368 bytes"
            + " (16-byte header + 3 images of 28x28 pixels)");
  }

  @Test
  void namesDecompressedOffsetWhenGzipDataEndsEarly() {
    Path file = write(dir.resolve("images.gz"), gzip(Arrays.copyOf(images(3, 28, 28), 1000)));

    assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .hasMessage(file + ": truncated at byte offset 1000 of the decompressed data: expected 2368 bytes"
            + " (16-byte header + 3 images of 28x28 pixels)");
  }

  @Test
  void treatsCutOffGzipStreamAsTruncated() {
    byte[] compressed = gzip(images(3, 28, 28));
    Path file = write(dir.resolve("images.gz"), Arrays.copyOf(compressed, compressed.length / 2));

    assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .isInstanceOf(DataFileException.class)
        .hasMessageMatching(".*images\\.gz: truncated at byte offset \\d+ of the decompressed data:"
            + " expected 2368 bytes \\(16-byte header \\+ 3 images of 28x28 pixels\\)");
  }

  @Test
  void namesTheHeaderWhenFileEndsInsideIt() {
    Path file = write(dir.resolve("images"), Arrays.copyOf(images(1, 28, 28), 6));

    assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .hasMessage(file + ": truncated at byte offset 6: expected 16 bytes (16-byte header of an IDX image file)");
  }

  @Test
  void treatsGzipFileCutInsideItsOwnHeaderAsTruncatedAtOffsetZero() {
    Path file = write(dir.resolve("labels.gz"), new byte[] {0x1f, (byte) 0x8b, 8});

    assertThatThrownBy(() -> IdxReader.readLabels(IdxSource.of(file)))
        .hasMessage(file + ": truncated at byte offset 0 of the decompressed data: expected 8 bytes"
            + " (8-byte header of an IDX label file)");
  }

  @Test
  void rejectsZeroRowsOrColumns() {
    Path file = write(dir.resolve("images"), header(0x803, 5, 0, 28));

    assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .hasMessage(file + ": implausible header: images of 0 rows x 28 columns; both must be at least 1");
  }

  @Test
  void rejectsAbsurdImageCountBeforeReadingData() {
    Path file = write(dir.resolve("images.gz"), gzip(header(0x803, 0xFFFFFFFFL, 28, 28)));

    assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .hasMessage(file + ": implausible header: 4294967295 images of 28x28 pixels = 3367254359280 bytes,"
            + " more than the limit of 1073741824 bytes");
  }

  @Test
  void rejectsAbsurdImageSize() {
    Path file = write(dir.resolve("images"), header(0x803, 1, 65536, 65536));

    assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .hasMessage(file + ": implausible header: images of 65536x65536 pixels = 4294967296 bytes each,"
            + " more than the limit of 1073741824 bytes");
  }

  @Test
  void rejectsAbsurdLabelCount() {
    Path file = write(dir.resolve("labels"), header(0x801, 0x80000000L));

    assertThatThrownBy(() -> IdxReader.readLabels(IdxSource.of(file)))
        .hasMessage(file + ": implausible header: 2147483648 labels = 2147483648 bytes,"
            + " more than the limit of 1073741824 bytes");
  }

  @Test
  void checksPlainFileLengthBeforeAllocatingWhatTheHeaderClaims() {
    // 1,000,000 images of 28x28 = 784,000,000 bytes: under the limit, but the file has 100.
    Path file = write(dir.resolve("images"), concat(header(0x803, 1_000_000, 28, 28), new byte[100]));

    long allocated = allocatedBytesDuring(() -> assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .hasMessage(file + ": truncated at byte offset 116: expected 784000016 bytes"
            + " (16-byte header + 1000000 images of 28x28 pixels)"));

    assertThat(allocated).isLessThan(16L << 20);
  }

  @Test
  void growsGzipBufferWithTheDataNotWithTheClaim() {
    Path file = write(dir.resolve("images.gz"), gzip(concat(header(0x803, 1_000_000, 28, 28), new byte[100])));

    long allocated = allocatedBytesDuring(() -> assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .hasMessageContaining("truncated at byte offset 116 of the decompressed data: expected 784000016 bytes"));

    assertThat(allocated).isLessThan(16L << 20);
  }

  @Test
  void rejectsDataAfterTheEnd() {
    Path file = write(dir.resolve("images"), concat(images(3, 28, 28), new byte[1]));

    assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .hasMessage(file + ": unexpected data after byte offset 2368: the header accounts for exactly 2368 bytes"
            + " (16-byte header + 3 images of 28x28 pixels)");
  }

  @Test
  void rejectsDataAfterTheEndOfDecompressedLabels() {
    Path file = write(dir.resolve("labels.gz"), gzip(concat(labels(1, 2), new byte[] {3})));

    assertThatThrownBy(() -> IdxReader.readLabels(IdxSource.of(file)))
        .hasMessage(file + ": unexpected data after byte offset 10 of the decompressed data:"
            + " the header accounts for exactly 10 bytes (8-byte header + 2 labels)");
  }

  @Test
  void checksTheGzipTrailer() {
    byte[] compressed = gzip(images(3, 28, 28));
    compressed[compressed.length - 8] ^= 1; // first byte of the CRC-32
    Path file = write(dir.resolve("images.gz"), compressed);

    assertThatThrownBy(() -> IdxReader.readImages(IdxSource.of(file)))
        .hasMessage(file + ": corrupt gzip data at byte offset " + THREE_IMAGES_BYTES
            + " of the decompressed data: Corrupt GZIP trailer");
  }

  @Test
  void wrapsReadFailures() {
    IdxSource failing = new IdxSource("memory:images", -1, () -> {
      throw new IOException("disk on fire");
    });

    assertThatThrownBy(() -> IdxReader.readImages(failing))
        .isInstanceOf(DataFileException.class)
        .hasMessage("memory:images: not readable (disk on fire)")
        .hasCauseInstanceOf(IOException.class);
  }

  /** Bytes the current thread allocates while running {@code action} (HotSpot's counter). */
  private static long allocatedBytesDuring(Runnable action) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    action.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
