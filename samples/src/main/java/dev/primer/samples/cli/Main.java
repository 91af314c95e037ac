package dev.primer.samples.cli;

import dev.primer.tf.NativeMemoryCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code primer} command: Primer's programs as subcommands. Every failure the user can fix
 * is reported as one line naming what is wrong and where, with exit code 2; never a stack trace
 * unless {@code --debug} is given.
 */
@Command(
    name = "primer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Build, initialize, compare and diagnose neural networks written as Primer specs.",
    subcommands = {CompareCommand.class, DiagnoseCommand.class, DepthSweepCommand.class,
      MemoryCommand.class, TransferCommand.class, TransformerCommand.class, SummaryCommand.class,
      InitCommand.class, BenchCommand.class, MergeCommand.class, CoordCheckCommand.class,
      CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    NativeMemoryCheck.skip(); // before TensorFlow's first allocation; the CLI closes what it opens
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line; tests set its output streams. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(new ErrorReporter())
        .setParameterExceptionHandler(ErrorReporter::badOption)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpAutoWidth(true);
  }
}
