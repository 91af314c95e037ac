package dev.primer.tf.data;

import static dev.primer.tf.data.IdxFixtures.cyclicLabels;
import static dev.primer.tf.data.IdxFixtures.gzip;
import static dev.primer.tf.data.IdxFixtures.images;
import static dev.primer.tf.data.IdxFixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDownloaderTest {
  private static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  private static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";

  /** Small MNIST-format .gz files by name, in download order. */
  private final Map<String, byte[]> content = new LinkedHashMap<>();
  private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
  private LoopbackServer server;

  @TempDir
  Path tmp;
  private Path cache;

  @BeforeEach
  void serveSmallMnist() {
    content.put(TRAIN_IMAGES, gzip(images(40, 28, 28)));
    content.put(TRAIN_LABELS, gzip(labels(cyclicLabels(40, 0))));
    content.put("t10k-images-idx3-ubyte.gz", gzip(images(8, 28, 28)));
    content.put("t10k-labels-idx1-ubyte.gz", gzip(labels(cyclicLabels(8, 0))));
    server = new LoopbackServer("/mnist/");
    content.forEach((name, bytes) -> server.route(name, LoopbackServer.serve(bytes)));
    cache = tmp.resolve("cache");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<RemoteFile> expected() {
    return content.entrySet().stream()
        .map(e -> new RemoteFile(e.getKey(), e.getValue().length, sha256(e.getValue())))
        .collect(Collectors.toList());
  }

  private MnistDownloader downloader(List<RemoteFile> files) {
    return MnistDownloader.create()
        .withMirrors(List.of(server.base()))
        .withCacheDirectory(cache)
        .withFiles(files)
        .withIdleTimeout(Duration.ofSeconds(5))
        .withProgress((file, soFar, total) -> progress.add(file + " " + soFar + "/" + total));
  }

  private String url(String name) {
    return server.base().resolve(name).toString();
  }

  private List<String> cacheListing() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void downloadsVerifiesAndMovesEachFileIntoPlace() throws IOException {
    Path dir = downloader(expected()).download();

    assertThat(dir).isEqualTo(cache);
    assertThat(cacheListing()).containsExactlyInAnyOrderElementsOf(content.keySet());
    for (Map.Entry<String, byte[]> file : content.entrySet()) {
      assertThat(cache.resolve(file.getKey())).hasBinaryContent(file.getValue());
    }
    MnistSplit split = MnistDirectory.read(dir);
    assertThat(split.train().count()).isEqualTo(40);
    assertThat(split.test().count()).isEqualTo(8);
  }

  @Test
  void reportsProgressFromZeroToTheTotalForEachFile() {
    downloader(expected()).download();

    for (Map.Entry<String, byte[]> file : content.entrySet()) {
      String name = file.getKey();
      long total = file.getValue().length;
      List<Long> soFar = progress.stream()
          .filter(line -> line.startsWith(name + " "))
          .peek(line -> assertThat(line).endsWith("/" + total))
          .map(line -> Long.parseLong(line.substring(name.length() + 1, line.indexOf('/'))))
          .collect(Collectors.toList());
      assertThat(soFar).first().isEqualTo(0L);
      assertThat(soFar).last().isEqualTo(total);
      assertThat(soFar).isSorted();
    }
  }

  @Test
  void reportsLargeFilesChunkByChunk() throws IOException {
    byte[] big = new byte[600_000];
    new Random(7).nextBytes(big);
    server.route("big.bin", LoopbackServer.serve(big));

    downloader(List.of(new RemoteFile("big.bin", big.length, sha256(big)))).download();

    List<Long> soFar = progress.stream()
        .map(line -> Long.parseLong(line.substring("big.bin ".length(), line.indexOf('/'))))
        .collect(Collectors.toList());
    assertThat(soFar).hasSizeGreaterThan(3).isSorted().doesNotHaveDuplicates();
    assertThat(soFar).first().isEqualTo(0L);
    assertThat(soFar).last().isEqualTo((long) big.length);
    assertThat(cache.resolve("big.bin")).hasBinaryContent(big);
  }

  @Test
  void skipsFilesAlreadyCachedWithTheRightChecksum() {
    downloader(expected()).download();
    int requests = server.requests();
    progress.clear();

    downloader(expected()).download();

    assertThat(server.requests()).isEqualTo(requests);
    assertThat(progress).containsExactlyElementsOf(content.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().length + "/" + e.getValue().length)
        .collect(Collectors.toList()));
  }

  @Test
  void replacesACachedFileWithTheWrongChecksum() throws IOException {
    downloader(expected()).download();
    byte[] right = content.get(TRAIN_LABELS);
    byte[] wrong = right.clone();
    wrong[20] ^= 1;
    Files.write(cache.resolve(TRAIN_LABELS), wrong);
    int requests = server.requests();

    downloader(expected()).download();

    assertThat(server.requests()).isEqualTo(requests + 1);
    assertThat(cache.resolve(TRAIN_LABELS)).hasBinaryContent(right);
    assertThat(cacheListing()).containsExactlyInAnyOrderElementsOf(content.keySet());
  }

  @Test
  void acceptsAChunkedResponseWithoutContentLength() {
    server.route(TRAIN_LABELS, LoopbackServer.chunked(content.get(TRAIN_LABELS)));

    downloader(expected()).download();

    assertThat(cache.resolve(TRAIN_LABELS)).hasBinaryContent(content.get(TRAIN_LABELS));
  }

  @Test
  void discardsADownloadWithTheWrongChecksum() throws IOException {
    byte[] served = content.get(TRAIN_LABELS).clone();
    served[20] ^= 1;
    server.route(TRAIN_LABELS, LoopbackServer.serve(served));
    String expectedSha = sha256(content.get(TRAIN_LABELS));

    assertThatThrownBy(() -> downloader(expected()).download())
        .isInstanceOf(DataFileException.class)
        .hasMessage(url(TRAIN_LABELS) + ": SHA-256 mismatch: expected " + expectedSha + ", got " + sha256(served)
            + "; the download was discarded");
    assertThat(cacheListing()).containsExactly(TRAIN_IMAGES);
  }

  @Test
  void discardsABodyCutShort() throws IOException {
    byte[] body = content.get(TRAIN_IMAGES);
    int half = body.length / 2;
    server.route(TRAIN_IMAGES, LoopbackServer.cutShort(body, body.length, half));

    assertThatThrownBy(() -> downloader(expected()).download())
        .isInstanceOf(DataFileException.class)
        .hasMessage(url(TRAIN_IMAGES) + ": connection ended after " + half + " of " + body.length
            + " bytes; the download was discarded")
        .hasCauseInstanceOf(IOException.class);
    assertThat(cacheListing()).isEmpty();
  }

  @Test
  void reportsHttpErrors() throws IOException {
    server.route(TRAIN_IMAGES, LoopbackServer.status(404));

    assertThatThrownBy(() -> downloader(expected()).download())
        .isInstanceOf(DataFileException.class)
        .hasMessage(url(TRAIN_IMAGES) + ": HTTP status 404, expected 200");
    assertThat(cacheListing()).isEmpty();
  }

  @Test
  void refusesAnAnnouncedLengthOtherThanExpected() throws IOException {
    List<RemoteFile> files = new ArrayList<>(expected());
    RemoteFile images = files.get(0);
    files.set(0, new RemoteFile(images.name(), images.bytes() + 1, images.sha256()));

    assertThatThrownBy(() -> downloader(files).download())
        .hasMessage(url(TRAIN_IMAGES) + ": server announced " + images.bytes() + " bytes, expected "
            + (images.bytes() + 1) + "; the download was discarded");
    assertThat(cacheListing()).isEmpty();
  }

  @Test
  void stopsReceivingBeyondTheExpectedLength() throws IOException {
    server.route(TRAIN_IMAGES, LoopbackServer.chunked(content.get(TRAIN_IMAGES)));
    List<RemoteFile> files = new ArrayList<>(expected());
    RemoteFile images = files.get(0);
    files.set(0, new RemoteFile(images.name(), images.bytes() - 10, images.sha256()));

    assertThatThrownBy(() -> downloader(files).download())
        .hasMessage(url(TRAIN_IMAGES) + ": server sent more than the expected " + (images.bytes() - 10)
            + " bytes; the download was discarded");
    assertThat(cacheListing()).isEmpty();
  }

  @Test
  void abandonsAStalledTransfer() throws IOException {
    byte[] body = content.get(TRAIN_IMAGES);
    server.route(TRAIN_IMAGES, LoopbackServer.stall(body, 100));
    long start = System.nanoTime();

    assertThatThrownBy(() -> downloader(expected()).withIdleTimeout(Duration.ofMillis(300)).download())
        .hasMessage(url(TRAIN_IMAGES) + ": no data for 300 ms after 100 of " + body.length
            + " bytes; the download was discarded");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(cacheListing()).isEmpty();
  }

  @Test
  void fallsBackToTheNextMirror() throws IOException {
    try (LoopbackServer empty = new LoopbackServer("/down/")) {
      downloader(expected()).withMirrors(List.of(empty.base(), server.base())).download();

      assertThat(empty.requests()).isEqualTo(4);
      assertThat(cacheListing()).containsExactlyInAnyOrderElementsOf(content.keySet());
    }
  }

  @Test
  void listsEveryMirrorsFailure() throws IOException {
    server.route(TRAIN_IMAGES, LoopbackServer.status(503));
    try (LoopbackServer empty = new LoopbackServer("/down/")) {
      assertThatThrownBy(() -> downloader(expected()).withMirrors(List.of(empty.base(), server.base())).download())
          .isInstanceOf(DataFileException.class)
          .hasMessage(TRAIN_IMAGES + ": every mirror failed: "
              + empty.base().resolve(TRAIN_IMAGES) + ": HTTP status 404, expected 200; "
              + url(TRAIN_IMAGES) + ": HTTP status 503, expected 200");
    }
    assertThat(cacheListing()).isEmpty();
  }

  @Test
  void reportsAServerThatIsNotThere() throws IOException {
    URI closed = server.base();
    server.close();

    assertThatThrownBy(() -> downloader(expected()).withMirrors(List.of(closed)).download())
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(closed.resolve(TRAIN_IMAGES) + ": request failed: java.net.ConnectException");
    assertThat(cacheListing()).isEmpty();
  }

  @Test
  void pinsTheStandardMnistFilesAndMirrors() {
    assertThat(MnistDownloader.MNIST_FILES).extracting(RemoteFile::name)
        .containsExactlyElementsOf(MnistFiles.NAMES.stream().map(n -> n + ".gz").collect(Collectors.toList()));
    assertThat(MnistDownloader.MNIST_FILES).extracting(RemoteFile::bytes)
        .containsExactly(9_912_422L, 28_881L, 1_648_877L, 4_542L);
    assertThat(MnistDownloader.create().mirrors()).isEqualTo(MnistDownloader.DEFAULT_MIRRORS);
    assertThat(MnistDownloader.defaultCacheDirectory()).endsWithRaw(Path.of("primer", "mnist"));
  }

  @Test
  void rejectsBadSettingsAtOnce() {
    assertThatThrownBy(() -> MnistDownloader.create().withMirrors(List.of(URI.create("https://example.org/mnist"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mirror must be an http or https URL ending in \"/\", got https://example.org/mnist");
    assertThatThrownBy(() -> MnistDownloader.create().withIdleTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idle timeout must be positive, got PT0S");
    assertThatThrownBy(() -> MnistDownloader.create().withFiles(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least one file is needed");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
