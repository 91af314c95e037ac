package dev.primer.samples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * What one child process cost as its user waits for it: wall time from start to exit, and, polled
 * every {@link #POLL_MILLIS} ms while it runs, its CPU time (user + system, all threads) and its
 * peak resident set ({@code VmHWM} of {@code /proc/<pid>/status}, Linux only). A value that could
 * not be read is empty; the CPU time misses at most the last poll interval.
 *
 * @param exitCode the child's exit status
 * @param wallSeconds seconds from just before the start to the observed exit
 * @param cpuSeconds user + system seconds of all its threads at the last poll
 * @param peakRssMiB the highest resident set of the child, in MiB (2^20 bytes), at the last poll
 * @param stderrTail the last lines of its standard error (at most {@link #TAIL_LINES})
 */
record MeasuredProcess(int exitCode, double wallSeconds, OptionalDouble cpuSeconds,
    OptionalDouble peakRssMiB, List<String> stderrTail) {

  /** How often the child's CPU time and peak resident set are read. */
  static final long POLL_MILLIS = 50;

  /** How many of the last lines of the child's standard error are kept. */
  static final int TAIL_LINES = 10;

  MeasuredProcess {
    stderrTail = List.copyOf(stderrTail);
  }

  /**
   * Starts {@code builder}'s command with its standard output thrown away and its standard error
   * written to {@code stderrFile}, and waits for it to exit, polling what it uses.
   */
  static MeasuredProcess run(ProcessBuilder builder, Path stderrFile) {
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderrFile.toFile());
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + builder.command().get(0) + ": "
          + e.getMessage(), e);
    }
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    OptionalDouble cpu = OptionalDouble.empty();
    OptionalDouble rss = OptionalDouble.empty();
    try {
      while (true) {
        OptionalDouble nowCpu = cpuSeconds(process);
        OptionalDouble nowRss = peakRssMiB(status);
        // read before the exit is seen: a value read after it would be of no process (or empty)
        if (nowCpu.isPresent()) {
          cpu = nowCpu;
        }
        if (nowRss.isPresent()) {
          rss = nowRss;
        }
        if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while measuring " + builder.command().get(0));
    }
    double wall = (System.nanoTime() - start) / 1e9;
    return new MeasuredProcess(process.exitValue(), wall, cpu, rss, tail(stderrFile));
  }

  private static OptionalDouble cpuSeconds(Process process) {
    return process.info().totalCpuDuration()
        .map(d -> OptionalDouble.of(d.toNanos() / 1e9))
        .orElse(OptionalDouble.empty());
  }

  /** {@code VmHWM} of a {@code /proc/<pid>/status} file ("VmHWM:   461796 kB"), in MiB. */
  static OptionalDouble peakRssMiB(Path status) {
    List<String> lines;
    try {
      lines = Files.readAllLines(status, StandardCharsets.ISO_8859_1);
    } catch (IOException | UncheckedIOException e) {
      return OptionalDouble.empty(); // no /proc, or the process is gone
    }
    for (String line : lines) {
      if (line.startsWith("VmHWM:")) {
        String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB")) {
          return OptionalDouble.of(Long.parseLong(parts[0]) / 1024.0);
        }
      }
    }
    return OptionalDouble.empty();
  }

  private static List<String> tail(Path file) {
    try {
      // decoded leniently: a byte that is not UTF-8 becomes U+FFFD instead of an error
      List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
          .lines().toList();
      return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    } catch (IOException | UncheckedIOException e) {
      return List.of("(could not read its standard error: " + e.getMessage() + ")");
    }
  }
}
