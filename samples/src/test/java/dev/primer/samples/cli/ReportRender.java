package dev.primer.samples.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs tools/report/check-render.sh on a report: headless Chromium renders it offline. Tests
 * that use it are skipped where no Chromium is installed (CI images may have none).
 */
final class ReportRender {
  static final Path SCRIPT = Path.of("..", "tools", "report", "check-render.sh");

  private ReportRender() {}

  static void assumeChromium() {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
        found |= Files.isExecutable(Path.of(dir, name));
      }
    }
    assumeTrue(found, "no chromium on the PATH: the render check is skipped");
  }

  /** The script's exit code and its output. */
  record Outcome(int exitCode, String output) {}

  static Outcome check(Path report, Path screenshot) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", SCRIPT.toString(), report.toString(),
        screenshot.toString()).redirectErrorStream(true).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("check-render.sh did not finish in 120 s");
    }
    return new Outcome(p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
