package dev.primer.samples.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.tf.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a results directory says whether its set of runs is complete. Results are written after
 * every finished run, so a directory may hold the runs of an interrupted comparison or sweep:
 * <ul>
 *   <li>{@code results.json} says it at its top: {@code "complete": false}, with
 *       {@code "planned_runs"} and {@code "finished_runs"} (and {@code true} with equal counts
 *       once every run finished); {@code --resume} reads this file;
 *   <li>{@code results.csv} keeps its columns (so readers of earlier files keep working): a
 *       file {@value #MARKER} beside it, written before the CSV and removed only after the
 *       complete set is written, says that the set is not complete, with the counts and how to
 *       continue.
 * </ul>
 * results.json is the authority: each file is replaced atomically, but not the two at once.
 */
public final class Completion {
  private Completion() {
    throw new AssertionError("no instances");
  }

  /** The file whose presence marks an incomplete set of runs. */
  public static final String MARKER = "INCOMPLETE";

  /** Puts {@code complete}, {@code planned_runs} and {@code finished_runs} into {@code root}. */
  public static void put(ObjectNode root, int finished, int planned) {
    root.put("complete", finished == planned);
    root.put("planned_runs", planned);
    root.put("finished_runs", finished);
  }

  /**
   * Before the results are written: marks {@code dir} incomplete if {@code finished <
   * planned}, saying how to continue ({@link #resume} or {@link #rerun}).
   */
  public static void before(Path dir, int finished, int planned, String toContinue)
      throws IOException {
    if (finished < planned) {
      AtomicFiles.writeString(dir.resolve(MARKER), "incomplete: " + finished + " of " + planned
          + " runs finished; results.csv and results.json hold those runs.\n" + toContinue
          + "\n");
    }
  }

  /** How to continue a command that resumes: {@code --resume dir}. */
  public static String resume(Path dir, String command) {
    return "Continue with the same options and --resume " + dir + " (" + command + ").";
  }

  /** How to continue a command that does not resume: run it again. */
  public static String rerun(String command) {
    return "Runs are not resumed: run " + command + " again with the same options and another"
        + " --out.";
  }

  /** After the results are written: removes the mark once every run finished. */
  public static void after(Path dir, int finished, int planned) throws IOException {
    if (finished == planned) {
      Files.deleteIfExists(dir.resolve(MARKER));
    }
  }
}
