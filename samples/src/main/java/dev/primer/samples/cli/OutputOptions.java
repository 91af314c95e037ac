package dev.primer.samples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --out DIR} and {@code --force}: where a command that trains writes its results, checked
 * and created before the first run ({@link OutputDirectory}). Shared by compare, depth-sweep,
 * memory and transfer.
 */
final class OutputOptions {

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write the results (results.csv, results.json, the charts, "
          + "report.html), after every finished run. Checked before the first run; must be "
          + "empty or new (see --force). Default: runs/${COMMAND-NAME}-<time>.")
  Path out;

  @Option(names = "--force",
      description = "Write into a non-empty --out: first remove the files Primer writes there "
          + "(results.csv, results.json, summary.csv, report.html, the charts, INCOMPLETE); "
          + "other files stay.")
  boolean force;

  /**
   * The results directory of a fresh run: {@code --out}, else {@code runs/<command>-<time>},
   * checked and created ({@link OutputDirectory#fresh}).
   *
   * @throws UserException naming {@code --out} when results cannot go there
   */
  Path fresh(String command) {
    return OutputDirectory.fresh(Outputs.directory(out, command), "--out", force);
  }
}
