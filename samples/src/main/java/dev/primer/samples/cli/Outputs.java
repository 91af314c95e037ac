package dev.primer.samples.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Small rules shared by the commands that train several runs. */
final class Outputs {
  private Outputs() {
    throw new AssertionError("no instances");
  }

  /** {@code out}, or {@code runs/<command>-<yyyyMMdd-HHmmss>} when none was given. */
  static Path directory(Path out, String command) {
    return out != null ? out : Path.of("runs", command + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  /** {@code count} consecutive seeds from {@code first}: first, first + 1, ... */
  static List<Long> seeds(long first, int count) {
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      seeds.add(first + i);
    }
    return seeds;
  }
}
