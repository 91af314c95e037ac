package dev.primer.samples.cli;

import dev.primer.samples.compare.Completion;
import dev.primer.tf.io.IoReasons;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the directory a command writes its results into before the first run trains: it is
 * created and a probe file is written and removed there, so that a path that is a file, cannot
 * be created or is not writable is reported at once, in one line naming the path and the
 * reason. A directory that already holds files is refused, so that two runs' files never mix,
 * unless {@code --force} (which first removes the files Primer writes there and no others) or
 * {@code --resume} (which continues the run whose files are there).
 */
final class OutputDirectory {
  private OutputDirectory() {
    throw new AssertionError("no instances");
  }

  /**
   * The files Primer writes into a results directory: results.csv and .json, summary.csv,
   * report.html, the {@link Completion#MARKER}, the charts, and the hidden temporary files of an
   * atomic write that did not finish.
   */
  private static final Pattern PRIMERS = Pattern.compile("(results\\.csv|results\\.json"
      + "|summary\\.csv|report\\.html|" + Completion.MARKER
      + "|(test-accuracy|train-loss|test-loss|activation-std|accuracy-grid"
      + "|gradient-through-time|coordinates-standard|coordinates-mup)(-depth\\d+)?\\.png)");

  /**
   * Creates {@code dir} if needed and checks that results can be written there.
   *
   * @param option how the user named it, for messages ({@code --out})
   * @param force remove Primer's files in a non-empty {@code dir} instead of refusing it
   * @throws UserException naming the path and what is wrong
   */
  static Path fresh(Path dir, String option, boolean force) {
    prepare(dir, option);
    List<String> names = names(dir);
    if (!names.isEmpty()) {
      if (!force) {
        throw new UserException(option + " " + dir + " is not empty (it holds "
            + sample(names) + "); give another " + option + ", --force to replace the results"
            + " Primer wrote there, or --resume " + dir + " to continue an interrupted run");
      }
      for (String name : names) {
        if (isPrimers(name)) {
          try {
            Files.deleteIfExists(dir.resolve(name));
          } catch (IOException e) {
            throw new UserException(option + " " + dir + ": --force cannot remove " + name + ": "
                + reason(e));
          }
        }
      }
    }
    return dir;
  }

  /**
   * Checks that {@code dir}, given to {@code --resume}, is a directory Primer can write into.
   *
   * @throws UserException naming the path and what is wrong
   */
  static Path forResume(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserException("--resume " + dir + ": " + (Files.exists(dir)
          ? "is a file, not a directory" : "no such directory"));
    }
    prepare(dir, "--resume");
    return dir;
  }

  /** Whether Primer writes files of this name into a results directory. */
  static boolean isPrimers(String name) {
    if (name.startsWith(".") && name.endsWith(".part")) {
      String inner = name.substring(1);
      int dot = inner.lastIndexOf('.', inner.length() - ".part".length() - 1);
      return dot > 0 && PRIMERS.matcher(inner.substring(0, dot)).matches();
    }
    return PRIMERS.matcher(name).matches();
  }

  private static void prepare(Path dir, String option) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserException(option + " " + dir + ": is a file, not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserException(option + " " + dir + ": cannot be created: " + reason(e));
    }
    Path probe = dir.resolve(".primer-write-probe-" + ProcessHandle.current().pid());
    try {
      Files.deleteIfExists(probe);
      Files.writeString(probe, "");
      Files.delete(probe);
    } catch (IOException e) {
      throw new UserException(option + " " + dir + ": not writable: " + reason(e));
    }
  }

  private static List<String> names(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UserException(dir + ": cannot be listed: " + reason(e));
    }
  }

  private static String sample(List<String> names) {
    return names.size() == 1 ? names.get(0)
        : names.size() + " files: " + String.join(", ", names.subList(0, Math.min(3,
            names.size()))) + (names.size() > 3 ? ", ..." : "");
  }

  /**
   * Why a file operation failed, in words. These messages name the directory, not always the
   * file that failed, so a missing file, an existing one and the file system's reason (in lower
   * case) name the file; a denied access and anything else read as {@link IoReasons#of} says.
   */
  private static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException f) {
      return f.getFile() + " exists and is not a directory";
    }
    if (e instanceof NoSuchFileException f) {
      return "no such file or directory (" + f.getFile() + ")";
    }
    if (e instanceof FileSystemException f && !(e instanceof AccessDeniedException)
        && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT)
          + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
    }
    return IoReasons.of(e);
  }
}
