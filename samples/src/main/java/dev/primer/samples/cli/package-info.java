/**
 * The {@code primer} command: one class per subcommand, shared options as picocli mixins, the
 * error reporter that turns every failure into one line and holds the exit codes, the checks of
 * the output directory before any run, and the shutdown hook that keeps finished runs on SIGINT
 * and SIGTERM.
 */
package dev.primer.samples.cli;
