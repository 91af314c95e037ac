package dev.primer.samples.cli;

import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.LabeledImages;
import dev.primer.tf.data.MnistDirectory;
import dev.primer.tf.data.MnistDownloader;
import dev.primer.tf.data.MnistSplit;
import java.io.PrintStream;
import java.nio.file.Path;
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
      description = "Use only the first N training examples.")
  Integer trainSize;

  @Option(names = "--test-size", paramLabel = "N",
      description = "Use only the first N test examples.")
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
    LabeledImages train = trim(split.train(), trainSize, "--train-size");
    LabeledImages test = trim(split.test(), testSize, "--test-size");
    return new MnistSplit(train, test, split.source());
  }

  private static LabeledImages trim(LabeledImages images, Integer size, String option) {
    if (size == null) {
      return images;
    }
    if (size < 1) {
      throw new UserException(option + " must be >= 1, got " + size);
    }
    return size >= images.count() ? images : images.subset(0, size);
  }
}
