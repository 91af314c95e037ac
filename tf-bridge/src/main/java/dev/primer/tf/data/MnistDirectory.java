package dev.primer.tf.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the four MNIST files from a directory, such as the one given with {@code --data DIR} or
 * filled by {@link MnistDownloader}.
 *
 * <p>Each file is looked up by its standard name ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}),
 * then by that name plus {@code .gz}; if both exist the plain one is read. Whether a file is
 * gzip-compressed is decided by its first two bytes ({@code 1f 8b}), not by its name. Images must be
 * 28x28 and labels 0..9, so MNIST and data sets in its exact format (Fashion-MNIST, Kuzushiji-MNIST)
 * read unchanged.
 */
public final class MnistDirectory {

  private MnistDirectory() {
    throw new AssertionError("no instances");
  }

  /**
   * Reads {@code train-*} as the training set and {@code t10k-*} as the test set. All four files
   * are found before any is read.
   *
   * @return the split, with {@code dir} as its source
   * @throws DataFileException if the directory or a file does not exist, is not readable (told
   *                           apart from missing by real attempts, not permission bits) or is
   *                           invalid; the message names the file and the problem
   */
  public static MnistSplit read(Path dir) {
    DataPaths.checkDirectory(dir);
    List<IdxSource> sources = new ArrayList<>();
    for (String name : MnistFiles.NAMES) {
      sources.add(IdxSource.of(find(dir, name)));
    }
    LabeledImages train = MnistFiles.read(sources.get(0), sources.get(1));
    LabeledImages test = MnistFiles.read(sources.get(2), sources.get(3));
    return new MnistSplit(train, test, dir.toString());
  }

  /**
   * The plain file if it is a readable regular file, else the {@code .gz} one; if neither is,
   * the first problem of a name that exists (not readable, a directory, ...), else "missing".
   */
  private static Path find(Path dir, String name) {
    DataFileException problem = null;
    for (String candidate : List.of(name, name + MnistFiles.GZIP_SUFFIX)) {
      try {
        if (DataPaths.readableFile(dir, candidate)) {
          return dir.resolve(candidate);
        }
      } catch (DataFileException e) {
        problem = problem == null ? e : problem;
      }
    }
    throw problem != null ? problem : DataFileException.missingFile(dir, name);
  }
}
