package dev.primer.tf.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads the full MNIST set (60,000 training and 10,000 test images, the four standard
 * {@code .gz} files) into a cache directory, verifying each file's size and SHA-256; then
 * {@link MnistDirectory#read} reads that directory. An immutable value: each {@code with...}
 * method returns a changed copy.
 *
 * <p>For each file: if the cache already holds it with the right size and SHA-256, it is kept and
 * not fetched. Otherwise it is fetched from each mirror in turn, until one succeeds, into a fresh
 * temporary file in the cache directory ({@code <name>.<random>.part}), hashed as it arrives, and
 * moved atomically onto {@code <name>} only once the HTTP status was 200, the size is exact and the
 * SHA-256 matches. On any failure the temporary file is deleted, so the cache never holds a partial
 * or unverified file under a real name. (A process killed mid-transfer can leave a {@code .part}
 * file behind; it is never read.)
 *
 * <p>Defaults: {@link #DEFAULT_MIRRORS}, {@link #MNIST_FILES}, {@link #defaultCacheDirectory()},
 * connect timeout 30 s, idle timeout 60 s (a transfer fails when no data arrives for that long,
 * response headers included), no progress reports.
 */
public final class MnistDownloader {

  /**
   * PyTorch's mirror (used by torchvision) and TensorFlow's (used by TensorFlow Datasets); both
   * serve the files of {@link #MNIST_FILES}, byte for byte.
   */
  public static final List<URI> DEFAULT_MIRRORS = List.of(
      URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
      URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

  /**
   * The four MNIST files with the sizes and SHA-256 sums recorded by TensorFlow Datasets
   * ({@code tensorflow_datasets/url_checksums/mnist.txt}); torchvision records the same files' MD5s
   * (see docs/DATA.md).
   */
  public static final List<RemoteFile> MNIST_FILES = List.of(
      new RemoteFile("train-images-idx3-ubyte.gz", 9_912_422,
          "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
      new RemoteFile("train-labels-idx1-ubyte.gz", 28_881,
          "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
      new RemoteFile("t10k-images-idx3-ubyte.gz", 1_648_877,
          "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
      new RemoteFile("t10k-labels-idx1-ubyte.gz", 4_542,
          "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"));

  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  private static final String TEMP_SUFFIX = ".part";

  private final List<URI> mirrors;
  private final Path cacheDirectory;
  private final List<RemoteFile> files;
  private final Duration connectTimeout;
  private final Duration idleTimeout;
  private final DownloadProgress progress;

  private MnistDownloader(List<URI> mirrors, Path cacheDirectory, List<RemoteFile> files, Duration connectTimeout,
      Duration idleTimeout, DownloadProgress progress) {
    this.mirrors = mirrors;
    this.cacheDirectory = cacheDirectory;
    this.files = files;
    this.connectTimeout = connectTimeout;
    this.idleTimeout = idleTimeout;
    this.progress = progress;
  }

  /** A downloader with all defaults. */
  public static MnistDownloader create() {
    return new MnistDownloader(DEFAULT_MIRRORS, defaultCacheDirectory(), MNIST_FILES, DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_IDLE_TIMEOUT, DownloadProgress.none());
  }

  /**
   * {@code $XDG_CACHE_HOME/primer/mnist} if that variable holds an absolute path, else
   * {@code ~/.cache/primer/mnist}.
   */
  public static Path defaultCacheDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("primer").resolve("mnist");
  }

  /**
   * Base URLs tried in order for each file; the file name is appended to each.
   *
   * @throws IllegalArgumentException if there are none, or one is not absolute http(s) ending in "/"
   */
  public MnistDownloader withMirrors(List<URI> mirrors) {
    List<URI> copy = List.copyOf(mirrors);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("at least one mirror is needed");
    }
    for (URI mirror : copy) {
      String scheme = mirror.getScheme();
      if (!("http".equals(scheme) || "https".equals(scheme)) || !mirror.toString().endsWith("/")) {
        throw new IllegalArgumentException("mirror must be an http or https URL ending in \"/\", got " + mirror);
      }
    }
    return new MnistDownloader(copy, cacheDirectory, files, connectTimeout, idleTimeout, progress);
  }

  /** Where the files are kept; created if missing. */
  public MnistDownloader withCacheDirectory(Path cacheDirectory) {
    return new MnistDownloader(mirrors, Objects.requireNonNull(cacheDirectory, "cacheDirectory"), files,
        connectTimeout, idleTimeout, progress);
  }

  /**
   * The files to fetch, for example another data set in MNIST's format with its own checksums.
   *
   * @throws IllegalArgumentException if there are none or two share a name
   */
  public MnistDownloader withFiles(List<RemoteFile> files) {
    List<RemoteFile> copy = List.copyOf(files);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("at least one file is needed");
    }
    if (copy.stream().map(RemoteFile::name).distinct().count() != copy.size()) {
      throw new IllegalArgumentException("file names must be distinct, got " + copy);
    }
    return new MnistDownloader(mirrors, cacheDirectory, copy, connectTimeout, idleTimeout, progress);
  }

  /** @throws IllegalArgumentException if not positive */
  public MnistDownloader withConnectTimeout(Duration timeout) {
    return new MnistDownloader(mirrors, cacheDirectory, files, positive("connect timeout", timeout), idleTimeout,
        progress);
  }

  /**
   * How long a transfer may go without receiving data (headers or body) before it is abandoned.
   *
   * @throws IllegalArgumentException if not positive
   */
  public MnistDownloader withIdleTimeout(Duration timeout) {
    return new MnistDownloader(mirrors, cacheDirectory, files, connectTimeout, positive("idle timeout", timeout),
        progress);
  }

  /** Receives progress reports; see {@link DownloadProgress} for when and on which thread. */
  public MnistDownloader withProgress(DownloadProgress progress) {
    return new MnistDownloader(mirrors, cacheDirectory, files, connectTimeout, idleTimeout,
        Objects.requireNonNull(progress, "progress"));
  }

  /** The base URLs tried in turn for each file. */
  public List<URI> mirrors() {
    return mirrors;
  }

  /** Where the files are kept: {@code ~/.cache/primer/mnist} by default. */
  public Path cacheDirectory() {
    return cacheDirectory;
  }

  /** The files to fetch, each with its size and SHA-256. */
  public List<RemoteFile> files() {
    return files;
  }

  /**
   * Makes sure every file is in the cache directory with its size and SHA-256, fetching those that
   * are not.
   *
   * @return the cache directory, ready for {@link MnistDirectory#read}
   * @throws DataFileException naming the URL (or the local path) and the problem; when every
   *                           mirror failed for a file, the message lists each mirror's failure
   */
  public Path download() {
    try {
      Files.createDirectories(cacheDirectory);
    } catch (IOException e) {
      throw DataFileException.cannotStore(cacheDirectory, e);
    }
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .proxy(ProxySelector.getDefault())
        .build();
    for (RemoteFile file : files) {
      fetch(client, file);
    }
    return cacheDirectory;
  }

  private void fetch(HttpClient client, RemoteFile file) {
    Path target = cacheDirectory.resolve(file.name());
    if (isIntact(target, file)) {
      progress.update(file.name(), file.bytes(), file.bytes());
      return;
    }
    List<DataFileException> failures = new ArrayList<>();
    for (URI mirror : mirrors) {
      try {
        transfer(client, mirror.resolve(file.name()), file, target);
        return;
      } catch (DataFileException e) {
        failures.add(e);
      }
    }
    throw failures.size() == 1 ? failures.get(0) : DataFileException.everyMirrorFailed(file.name(), failures);
  }

  /** Into a temporary file, then verified, then atomically onto {@code target}; never a partial file. */
  private void transfer(HttpClient client, URI uri, RemoteFile file, Path target) {
    String url = uri.toString();
    Path temp;
    try {
      temp = Files.createTempFile(cacheDirectory, file.name() + ".", TEMP_SUFFIX);
    } catch (IOException e) {
      throw DataFileException.cannotStore(cacheDirectory, e);
    }
    boolean moved = false;
    try {
      String actual = receive(client, uri, file, temp);
      if (!actual.equals(file.sha256())) {
        throw DataFileException.checksumMismatch(url, file.sha256(), actual);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw DataFileException.cannotStore(target, e);
      }
      moved = true;
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // The temporary name is never read; the failure being reported matters more.
        }
      }
    }
  }

  /** Fetches {@code uri} into {@code temp}; returns its SHA-256 once status, size and end are right. */
  private String receive(HttpClient client, URI uri, RemoteFile file, Path temp) {
    String url = uri.toString();
    FileChannel channel;
    try {
      channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw DataFileException.cannotStore(temp, e);
    }
    DownloadSubscriber body = new DownloadSubscriber(url, temp, file, channel, newSha256(), progress);
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
      CompletableFuture<HttpResponse<String>> pending = client.sendAsync(request, info -> {
        if (info.statusCode() != 200) {
          return HttpResponse.BodySubscribers.replacing((String) null);
        }
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(file.bytes());
        if (announced != file.bytes()) {
          body.abort(DataFileException.unexpectedLength(url, announced, file.bytes()));
        }
        return body;
      });
      HttpResponse<String> response = await(pending, body, url, file);
      if (response.statusCode() != 200) {
        throw DataFileException.httpStatus(url, response.statusCode());
      }
      if (body.received() != file.bytes()) {
        throw DataFileException.incomplete(url, body.received(), file.bytes(), null);
      }
      return response.body();
    } finally {
      body.close();
    }
  }

  /** Waits for the response, abandoning it once no data has arrived for {@link #idleTimeout}. */
  private HttpResponse<String> await(CompletableFuture<HttpResponse<String>> pending, DownloadSubscriber body,
      String url, RemoteFile file) {
    long idleNanos = idleTimeout.toNanos();
    long pollNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.MILLISECONDS.toNanos(250),
        idleNanos / 5));
    while (true) {
      try {
        return pending.get(pollNanos, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (System.nanoTime() - body.lastActivityNanos() >= idleNanos) {
          DataFileException stalled = DataFileException.stalled(url, idleTimeout, body.received(), file.bytes());
          body.abort(stalled);
          pending.cancel(true);
          throw stalled;
        }
      } catch (InterruptedException e) {
        body.abort(DataFileException.interrupted(url));
        pending.cancel(true);
        Thread.currentThread().interrupt();
        throw DataFileException.interrupted(url);
      } catch (ExecutionException e) {
        throw failure(e.getCause(), body, url, file);
      }
    }
  }

  private static DataFileException failure(Throwable cause, DownloadSubscriber body, String url, RemoteFile file) {
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof DataFileException e) {
      return e;
    }
    if (body.started() && !(cause instanceof HttpConnectTimeoutException)) {
      return DataFileException.incomplete(url, body.received(), file.bytes(), cause);
    }
    return DataFileException.requestFailed(url, cause);
  }

  private static boolean isIntact(Path path, RemoteFile file) {
    try {
      if (!Files.isRegularFile(path) || Files.size(path) != file.bytes()) {
        return false;
      }
      MessageDigest sha = newSha256();
      byte[] buffer = new byte[1 << 16];
      try (InputStream in = Files.newInputStream(path)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          sha.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(sha.digest()).equals(file.sha256());
    } catch (IOException e) {
      return false; // unreadable: fetch it again, and the move will replace it or report why not
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static Duration positive(String what, Duration timeout) {
    Objects.requireNonNull(timeout, what);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + timeout);
    }
    return timeout;
  }
}
