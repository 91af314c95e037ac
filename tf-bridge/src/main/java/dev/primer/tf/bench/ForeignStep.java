package dev.primer.tf.bench;

import java.util.List;
import java.util.ServiceLoader;

/**
 * A contender of {@code primer bench step} from another library, found on the classpath with
 * {@link ServiceLoader} (a provider names its class in {@code
 * META-INF/services/dev.primer.tf.bench.ForeignStep}). Primer ships one behind a build profile:
 * Deeplearning4j ({@code mvn -Pdl4j}, module {@code bench-dl4j}), kept off every other
 * classpath. {@link StepBenchmark} adds each provider that takes a case as a contender after
 * Primer's own, times its epochs as it times the others (wall and process CPU time) and closes
 * it with the benchmark.
 */
public interface ForeignStep {
  /** The contender's name in the tables, e.g. {@code dl4j}: short, no blanks. */
  String name();

  /**
   * Whether this library can train {@code measured} as Primer does (the same layers, the same
   * optimizer with the same settings); a contender that cannot is left out of that case.
   */
  boolean takes(StepBenchmark.Case measured);

  /**
   * Builds the contender's trainer for {@code measured} on the training set: {@code examples}
   * row-major examples of shape {@code exampleShape} (e.g. {784} or {28, 28, 1}) in {@code
   * features}, one-hot targets of {@code classes} values in {@code targets}, a whole number of
   * batches. Called only for a case it {@link #takes}.
   */
  Trainer open(StepBenchmark.Case measured, float[] features, float[] targets, int examples,
      int[] exampleShape, int classes);

  /** One contender's model and data, trained an epoch at a time. */
  interface Trainer extends AutoCloseable {
    /** Trains one epoch: every example once, in an order shuffled anew, batch by batch. */
    void epoch();

    /** Frees the library's memory; no exception. */
    @Override
    void close();
  }

  /** The providers on the classpath, in the order {@link ServiceLoader} finds them. */
  static List<ForeignStep> installed() {
    return ServiceLoader.load(ForeignStep.class).stream().map(ServiceLoader.Provider::get)
        .toList();
  }
}
