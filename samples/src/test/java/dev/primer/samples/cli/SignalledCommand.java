package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code primer} command run as its own process and sent SIGTERM once its results.json holds
 * a finished run: how the tests see what a user's Ctrl-C keeps.
 *
 * @param exitCode the process's exit status (143 after SIGTERM)
 * @param out its standard output
 * @param err its standard error
 */
record SignalledCommand(int exitCode, String out, String err) {

  /**
   * Runs {@code args} ({@code compare ...}) in a new JVM on this test's classpath, with its
   * output in {@code temp}; sends SIGTERM when {@code results}/results.json counts a finished
   * run, and waits for the process to end.
   */
  static SignalledCommand afterFirstRun(Path temp, Path results, List<String> args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(args);
    Path stdout = temp.resolve("stdout.txt");
    Path stderr = temp.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    Process process = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (finishedRuns(results) < 1 && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(process.isAlive()).as("still training after the first run").isTrue();
      process.destroy(); // SIGTERM on Linux
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    return new SignalledCommand(process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** The finished runs results.json in {@code dir} counts; 0 before it exists. */
  static int finishedRuns(Path dir) {
    File json = dir.resolve("results.json").toFile();
    if (!json.isFile()) {
      return 0;
    }
    try {
      return new ObjectMapper().readTree(json).path("finished_runs").asInt();
    } catch (java.io.IOException e) {
      throw new AssertionError("results.json is not whole JSON while being written", e);
    }
  }
}
