package dev.primer.tf.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} archive of float32 arrays: a zip of {@code .npy} files, each
 * <pre>
 *   "\x93NUMPY" 0x01 0x00  header-length (uint16, little-endian)
 *   {'descr': '&lt;f4', 'fortran_order': False, 'shape': (784, 256), }   padded with spaces,
 *                                     ended by '\n', so the data starts at a multiple of 64
 *   the values, float32 little-endian, C order
 * </pre>
 * as specified in NumPy's {@code numpy/lib/format.py} (format version 1.0). {@code np.load} reads
 * it back with the names as keys. Written to a temporary file and moved into place, so a failed
 * write never leaves a partial archive.
 */
public final class Npz {
  private Npz() {
    throw new AssertionError("no instances");
  }

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern HEADER = Pattern.compile(
      "\\{'descr': '([^']*)', 'fortran_order': (True|False), 'shape': \\(([0-9, ]*)\\), \\}");

  /** Writes {@code arrays} to {@code file}, atomically. */
  public static void write(Path file, List<NpyArray> arrays) throws IOException {
    AtomicFiles.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      for (NpyArray array : arrays) {
        zip.putNextEntry(new ZipEntry(array.name() + ".npy"));
        writeNpy(zip, array);
        zip.closeEntry();
      }
      zip.finish();
    });
  }

  /** Reads every float32 array of an archive written by {@link #write} (or by NumPy). */
  public static Map<String, NpyArray> read(Path file) throws IOException {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        if (!name.endsWith(".npy")) {
          throw new IOException(file + ": entry '" + name + "' is not a .npy array");
        }
        String key = name.substring(0, name.length() - 4);
        arrays.put(key, readNpy(file, key, zip.readAllBytes()));
      }
    }
    return arrays;
  }

  static void writeNpy(OutputStream out, NpyArray array) throws IOException {
    StringBuilder shape = new StringBuilder();
    for (int d : array.shape()) {
      shape.append(d).append(", ");
    }
    String dims = array.shape().length == 1 ? shape.toString().trim()
        : shape.length() == 0 ? "" : shape.substring(0, shape.length() - 2);
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    byte[] header = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write(MAGIC);
    head.write(1);
    head.write(0);
    head.write(header.length & 0xFF);
    head.write(header.length >>> 8);
    head.write(header);
    out.write(head.toByteArray());
    ByteBuffer values = ByteBuffer.allocate(array.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
    values.asFloatBuffer().put(array.data());
    out.write(values.array());
  }

  static NpyArray readNpy(Path file, String key, byte[] bytes) throws IOException {
    String where = file + " (" + key + ")";
    if (bytes.length < 10) {
      throw new IOException(where + ": too short for a .npy header");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new IOException(where + ": not a .npy array (bad magic)");
      }
    }
    int major = bytes[6];
    int headerLength;
    int offset;
    if (major == 1) {
      headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
      offset = 10;
    } else {
      headerLength = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      offset = 12;
    }
    if (offset + headerLength > bytes.length) {
      throw new IOException(where + ": header runs past the end");
    }
    String header = new String(bytes, offset, headerLength, StandardCharsets.US_ASCII).trim();
    Matcher m = HEADER.matcher(header);
    if (!m.matches()) {
      throw new IOException(where + ": unsupported header " + header);
    }
    if (!m.group(1).equals("<f4") || m.group(2).equals("True")) {
      throw new IOException(where + ": only little-endian float32 in C order is read, got "
          + header);
    }
    List<Integer> dims = new ArrayList<>();
    for (String d : m.group(3).split(",")) {
      if (!d.isBlank()) {
        dims.add(Integer.parseInt(d.trim()));
      }
    }
    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    int dataStart = offset + headerLength;
    if (bytes.length - dataStart != size * 4) {
      throw new IOException(where + ": expected " + size * 4 + " bytes of data, got "
          + (bytes.length - dataStart));
    }
    float[] data = new float[(int) size];
    ByteBuffer.wrap(bytes, dataStart, (int) size * 4).order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer().get(data);
    return new NpyArray(key, shape, data);
  }
}
