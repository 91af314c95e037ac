package dev.primer.tf.data;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Receives one response body into an open temporary file, hashing it on the way (SHA-256) and
 * reporting progress; its body is the hex digest. Refuses more than the expected number of bytes.
 * Remembers when data last arrived, so the caller can abort a stalled transfer.
 *
 * <p>The HTTP client calls onSubscribe/onNext/onError/onComplete one at a time; {@link #abort} comes
 * from the waiting thread. All are synchronized, and after the first of abort, onError or
 * onComplete the channel is closed and everything else is ignored.
 */
final class DownloadSubscriber implements HttpResponse.BodySubscriber<String> {
  private final String url;
  private final Path temp;
  private final String file;
  private final long expectedBytes;
  private final FileChannel out;
  private final MessageDigest sha256;
  private final DownloadProgress progress;
  private final CompletableFuture<String> result = new CompletableFuture<>();

  private Flow.Subscription subscription;
  private boolean started;
  private long received;
  private volatile long lastActivityNanos = System.nanoTime();

  DownloadSubscriber(String url, Path temp, RemoteFile file, FileChannel out, MessageDigest sha256,
      DownloadProgress progress) {
    this.url = url;
    this.temp = temp;
    this.file = file.name();
    this.expectedBytes = file.bytes();
    this.out = out;
    this.sha256 = sha256;
    this.progress = progress;
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isDone()) {
      s.cancel();
      return;
    }
    started = true;
    lastActivityNanos = System.nanoTime();
    progress.update(file, 0, expectedBytes);
    s.request(1);
  }

  @Override
  public synchronized void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    lastActivityNanos = System.nanoTime();
    try {
      for (ByteBuffer buffer : buffers) {
        received += buffer.remaining();
        if (received > expectedBytes) {
          abort(DataFileException.tooLong(url, expectedBytes));
          return;
        }
        sha256.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
      }
    } catch (IOException e) {
      abort(DataFileException.cannotStore(temp, e));
      return;
    }
    progress.update(file, received, expectedBytes);
    subscription.request(1);
  }

  @Override
  public synchronized void onError(Throwable error) {
    finish(error, null);
  }

  @Override
  public synchronized void onComplete() {
    finish(null, HexFormat.of().formatHex(sha256.digest()));
  }

  @Override
  public CompletionStage<String> getBody() {
    return result;
  }

  /** Stops the transfer (if it has begun) and fails the body with {@code reason}. */
  synchronized void abort(DataFileException reason) {
    if (subscription != null) {
      subscription.cancel();
    }
    finish(reason, null);
  }

  /** Closes the file if no body ever arrived (the response was not 200). */
  synchronized void close() {
    finish(new IllegalStateException("closed"), null);
  }

  synchronized boolean started() {
    return started;
  }

  synchronized long received() {
    return received;
  }

  long lastActivityNanos() {
    return lastActivityNanos;
  }

  private void finish(Throwable error, String digest) {
    if (result.isDone()) {
      return;
    }
    try {
      out.close();
    } catch (IOException e) {
      if (error == null) {
        error = DataFileException.cannotStore(temp, e);
      }
    }
    if (error != null) {
      result.completeExceptionally(error);
    } else {
      result.complete(digest);
    }
  }
}
