package dev.primer.samples.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a subcommand into one line on stderr, {@code primer <command>: error:
 * <message>}, and exit code 2 for problems the user can fix (a bad spec, a bad file, a bad
 * option value), 1 for anything else. Training commands exit 3 when runs failed
 * ({@link #RUNS_FAILED}), and 130 or 143 on SIGINT or SIGTERM ({@link KeptResults}). The stack trace is printed only with {@code --debug} (or
 * {@code PRIMER_DEBUG=1}).
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  static final int USER_ERROR = 2;
  static final int INTERNAL_ERROR = 1;
  /**
   * {@code compare} and {@code depth-sweep}: every run ended, but one or more failed (could not
   * be trained); ok, stalled and diverged are results and give 0.
   */
  static final int RUNS_FAILED = 3;

  /**
   * The exit code of a command whose runs all ended: 0, or {@link #RUNS_FAILED} after saying on
   * {@code err} how many failed and why the first did.
   */
  static int runsEnded(java.util.List<dev.primer.tf.compare.SchemeRun> runs, String command,
      java.io.PrintWriter err) {
    var failed = runs.stream().filter(r -> r.status().kind()
        == dev.primer.tf.compare.RunStatus.Kind.FAILED).toList();
    if (failed.isEmpty()) {
      return 0;
    }
    err.println("primer " + command + ": " + failed.size() + " of " + runs.size() + " run"
        + (runs.size() == 1 ? "" : "s") + " failed (exit code " + RUNS_FAILED + "); the first, "
        + failed.get(0).scheme() + " seed " + failed.get(0).seed() + ": "
        + failed.get(0).status().detail());
    err.flush();
    return RUNS_FAILED;
  }

  /**
   * A bad option or argument: one line saying what is wrong, one pointing to the help, exit 2
   * (instead of picocli's full usage text).
   */
  static int badOption(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    cmd.getErr().println(name + ": error: " + e.getMessage());
    cmd.getErr().println("see '" + name + " --help'");
    return USER_ERROR;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    boolean debug = "1".equals(System.getenv("PRIMER_DEBUG"))
        || Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--debug");
    boolean userError = e instanceof IllegalArgumentException || e instanceof UserException
        || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
        || e instanceof dev.primer.tf.DeviceUnavailableException
        || e instanceof dev.primer.tf.data.DataFileException;
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // the qualified name: "primer bench compare", not "primer compare"
    cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": error: " + message);
    if (debug) {
      e.printStackTrace(cmd.getErr());
    } else if (!userError) {
      cmd.getErr().println("(an unexpected error; run again with --debug for the stack trace)");
    }
    return userError ? USER_ERROR : INTERNAL_ERROR;
  }
}
