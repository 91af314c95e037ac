package dev.primer.samples.examples;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.data.CsvDataset;
import dev.primer.tf.data.CsvFormat;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.Standardization;
import dev.primer.tf.data.ValidationSplit;
import dev.primer.tf.train.EarlyStopping;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import dev.primer.tf.train.LearningRate;
import dev.primer.tf.train.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A complete app, as README's "Use it from Java" shows it: its own data from a CSV file → a
 * stratified validation split and scaling learnt on the training part → a net with He init →
 * fit with a warm-up-then-cosine learning rate and early stopping on the validation loss →
 * evaluate → export a TensorFlow SavedModel → load it back (as a new process would) and predict.
 * <pre>
 *   ./primer example TabularApp [CSV [CLASS-COLUMN [EXPORT-DIR]]]
 * </pre>
 * Without arguments it reads a bundled table of 150 flowers (four measurements and a species,
 * generated like Fisher's iris data) and exports into a new temporary directory.
 */
public final class TabularApp {
  private TabularApp() {
    throw new AssertionError("no instances");
  }

  /** What a run ends with, for a caller (and the test) to check. */
  public record Outcome(FitResult fit, Evaluation validation, Path exported,
      float[] predictedBeforeExport, float[] predictedAfterLoad) {}

  /** Runs the app; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    Path csv = args.length > 0 ? Path.of(args[0]) : bundledTable();
    String classColumn = args.length > 1 ? args[1] : "species";
    Path exportDir = args.length > 2 ? Path.of(args[2])
        : Files.createTempDirectory("primer-tabular-app").resolve("model");
    run(csv, classColumn, exportDir, System.out);
  }

  /** The whole app: reads {@code csv}, trains, exports into {@code exportDir}, loads, predicts. */
  public static Outcome run(Path csv, String classColumn, Path exportDir, PrintStream out)
      throws IOException {
    // 1. own data: a CSV with a header; every column but the class is a numeric feature
    CsvDataset table = CsvDataset.read(csv,
        CsvFormat.firstRowIsHeader().withClassColumn(classColumn));
    ValidationSplit parts = table.stratifiedSplit(0.3, 42);
    Standardization scaling = Standardization.of(parts.train()); // learnt on training rows only
    Dataset train = scaling.apply(parts.train());
    Dataset validation = scaling.apply(parts.validation());
    out.printf(Locale.ROOT, "%s: %d rows, features %s, classes %s; %d train, %d validation%n",
        csv.getFileName(), table.size(), table.featureNames(), table.classes(), train.size(),
        validation.size());

    // 2. the net: ReLU hidden layer with He init, softmax over the classes
    NetSpec spec = Net.input(table.featureNames().size())
        .dense(16).relu().init(dev.primer.dsl.init.Inits.HE_NORMAL)
        .dense(table.classes().size()).softmax();

    FitOptions fit = FitOptions.defaults().withBatchSize(16).withEpochs(300);
    long steps = fit.epochs() * fit.stepsPerEpoch(train.size());
    fit = fit
        .withOptimizer(Optimizer.adam(LearningRate.cosine(0.01, steps).withWarmup(20)))
        .withValidation(validation)
        .withEarlyStopping(EarlyStopping.onValidationLoss(15).withMinDelta(1e-4));

    float[] probe = firstExamples(validation, 5);
    Outcome outcome;
    try (Model model = Model.compile(spec, 42, Device.CPU)) {
      // 3. train: stops when the validation loss has not improved for 15 epochs, best restored
      FitResult result = model.fit(train, fit);
      out.println("fit: " + result.describe());
      // 4. evaluate on the held-out rows
      Evaluation evaluation = model.evaluate(validation);
      out.printf(Locale.ROOT, "validation: loss %.4f, accuracy %.1f%%%n", evaluation.loss(),
          100 * evaluation.accuracy());
      evaluation.classes().ifPresent(m -> {
        for (int c = 0; c < m.classes(); c++) {
          out.printf(Locale.ROOT, "  %-12s precision %.2f  recall %.2f%n",
              table.classes().get(c), m.precision(c), m.recall(c));
        }
      });
      // 5. export for TensorFlow Serving, Python or any TensorFlow runtime
      float[] before = model.predict(probe);
      model.exportSavedModel(exportDir);
      out.println("exported a SavedModel to " + exportDir);
      outcome = new Outcome(result, evaluation, exportDir, before, null);
    }
    // 6. load it back, as another process would, and predict (the same scaling first)
    try (Model loaded = Model.load(exportDir, Device.CPU)) {
      float[] after = loaded.predict(probe);
      out.println("loaded it back; the first 5 validation rows predicted alike: "
          + Arrays.equals(outcome.predictedBeforeExport(), after));
      return new Outcome(outcome.fit(), outcome.validation(), exportDir,
          outcome.predictedBeforeExport(), after);
    }
  }

  /** The first {@code count} examples of {@code data}, row-major. */
  private static float[] firstExamples(Dataset data, int count) {
    int n = Math.min(count, data.size());
    int width = (int) data.exampleShape().size();
    float[] x = new float[n * width];
    data.read(0, n, x, 0, new float[n * data.targetWidth()], 0);
    return x;
  }

  /** The bundled table, copied out of the jar into a temporary file (CsvDataset reads files). */
  private static Path bundledTable() throws IOException {
    Path dir = Files.createTempDirectory("primer-tabular-app");
    Path file = dir.resolve("flowers.csv");
    file.toFile().deleteOnExit();
    dir.toFile().deleteOnExit();
    try (InputStream in = TabularApp.class.getResourceAsStream("flowers.csv")) {
      if (in == null) {
        throw new IOException("the bundled flowers.csv is missing from the classpath");
      }
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }
}
