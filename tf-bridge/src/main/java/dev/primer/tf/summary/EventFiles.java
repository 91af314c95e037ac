package dev.primer.tf.summary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * Reads TensorBoard event files back: to check what {@link TensorBoardWriter} wrote, or to pull
 * the scalars of a run into a program.
 *
 * <p>An event file is a TFRecord stream; each record is
 * <pre>
 *   uint64 length            little-endian
 *   uint32 masked_crc32c(length bytes)
 *   byte   data[length]      a serialized org.tensorflow.proto.Event
 *   uint32 masked_crc32c(data)
 * </pre>
 * where {@code masked(c) = ((c >>> 15) | (c << 17)) + 0xa282ead8} (mod 2^32) and CRC-32C is the
 * Castagnoli polynomial ({@link CRC32C}). Both checksums are verified.
 */
public final class EventFiles {
  private static final int MASK_DELTA = 0xa282ead8;

  private EventFiles() {
    throw new AssertionError("no instances");
  }

  /** The event files ({@code events.out.tfevents.*}) directly in {@code runDirectory}, sorted. */
  public static List<Path> in(Path runDirectory) throws IOException {
    try (Stream<Path> files = Files.list(runDirectory)) {
      return files.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents."))
          .sorted().toList();
    }
  }

  /**
   * Every event of {@code file}, in order, as TensorFlow's protocol buffers: for this package and
   * its tests; callers outside read plain values with {@link #scalars}.
   *
   * @throws IOException if the file cannot be read, ends inside a record, or a checksum is wrong
   */
  static List<Event> read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      long offset = 0;
      while (true) {
        byte[] header = in.readNBytes(12);
        if (header.length == 0) {
          return events;
        }
        if (header.length < 12) {
          throw corrupt(file, offset, "it ends inside a record header");
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        long length = h.getLong(0);
        if (h.getInt(8) != maskedCrc(header, 8)) {
          throw corrupt(file, offset, "the length checksum is wrong");
        }
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
          throw corrupt(file, offset, "a record of " + Long.toUnsignedString(length)
              + " bytes is too long");
        }
        byte[] data = in.readNBytes((int) length);
        byte[] footer = in.readNBytes(4);
        if (data.length < length || footer.length < 4) {
          throw corrupt(file, offset, "it ends inside a record");
        }
        if (ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt(0)
            != maskedCrc(data, data.length)) {
          throw corrupt(file, offset, "the data checksum is wrong");
        }
        events.add(Event.parseFrom(data));
        offset += 16 + length;
      }
    }
  }

  /** The scalars of {@code file} (its {@code simple_value} summaries), in order. */
  public static List<ScalarEvent> scalars(Path file) throws IOException {
    List<ScalarEvent> scalars = new ArrayList<>();
    for (Event event : read(file)) {
      if (!event.hasSummary()) {
        continue;
      }
      for (Summary.Value v : event.getSummary().getValueList()) {
        if (v.getValueCase() == Summary.Value.ValueCase.SIMPLE_VALUE) {
          scalars.add(new ScalarEvent(v.getTag(), event.getStep(), v.getSimpleValue(),
              event.getWallTime()));
        }
      }
    }
    return scalars;
  }

  /** TFRecord's masked CRC-32C of the first {@code length} bytes of {@code bytes}. */
  static int maskedCrc(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + MASK_DELTA;
  }

  private static IOException corrupt(Path file, long offset, String why) {
    return new IOException("event file " + file + ": record at byte " + offset + " is corrupt: "
        + why);
  }
}
