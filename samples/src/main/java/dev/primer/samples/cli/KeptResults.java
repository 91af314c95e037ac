package dev.primer.samples.cli;

import dev.primer.samples.compare.Completion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps a command's results through SIGINT and SIGTERM. Results are written under one lock,
 * after every finished run; on a signal the JVM runs this shutdown hook, which waits for a write
 * in progress to end, then (unless the command had already written its complete results) runs
 * the command's {@code onSignal}: write what was kept (tables, report) and say so on stderr.
 * The lock stays held, so nothing is written after it; the JVM then exits with 130 (SIGINT) or
 * 143 (SIGTERM), 128 plus the signal's number. Close it when the command ends, to remove the
 * hook.
 */
final class KeptResults implements AutoCloseable {

  /** A write of result files. */
  @FunctionalInterface
  interface Write {
    void run() throws IOException;
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Thread hook;
  private volatile boolean complete;
  private volatile boolean interrupted;

  /** Registers {@code onSignal}, run once on SIGINT or SIGTERM unless the results are complete. */
  KeptResults(Runnable onSignal) {
    hook = new Thread(() -> {
      interrupted = true;
      lock.lock();
      if (!complete) {
        try {
          onSignal.run();
        } catch (RuntimeException e) {
          System.err.println("primer: interrupted; results.csv and results.json hold the runs"
              + " finished so far, but the rest could not be written: " + e.getMessage());
        }
      }
    }, "primer-keep-results");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Writes result files; a signal that comes meanwhile waits for the write to end. */
  void write(Write write) {
    lock.lock();
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Writes the complete results; after it a signal has nothing left to keep. */
  void writeComplete(Write write) {
    lock.lock();
    try {
      write.run();
      complete = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether a signal came: the results are being kept or were kept, and nothing more will be
   * written (a run that ends now is not among them, so it should not be reported as if it were).
   */
  boolean interrupted() {
    return interrupted;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or has run; it keeps what there is
    }
  }

  /** Says on stderr that a signal came before any run finished, so nothing was kept. */
  static void tellNothingKept(PrintWriter err, String command, Path outDir) {
    err.println("primer " + command + ": interrupted before any run finished; nothing to keep in "
        + outDir);
    err.flush();
  }

  /**
   * Says on stderr what a signal kept ({@code kept}: "4 of 9 runs") and how to continue.
   *
   * @param reportFailure why the report could not be written, or null if it was
   * @param resume the command line that continues the run
   */
  static void tellKept(PrintWriter err, String command, String kept, Path outDir,
      String reportFailure, String resume) {
    tellKept(err, command, kept, outDir, reportFailure, null, resume);
  }

  /**
   * As {@link #tellKept(PrintWriter, String, String, Path, String, String)}, and which runs were
   * lost: {@code notKept} ("the 9 runs in progress"), or null to say nothing of them.
   */
  static void tellKept(PrintWriter err, String command, String kept, Path outDir,
      String reportFailure, String notKept, String resume) {
    if (reportFailure == null) {
      err.println("primer " + command + ": interrupted; kept the " + kept + " that finished in "
          + outDir + " (results.csv, results.json and report.html; marked incomplete: "
          + Completion.MARKER + ", \"complete\": false)");
    } else {
      err.println("primer " + command + ": interrupted; kept the " + kept + " that finished in "
          + outDir + "/results.csv and results.json (the report could not be written: "
          + reportFailure + ")");
    }
    if (notKept != null) {
      err.println("not kept: " + notKept);
    }
    err.println("continue with: " + resume);
    err.flush();
  }
}
