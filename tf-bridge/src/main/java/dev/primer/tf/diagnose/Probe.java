package dev.primer.tf.diagnose;

import dev.primer.dsl.base.Shape;
import dev.primer.tf.data.Dataset;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The batch a diagnosis runs the net on: examples of one shape with a target each. Immutable: the
 * arrays are copied in and never handed out.
 * <pre>
 *   Probe.from(mnistTrain, 256, "256 MNIST training images")        // real data, real labels
 *   Probe.standardNormal(Shape.of(784), 256, 10, 42)                 // N(0, 1) inputs
 * </pre>
 */
public final class Probe {
  private final String description;
  private final Shape exampleShape;
  private final int count;
  private final int targetWidth;
  private final float[] examples;
  private final float[] targets;

  private Probe(String description, Shape exampleShape, int count, int targetWidth,
      float[] examples, float[] targets) {
    this.description = description;
    this.exampleShape = exampleShape;
    this.count = count;
    this.targetWidth = targetWidth;
    this.examples = examples;
    this.targets = targets;
  }

  /**
   * A probe of given values (copied).
   *
   * @param examples {@code count * exampleShape.size()} values, row-major
   * @param targets {@code count * targetWidth} values: one-hot labels, or regression targets
   * @throws IllegalArgumentException if a size does not fit
   */
  public static Probe of(String description, Shape exampleShape, int count, float[] examples,
      int targetWidth, float[] targets) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(exampleShape, "exampleShape");
    if (count < 1) {
      throw new IllegalArgumentException("probe: count must be >= 1, got " + count);
    }
    if (targetWidth < 1) {
      throw new IllegalArgumentException("probe: targetWidth must be >= 1, got " + targetWidth);
    }
    long size = exampleShape.size();
    if (examples.length != count * size) {
      throw new IllegalArgumentException("probe: " + count + " examples of shape " + exampleShape
          + " need " + count * size + " values, got " + examples.length);
    }
    if (targets.length != (long) count * targetWidth) {
      throw new IllegalArgumentException("probe: " + count + " examples with " + targetWidth
          + " target values each need " + (long) count * targetWidth + " values, got "
          + targets.length);
    }
    return new Probe(description, exampleShape, count, targetWidth, examples.clone(),
        targets.clone());
  }

  /**
   * The first {@code count} examples of {@code data} (all of them if it has fewer), with their
   * targets.
   *
   * @throws IllegalArgumentException if count &lt; 1 or the data set is empty
   */
  public static Probe from(Dataset data, int count, String description) {
    if (count < 1) {
      throw new IllegalArgumentException("probe: count must be >= 1, got " + count);
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException("probe: the data set is empty");
    }
    int n = Math.min(count, data.size());
    int size = Math.toIntExact(data.exampleShape().size());
    float[] x = new float[n * size];
    float[] y = new float[n * data.targetWidth()];
    data.read(0, n, x, 0, y, 0);
    return new Probe(description, data.exampleShape(), n, data.targetWidth(), x, y);
  }

  /**
   * {@code count} examples of shape {@code exampleShape} whose values are independent standard
   * normal draws, with targets from the same generator: for {@code targetWidth >= 2}, one-hot
   * labels of classes drawn uniformly (at initialization a net knows nothing of the data, so
   * random labels give gradients of the same size as real ones); for {@code targetWidth == 1},
   * standard normal targets. Reproducible: the same arguments give the same probe.
   *
   * @throws IllegalArgumentException if count or targetWidth &lt; 1
   */
  public static Probe standardNormal(Shape exampleShape, int count, int targetWidth, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("probe: count must be >= 1, got " + count);
    }
    if (targetWidth < 1) {
      throw new IllegalArgumentException("probe: targetWidth must be >= 1, got " + targetWidth);
    }
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[Math.toIntExact(count * exampleShape.size())];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    float[] y = new float[count * targetWidth];
    for (int i = 0; i < count; i++) {
      if (targetWidth == 1) {
        y[i] = (float) random.nextGaussian();
      } else {
        y[i * targetWidth + random.nextInt(targetWidth)] = 1f;
      }
    }
    String targets = targetWidth == 1 ? "standard-normal targets" : "random one-hot labels";
    return new Probe(count + " standard-normal examples of shape " + exampleShape + ", "
        + targets + " (seed " + seed + ")", exampleShape, count, targetWidth, x, y);
  }

  /** How the batch was made, for people. */
  public String description() {
    return description;
  }

  /** The shape of one example, without the batch dimension. */
  public Shape exampleShape() {
    return exampleShape;
  }

  /** Number of examples. */
  public int count() {
    return count;
  }

  /** Target values per example. */
  public int targetWidth() {
    return targetWidth;
  }

  /** A copy of the examples' values, row-major. */
  public float[] examples() {
    return examples.clone();
  }

  /** A copy of the targets, row-major. */
  public float[] targets() {
    return targets.clone();
  }

  float[] examplesNoCopy() {
    return examples;
  }

  float[] targetsNoCopy() {
    return targets;
  }

  @Override
  public String toString() {
    return "Probe[" + description + "]";
  }
}
