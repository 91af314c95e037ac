package dev.primer.tf.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ForeignStep} registered for the tests (src/test/resources/META-INF/services): takes
 * the cases named {@code tiny}, and records what it was given and how often it trained.
 */
public final class CountingForeignStep implements ForeignStep {
  /** Every trainer opened in this JVM, in order. */
  static final List<Counting> OPENED = new ArrayList<>();

  @Override
  public String name() {
    return "counting";
  }

  @Override
  public boolean takes(StepBenchmark.Case measured) {
    return measured.name().equals("tiny");
  }

  @Override
  public Trainer open(StepBenchmark.Case measured, float[] features, float[] targets,
      int examples, int[] exampleShape, int classes) {
    Counting trainer = new Counting(examples, exampleShape.clone(), classes,
        features.length, targets.length);
    OPENED.add(trainer);
    return trainer;
  }

  /** What one trainer was given, and what was asked of it. */
  static final class Counting implements Trainer {
    final int examples;
    final int[] exampleShape;
    final int classes;
    final int featureValues;
    final int targetValues;
    int epochs;
    boolean closed;

    Counting(int examples, int[] exampleShape, int classes, int featureValues,
        int targetValues) {
      this.examples = examples;
      this.exampleShape = exampleShape;
      this.classes = classes;
      this.featureValues = featureValues;
      this.targetValues = targetValues;
    }

    @Override
    public void epoch() {
      epochs++;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
