/**
 * Data sets a model trains on, evaluates on and is initialized from: the {@link
 * dev.primer.tf.data.Dataset} interface (examples of one shape with a row of targets each, read
 * in ranges) and {@link dev.primer.tf.data.InMemoryDataset}, held in Java arrays (nested arrays
 * of any of the usual shapes or one flat array; NaN and infinities refused when built);
 * {@link dev.primer.tf.data.CsvDataset}, tabular data read from a CSV file as a
 * {@link dev.primer.tf.data.CsvFormat} says (Jackson's CSV module); a seeded
 * {@link dev.primer.tf.data.ValidationSplit}, stratified or not; per-feature
 * {@link dev.primer.tf.data.Standardization} computed on training data; the checks that a data
 * set fits a net; the one seeded shuffle ({@link dev.primer.tf.data.Shuffle}) every permutation
 * of examples is drawn with. Pure Java: nothing here touches TensorFlow.
 *
 * <p>MNIST-format data for programs and the {@code primer} command alike: reading, the embedded
 * default set, downloading, and the images as a training {@code Dataset}. Pure Java: no
 * command-line library.
 *
 * <ul>
 *   <li>{@link dev.primer.tf.data.MnistDirectory#read} reads the four standard IDX files
 *       ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 *       {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each plain or gzip) from a
 *       directory; any data set in that exact format (28x28 grey images, labels 0..9, such as
 *       Fashion-MNIST) reads unchanged.</li>
 *   <li>{@link dev.primer.tf.data.EmbeddedMnist#load} reads the 10,000-digit subset inside the
 *       tf-bridge jar, so that programs run offline.</li>
 *   <li>{@link dev.primer.tf.data.MnistDownloader} fetches the full 70,000-image set into a
 *       cache directory, verifying SHA-256 sums.</li>
 * </ul>
 *
 * <p>{@link dev.primer.tf.data.ImageDataset} presents images as examples of a net's input shape
 * with one-hot labels; {@link dev.primer.tf.data.ImageInput} says which input shape a net without
 * one takes from images.
 *
 * <p>The result is a {@link dev.primer.tf.data.MnistSplit} of two immutable
 * {@link dev.primer.tf.data.LabeledImages}. Every problem with a file or a download is a
 * {@link dev.primer.tf.data.DataFileException} whose message names the file and the problem.
 * Formats, origins, licences and checksums: docs/DATA.md.
 */
package dev.primer.tf.data;
