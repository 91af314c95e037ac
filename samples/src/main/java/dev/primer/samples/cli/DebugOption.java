package dev.primer.samples.cli;

import picocli.CommandLine.Option;

/**
 * {@code --debug}: print the stack trace of an error as well as its one-line message. Read by
 * {@link ErrorReporter} from the command line itself, so it works however early a command fails.
 */
final class DebugOption {

  @Option(names = "--debug", description = "Print stack traces of errors.")
  boolean debug;
}
