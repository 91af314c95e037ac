package dev.primer.tf.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NumPy's {@code .npz} format: written archives read back unchanged, follow the {@code .npy}
 * format 1.0 byte for byte, and — where NumPy is installed — load in NumPy; archives NumPy wrote
 * read in Java.
 */
class NpzTest {
  @TempDir
  Path dir;

  static final List<NpyArray> ARRAYS = List.of(
      new NpyArray("dense_0/kernel", new int[] {3, 4}, sequence(12, 0.5f)),
      new NpyArray("dense_0/bias", new int[] {5}, new float[] {
          Float.NaN, -0f, Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE}),
      new NpyArray("conv2d_0/kernel", new int[] {2, 3, 4, 5}, sequence(120, -0.25f)),
      new NpyArray("scalar", new int[] {}, new float[] {2.5f}),
      new NpyArray("empty", new int[] {0, 3}, new float[0]));

  static float[] sequence(int n, float step) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i - n / 2) * step + 0.1f;
    }
    return v;
  }

  static int[] bits(float[] values) {
    return Arrays.stream(toBoxed(values)).mapToInt(Float::floatToRawIntBits).toArray();
  }

  static Float[] toBoxed(float[] values) {
    Float[] boxed = new Float[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  @Test
  void whatIsWrittenReadsBackBitForBitInOrder() throws IOException {
    Path file = dir.resolve("weights.npz");
    Npz.write(file, ARRAYS);
    Map<String, NpyArray> read = Npz.read(file);

    assertThat(read.keySet()).containsExactly(
        "dense_0/kernel", "dense_0/bias", "conv2d_0/kernel", "scalar", "empty");
    for (NpyArray a : ARRAYS) {
      NpyArray b = read.get(a.name());
      assertThat(b.name()).isEqualTo(a.name());
      assertThat(b.shape()).as(a.name()).containsExactly(a.shape());
      assertThat(bits(b.data())).as(a.name()).containsExactly(bits(a.data()));
    }
  }

  @Test
  void eachEntryIsANpyVersionOneFile() throws IOException {
    Path file = dir.resolve("weights.npz");
    Npz.write(file, ARRAYS);
    Map<String, byte[]> entries = zipEntries(file);

    assertThat(entries.keySet()).containsExactly("dense_0/kernel.npy", "dense_0/bias.npy",
        "conv2d_0/kernel.npy", "scalar.npy", "empty.npy");
    Map<String, String> shapes = Map.of("dense_0/kernel", "(3, 4)", "dense_0/bias", "(5,)",
        "conv2d_0/kernel", "(2, 3, 4, 5)", "scalar", "()", "empty", "(0, 3)");
    for (NpyArray a : ARRAYS) {
      byte[] npy = entries.get(a.name() + ".npy");
      // magic string, then format version 1.0
      assertThat(Arrays.copyOf(npy, 8)).containsExactly(
          (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
      // header length: little-endian uint16; magic, version, length and header fill a multiple
      // of 64 bytes, so the data is aligned
      int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
      assertThat((10 + headerLength) % 64).as(a.name()).isZero();
      String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
      String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': "
          + shapes.get(a.name()) + ", }";
      // the dict, padded with spaces, ended by a newline
      assertThat(header).startsWith(dict).endsWith("\n");
      assertThat(header.substring(dict.length(), headerLength - 1)).matches(" *");
      // the values: float32 little-endian, C order
      assertThat(npy.length - 10 - headerLength).isEqualTo(4 * a.data().length);
      float[] data = new float[a.data().length];
      ByteBuffer.wrap(npy, 10 + headerLength, 4 * data.length).order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer().get(data);
      assertThat(bits(data)).containsExactly(bits(a.data()));
    }
  }

  @Test
  void writingReplacesAnExistingFileAndLeavesNoTemporaryBehind() throws IOException {
    Path file = dir.resolve("w.npz");
    Npz.write(file, ARRAYS);
    Npz.write(file, List.of(new NpyArray("only", new int[] {1}, new float[] {3f})));

    assertThat(Npz.read(file).keySet()).containsExactly("only");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("w.npz");
    }
  }

  // ------------------------------------------------------------------ NumPy

  private static Boolean numpy;

  /** Whether {@code python3 -c 'import numpy'} works here; asked once. */
  static synchronized boolean numpyAvailable() {
    if (numpy == null) {
      numpy = askForNumpy();
    }
    return numpy;
  }

  private static boolean askForNumpy() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true)
          .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static List<String> python(String script, String... args) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", "-c", script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    boolean exited = p.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly();
    }
    assertThat(exited).as("python finished").isTrue();
    assertThat(p.exitValue()).as("python exit status; output:%n%s", output).isZero();
    return output.lines().toList();
  }

  @Test
  void numpyLoadsWhatIsWritten() throws Exception {
    assumeTrue(numpyAvailable(), "python3 with numpy is not installed");
    Path file = dir.resolve("weights.npz");
    Npz.write(file, ARRAYS);

    List<String> lines = python("""
        import sys, numpy as np
        with np.load(sys.argv[1]) as z:
            for k in z.files:
                a = z[k]
                print(k, a.dtype.str, ','.join(map(str, a.shape)), a.tobytes().hex())
        """, file.toString());

    List<String> expected = new ArrayList<>();
    for (NpyArray a : ARRAYS) {
      ByteBuffer bytes = ByteBuffer.allocate(4 * a.data().length).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(a.data());
      expected.add(a.name() + " <f4 " + String.join(",",
          Arrays.stream(a.shape()).mapToObj(Integer::toString).toList()) + " "
          + HexFormat.of().formatHex(bytes.array()));
    }
    assertThat(lines).containsExactlyElementsOf(expected);
  }

  @Test
  void whatNumpyWritesIsRead() throws Exception {
    assumeTrue(numpyAvailable(), "python3 with numpy is not installed");
    Path plain = dir.resolve("plain.npz");
    Path compressed = dir.resolve("compressed.npz");
    python("""
        import sys, numpy as np
        arrays = {'dense_0/kernel': np.arange(12, dtype='<f4').reshape(3, 4) / 8 - 0.5,
                  'dense_0/bias': np.array([1.5, -2, 0.25], dtype='<f4'),
                  'scalar': np.float32(7.5),
                  'conv': np.linspace(-1, 1, 24, dtype='<f4').reshape(2, 2, 3, 2)}
        np.savez(sys.argv[1], **arrays)
        np.savez_compressed(sys.argv[2], **arrays)
        """, plain.toString(), compressed.toString());

    for (Path file : List.of(plain, compressed)) {
      Map<String, NpyArray> read = Npz.read(file);
      assertThat(read.keySet()).as("%s", file.getFileName())
          .containsExactlyInAnyOrder("dense_0/kernel", "dense_0/bias", "scalar", "conv");
      NpyArray kernel = read.get("dense_0/kernel");
      assertThat(kernel.shape()).containsExactly(3, 4);
      for (int i = 0; i < 12; i++) {
        assertThat(kernel.data()[i]).isEqualTo(i / 8f - 0.5f);
      }
      assertThat(read.get("dense_0/bias").data()).containsExactly(1.5f, -2f, 0.25f);
      assertThat(read.get("scalar").shape()).isEmpty();
      assertThat(read.get("scalar").data()).containsExactly(7.5f);
      assertThat(read.get("conv").shape()).containsExactly(2, 2, 3, 2);
      assertThat(read.get("conv").data()[0]).isEqualTo(-1f);
      assertThat(read.get("conv").data()[23]).isEqualTo(1f);
    }
  }

  // ------------------------------------------------------------------ errors

  private Path zip(String entry, byte[] content) throws IOException {
    Path file = dir.resolve("bad.npz");
    try (OutputStream out = Files.newOutputStream(file);
         ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content);
      zip.closeEntry();
    }
    return file;
  }

  private static byte[] npy(String dict, int dataBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
        (byte) header.length, (byte) (header.length >> 8)});
    out.write(header);
    out.write(new byte[dataBytes]);
    return out.toByteArray();
  }

  @Test
  void unreadableArchivesAreReportedWithTheFileAndEntry() throws IOException {
    Path notNpy = zip("notes.txt", "hello".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> Npz.read(notNpy)).isInstanceOf(IOException.class)
        .hasMessage(notNpy + ": entry 'notes.txt' is not a .npy array");

    Path badMagic = zip("a.npy", "PICKLE-NOT-NPY".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> Npz.read(badMagic)).isInstanceOf(IOException.class)
        .hasMessage(badMagic + " (a): not a .npy array (bad magic)");

    Path shortFile = zip("a.npy", new byte[] {(byte) 0x93, 'N', 'U'});
    assertThatThrownBy(() -> Npz.read(shortFile)).isInstanceOf(IOException.class)
        .hasMessage(shortFile + " (a): too short for a .npy header");

    String doubles = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
    Path float64 = zip("a.npy", npy(doubles, 16));
    assertThatThrownBy(() -> Npz.read(float64)).isInstanceOf(IOException.class)
        .hasMessage(float64 + " (a): only little-endian float32 in C order is read, got "
            + doubles);

    String fortran = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }";
    Path columnMajor = zip("a.npy", npy(fortran, 16));
    assertThatThrownBy(() -> Npz.read(columnMajor)).isInstanceOf(IOException.class)
        .hasMessage(columnMajor + " (a): only little-endian float32 in C order is read, got "
            + fortran);

    Path truncated = zip("a.npy",
        npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 20));
    assertThatThrownBy(() -> Npz.read(truncated)).isInstanceOf(IOException.class)
        .hasMessage(truncated + " (a): expected 24 bytes of data, got 20");
  }

  @Test
  void anArrayMustHoldWhatItsShapeSays() {
    assertThatThrownBy(() -> new NpyArray("x", new int[] {2, 3}, new float[5]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x: shape [2, 3] holds 6 values, got 5");
    assertThatThrownBy(() -> new NpyArray("x", new int[] {-1, 3}, new float[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x: negative dimension in [-1, 3]");
  }

  private static Map<String, byte[]> zipEntries(Path file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }
}
