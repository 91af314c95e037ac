/**
 * The {@code primer} command: one class per subcommand, shared options as picocli mixins, and
 * the error reporter that turns every failure into one line.
 */
package dev.primer.samples.cli;
