package dev.primer.samples.cli;

import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.MnistDirectory;
import dev.primer.tf.data.MnistDownloader;
import dev.primer.tf.data.MnistSplit;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/**
 * Where the MNIST data comes from, shared by the commands that train: the embedded 10,000
 * digits by default, a directory of standard IDX files with {@code --data}, or the full set
 * downloaded into a cache with {@code --download}.
 */
final class DataOptions {

  @Option(names = "--data", paramLabel = "DIR",
      description = "A directory with the four MNIST IDX files (plain or .gz): train-images-idx3-ubyte, "
          + "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte. Any data set in "
          + "that format works (Fashion-MNIST). Default: the embedded 10,000 digits (offline).")
  Path data;

  @Option(names = "--download",
      description = "Download the full MNIST (60,000 + 10,000) into ~/.cache/primer/mnist (checked by "
          + "SHA-256) and use it.")
  boolean download;

  @Option(names = "--train-size", paramLabel = "N",
      description = "Use only the first N training examples; more than the set holds is an "
          + "error.")
  Integer trainSize;

  @Option(names = "--test-size", paramLabel = "N",
      description = "Use only the first N test examples; more than the set holds is an error.")
  Integer testSize;

  /** Loads the split the options name, trimmed to the sizes asked for. */
  MnistSplit load(PrintStream progress) {
    if (data != null && download) {
      throw new UserException("--data and --download cannot be used together");
    }
    MnistSplit split;
    if (download) {
      MnistDownloader downloader = MnistDownloader.create();
      progress.println("downloading MNIST into " + downloader.cacheDirectory() + " ...");
      split = MnistDirectory.read(downloader.download());
    } else if (data != null) {
      split = MnistDirectory.read(data);
    } else {
      split = EmbeddedMnist.load();
    }
    split = trim(split, trainSize, "--train-size", MnistSplit::withTrainSize);
    return trim(split, testSize, "--test-size", MnistSplit::withTestSize);
  }

  /** The library's trim ({@link MnistSplit#withTrainSize}), its refusal named as the option. */
  private static MnistSplit trim(MnistSplit split, Integer size, String option,
      BiFunction<MnistSplit, Integer, MnistSplit> trim) {
    if (size == null) {
      return split;
    }
    try {
      return trim.apply(split, size);
    } catch (IllegalArgumentException e) {
      throw new UserException(option + ": " + e.getMessage());
    }
  }
}
