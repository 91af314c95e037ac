package dev.primer.tf.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the bytes of one IDX file come from: a file on disk or a classpath resource, plain or
 * gzip-compressed (the reader decides by the first two bytes, not by the name).
 *
 * @param name   how messages name it: the path, or {@code classpath:/...}
 * @param size   the stored size in bytes, or -1 where unknown (classpath resources); for a plain
 *               (not gzip) file this bounds what a header may claim before anything is allocated
 * @param opener opens a fresh stream; the reader closes it
 */
record IdxSource(String name, long size, Opener opener) {

  /** Opens the stored bytes. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  IdxSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
  }

  /** @throws DataFileException if the file's size cannot be read */
  static IdxSource of(Path file) {
    String name = file.toString();
    try {
      return new IdxSource(name, Files.size(file), () -> Files.newInputStream(file));
    } catch (IOException e) {
      throw DataFileException.notReadable(name, e);
    }
  }

  /**
   * @param resource absolute resource name, for example {@code /dev/primer/tf/data/x.gz}
   * @throws DataFileException if no such resource is on the classpath of {@code anchor}
   */
  static IdxSource ofResource(Class<?> anchor, String resource) {
    String name = "classpath:" + resource;
    if (anchor.getResource(resource) == null) {
      throw DataFileException.missingResource(name);
    }
    return new IdxSource(name, -1, () -> {
      InputStream in = anchor.getResourceAsStream(resource);
      if (in == null) {
        throw new IOException("resource vanished: " + resource);
      }
      return in;
    });
  }
}
