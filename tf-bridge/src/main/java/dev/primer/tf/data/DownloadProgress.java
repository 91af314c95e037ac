package dev.primer.tf.data;

/**
 * Told how a download advances, to draw a progress bar.
 *
 * <p>Called with {@code bytesSoFar = 0} when a file's transfer starts, after every chunk received,
 * and once with {@code bytesSoFar == totalBytes} for a file already in the cache with the right
 * checksum. Called from an HTTP client thread, never concurrently with itself; it must return
 * quickly. A failed transfer that is retried from another mirror starts again at 0.
 */
@FunctionalInterface
public interface DownloadProgress {

  /**
   * @param file       the file name, for example {@code train-images-idx3-ubyte.gz}
   * @param bytesSoFar bytes received for this file so far
   * @param totalBytes the file's expected size
   */
  void update(String file, long bytesSoFar, long totalBytes);

  /** Ignores all updates. */
  static DownloadProgress none() {
    return (file, bytesSoFar, totalBytes) -> { };
  }
}
