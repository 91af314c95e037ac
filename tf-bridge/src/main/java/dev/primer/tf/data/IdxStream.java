package dev.primer.tf.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bytes of one IDX file, decompressed if they start with the gzip magic {@code 1f 8b} (an IDX
 * file never does: its magic starts {@code 00 00}). Counts the offset into the IDX data so that
 * every error can name it, and turns each I/O failure into a {@link DataFileException}.
 *
 * <p>Memory: a plain file's stored size is known, so a header is checked against it before the
 * data array is allocated ({@link #requireAvailable}). A gzip stream's decompressed size is not
 * known in advance, so {@link #readData} allocates at most 1 MiB at first and doubles only as data
 * actually arrives: a lying header costs at most twice the bytes really present.
 */
final class IdxStream implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 16;
  private static final int FIRST_CHUNK_BYTES = 1 << 20;

  private final String name;
  private final InputStream in;
  private final boolean gzip;
  private final long storedSize;
  private long offset;

  private IdxStream(String name, InputStream in, boolean gzip, long storedSize) {
    this.name = name;
    this.in = in;
    this.gzip = gzip;
    this.storedSize = storedSize;
  }

  /**
   * @param header what the file must start with, for the message if it is shorter than that
   */
  static IdxStream open(IdxSource source, IdxLayout header) {
    String name = source.name();
    InputStream raw;
    try {
      raw = source.opener().open();
    } catch (IOException e) {
      throw DataFileException.notReadable(name, e);
    }
    try {
      BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
      buffered.mark(2);
      boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
      buffered.reset();
      if (!gzip) {
        return new IdxStream(name, buffered, false, source.size());
      }
      try {
        return new IdxStream(name, new GZIPInputStream(buffered, BUFFER_BYTES), true, -1);
      } catch (EOFException e) {
        throw DataFileException.truncated(name, 0, true, header);
      } catch (ZipException e) {
        throw DataFileException.corruptGzip(name, 0, e);
      }
    } catch (IOException | RuntimeException e) {
      closeQuietly(raw, e);
      if (e instanceof IOException io) {
        throw DataFileException.unreadable(name, io);
      }
      throw (RuntimeException) e;
    }
  }

  String name() {
    return name;
  }

  /** Reads a big-endian unsigned 32-bit integer. */
  long readUnsignedInt(IdxLayout layout) {
    byte[] b = readData(4, layout);
    return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
  }

  /**
   * For a plain file, fails unless its stored size can hold {@code layout}. Nothing to check for
   * gzip: there, {@link #readData} grows with the data actually present.
   */
  void requireAvailable(IdxLayout layout) {
    if (!gzip && storedSize >= 0 && layout.totalBytes() > storedSize) {
      throw DataFileException.truncated(name, storedSize, false, layout);
    }
  }

  /** Reads exactly {@code length} bytes ({@code length <= Integer.MAX_VALUE}, checked by the caller). */
  byte[] readData(long length, IdxLayout layout) {
    int n = Math.toIntExact(length);
    byte[] data = new byte[gzip || storedSize < 0 ? Math.min(n, FIRST_CHUNK_BYTES) : n];
    int filled = 0;
    while (filled < n) {
      if (filled == data.length) {
        data = Arrays.copyOf(data, (int) Math.min(n, 2L * data.length));
      }
      int read = readSome(data, filled, data.length - filled);
      if (read < 0) {
        throw DataFileException.truncated(name, offset, gzip, layout);
      }
      filled += read;
    }
    return data;
  }

  /** Fails if anything follows the data; for gzip, this also checks the trailer's CRC and size. */
  void expectEnd(IdxLayout layout) {
    int next;
    try {
      next = in.read();
    } catch (EOFException | ZipException e) {
      throw gzip ? DataFileException.corruptGzip(name, offset, e) : DataFileException.unreadable(name, e);
    } catch (IOException e) {
      throw DataFileException.unreadable(name, e);
    }
    if (next >= 0) {
      throw DataFileException.trailingData(name, gzip, layout);
    }
  }

  /** Like {@link InputStream#read(byte[], int, int)}; -1 at the end of the data, also of cut-off gzip. */
  private int readSome(byte[] b, int off, int len) {
    int read;
    try {
      read = in.read(b, off, len);
    } catch (EOFException e) {
      if (!gzip) {
        throw DataFileException.unreadable(name, e);
      }
      return -1; // GZIPInputStream: "Unexpected end of ZLIB input stream": the .gz file is cut off
    } catch (ZipException e) {
      throw gzip ? DataFileException.corruptGzip(name, offset, e) : DataFileException.unreadable(name, e);
    } catch (IOException e) {
      throw DataFileException.unreadable(name, e);
    }
    if (read > 0) {
      offset += read;
    }
    return read;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw DataFileException.unreadable(name, e);
    }
  }

  private static void closeQuietly(InputStream in, Exception primary) {
    try {
      in.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }
}
