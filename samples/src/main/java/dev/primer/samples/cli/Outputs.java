package dev.primer.samples.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where the commands that train several runs write by default. */
final class Outputs {
  private Outputs() {
    throw new AssertionError("no instances");
  }

  /** {@code out}, or {@code runs/<command>-<yyyyMMdd-HHmmss>} when none was given. */
  static Path directory(Path out, String command) {
    return out != null ? out : Path.of("runs", command + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }
}
