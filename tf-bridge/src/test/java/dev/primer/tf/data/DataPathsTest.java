package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.tf.io.IoReasons;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The words for a path that exists but cannot be used. Tests here run as root, which ignores
 * permission bits, so a denied access cannot be made real: its message is checked from the
 * exception the JDK throws for it ({@code AccessDeniedException}), and the real denied paths are
 * in {@link MnistDirectoryTest}, skipped where permission bits do not apply.
 */
class DataPathsTest {
  private final Path dir = Path.of("/data/mnist");

  @Test
  void aDeniedAccessReadsAsPermissionDenied() {
    assertThat(DataFileException.notReadable("/data/mnist/x",
            new AccessDeniedException("/data/mnist/x")))
        .hasMessage("/data/mnist/x: not readable (permission denied)")
        .hasCauseInstanceOf(AccessDeniedException.class);
    assertThat(DataFileException.directoryNotReadable(dir, "train-images-idx3-ubyte",
            new AccessDeniedException("/data/mnist/train-images-idx3-ubyte")))
        .hasMessage("/data/mnist: not readable (permission denied): cannot look for"
            + " train-images-idx3-ubyte in it");
  }

  @Test
  void otherFailuresGiveTheFileSystemsReason() {
    assertThat(IoReasons.of(new FileSystemException("/x", null,
        "Too many levels of symbolic links"))).isEqualTo("Too many levels of symbolic links");
    assertThat(IoReasons.of(new NoSuchFileException("/x")))
        .isEqualTo("it does not exist");
    assertThat(IoReasons.of(new IOException("disk on fire")))
        .isEqualTo("disk on fire");
    assertThat(IoReasons.of(new IOException())).isEqualTo("IOException");
  }

  @Test
  void aMissingNameIsNotAProblem() {
    assertThat(DataPaths.readableFile(Path.of(System.getProperty("java.io.tmpdir")),
        "no-such-file-" + System.nanoTime())).isFalse();
  }
}
