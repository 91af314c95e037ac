package dev.primer.tf.internal.train;

import dev.primer.dsl.layer.Embedding;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.internal.graph.Forward;
import dev.primer.tf.internal.graph.Logits;
import dev.primer.tf.train.Loss;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The loss and accuracy ops, per example; callers reduce over the batch. Every pass that
 * computes a loss (training step, evaluation, diagnosis, benchmark) reshapes the forward pass
 * through {@link #rows} and computes it by {@link #perExample}; the formulas are {@link Loss}'s,
 * the class weights' those of {@link dev.primer.tf.train.FitOptions#withClassWeights}.
 */
public final class LossOps {
  private LossOps() {
    throw new AssertionError("no instances");
  }

  /** Examples read at a time when targets are checked. */
  private static final int CHECK_CHUNK = 1024;

  /**
   * Checks that {@code data} fits {@code net} ({@link Dataset#checkFits}) and that the net and
   * data suit {@code loss}: softmax cross-entropy needs a net that ends in logits ({@link
   * Logits#checkEndsInLogits}); binary cross-entropy a net that ends in sigmoid() or no
   * activation ({@link Logits#checkEndsInSigmoidLogits}) and targets in [0, 1]. What training
   * and evaluation check before they run.
   *
   * @throws IllegalArgumentException naming what does not fit: {@code "binary cross-entropy
   *     needs targets in [0, 1]; example 7 has 2.0 at output 0"}
   */
  public static void checkFits(ResolvedNet net, Dataset data, Loss loss) {
    Dataset.checkFits(data, net.input(), net.output());
    if (!net.layers().isEmpty()
        && net.layers().get(0).spec().layer() instanceof Embedding embedding) {
      checkTokenIds(data, embedding);
    }
    switch (loss) {
      case SOFTMAX_CROSS_ENTROPY, SOFTMAX_CROSS_ENTROPY_PER_POSITION ->
          Logits.checkEndsInLogits(net);
      case BINARY_CROSS_ENTROPY -> {
        Logits.checkEndsInSigmoidLogits(net);
        checkTargetsInUnitInterval(data);
      }
      case MEAN_SQUARED_ERROR -> { }
    }
  }

  private static void checkTargetsInUnitInterval(Dataset data) {
    int width = data.targetWidth();
    int exampleSize = Math.toIntExact(data.exampleShape().size());
    int chunk = Math.min(CHECK_CHUNK, data.size());
    float[] x = new float[chunk * exampleSize];
    float[] y = new float[chunk * width];
    for (int start = 0; start < data.size(); start += chunk) {
      int count = Math.min(chunk, data.size() - start);
      data.read(start, count, x, 0, y, 0);
      for (int i = 0; i < count * width; i++) {
        if (!(y[i] >= 0 && y[i] <= 1)) {
          throw new IllegalArgumentException("binary cross-entropy needs targets in [0, 1];"
              + " example " + (start + i / width) + " has " + y[i] + " at output " + i % width);
        }
      }
    }
  }

  /**
   * Checks that every feature of {@code data} is a token id {@code embedding} can look up: a
   * whole number in [0, vocab). Looked up as they are, other values would fail inside
   * TensorFlow without naming the layer (on the CPU) or give zero rows (on a GPU), and 2.7
   * would silently become token 2.
   *
   * @throws IllegalArgumentException {@code "embedding(10,32), the net's first layer, takes
   *     token ids 0..9; example 17 has 12.0 at position 3"}
   */
  static void checkTokenIds(Dataset data, Embedding embedding) {
    int exampleSize = Math.toIntExact(data.exampleShape().size());
    int width = data.targetWidth();
    int chunk = Math.min(CHECK_CHUNK, data.size());
    float[] x = new float[chunk * exampleSize];
    float[] y = new float[chunk * width];
    for (int start = 0; start < data.size(); start += chunk) {
      int count = Math.min(chunk, data.size() - start);
      data.read(start, count, x, 0, y, 0);
      for (int i = 0; i < count * exampleSize; i++) {
        if (!(x[i] >= 0 && x[i] < embedding.vocab() && x[i] == Math.rint(x[i]))) {
          throw new IllegalArgumentException(embedding.text() + ", the net's first layer, takes"
              + " token ids 0.." + (embedding.vocab() - 1) + "; example "
              + (start + i / exampleSize) + " has " + x[i] + " at position " + i % exampleSize);
        }
      }
    }
  }

  /**
   * The number of classes that class weights are given for: the outputs for softmax
   * cross-entropy, 2 (0 and 1) for binary cross-entropy with one output.
   *
   * @throws IllegalArgumentException for a loss without one class per example (squared error,
   *     multi-label binary cross-entropy)
   */
  public static int classCount(Loss loss, int outputSize) {
    return switch (loss) {
      case SOFTMAX_CROSS_ENTROPY -> outputSize;
      case BINARY_CROSS_ENTROPY -> {
        if (outputSize != 1) {
          throw new IllegalArgumentException("fit: class weights need one class per example;"
              + " binary cross-entropy with " + outputSize + " outputs is multi-label (class"
              + " weights apply to softmax cross-entropy, or binary cross-entropy with one"
              + " output)");
        }
        yield 2;
      }
      case MEAN_SQUARED_ERROR -> throw new IllegalArgumentException(
          "fit: class weights need a classification loss, got " + loss);
      case SOFTMAX_CROSS_ENTROPY_PER_POSITION -> throw new IllegalArgumentException(
          "fit: class weights need one class per example, got " + loss);
    };
  }

  /**
   * Checks that {@code weights}, if any, has one weight per class of a net with {@code
   * outputSize} outputs under {@code loss} ({@link #classCount}).
   *
   * @throws IllegalArgumentException {@code "fit: class weights: 3 given, but the net has 4
   *     classes (one per output)"}
   */
  public static void checkClassWeights(Loss loss, int outputSize, List<Double> weights) {
    if (weights.isEmpty()) {
      return;
    }
    int classes = classCount(loss, outputSize);
    if (weights.size() != classes) {
      throw new IllegalArgumentException("fit: class weights: " + weights.size() + " given, but "
          + (loss == Loss.BINARY_CROSS_ENTROPY
              ? "binary cross-entropy with one output has 2 classes (0, then 1)"
              : "the net has " + classes + " classes (one per output)"));
    }
  }

  /**
   * Each example's class weight, shape [batch]: {@code weights} (one per class) gathered at the
   * example's class, its target's largest entry (softmax cross-entropy) or its target &gt; 0.5
   * (binary cross-entropy, one output).
   */
  public static Operand<TFloat32> classWeightOfEach(Ops tf, Loss loss, Operand<TFloat32> weights,
      Operand<TFloat32> targets) {
    Operand<TInt64> classes = switch (loss) {
      case SOFTMAX_CROSS_ENTROPY -> tf.math.argMax(targets, tf.constant(1), TInt64.class);
      case BINARY_CROSS_ENTROPY -> tf.dtypes.cast(tf.reshape(
          tf.math.greater(targets, tf.constant(0.5f)), tf.constant(new int[] {-1})), TInt64.class);
      case MEAN_SQUARED_ERROR, SOFTMAX_CROSS_ENTROPY_PER_POSITION ->
          throw new IllegalArgumentException(
              "class weights need one class per example, got " + loss);
    };
    return tf.gather(weights, classes, tf.constant(0));
  }

  /**
   * Whether {@code loss} has an accuracy on targets {@code targetWidth} wide: binary
   * cross-entropy always (thresholded outputs), the others where there are several outputs
   * (the largest output).
   */
  public static boolean hasAccuracy(Loss loss, int targetWidth) {
    return loss == Loss.BINARY_CROSS_ENTROPY || loss == Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION
        || targetWidth > 1;
  }

  /**
   * Whether each example's target is one class of several, as the confusion matrix and the
   * top-k ranks take it: softmax cross-entropy and squared error over several outputs (not
   * binary cross-entropy, not the per-position loss, whose examples have a class per position).
   */
  public static boolean oneClassPerExample(Loss loss, int outputSize) {
    return outputSize > 1 && (loss == Loss.SOFTMAX_CROSS_ENTROPY
        || loss == Loss.MEAN_SQUARED_ERROR);
  }

  /**
   * A forward pass's logits and output as rows, shape [batch, outputSize]: what the losses and
   * the correct count take.
   *
   * @param classes the size of the output's last axis: the classes per position of a sequence
   *     output [steps, classes], for the per-position loss (the output size for a flat output)
   */
  public record Rows(Operand<TFloat32> logits, Operand<TFloat32> output, int classes) {}

  /** {@code forward}'s logits and output reshaped to [batch, outputSize], logits first. */
  public static Rows rows(Ops tf, Forward forward, int outputSize) {
    int[] rows = {-1, outputSize};
    Operand<TFloat32> logits = tf.reshape(forward.logits(), tf.constant(rows));
    Operand<TFloat32> output = tf.reshape(forward.output(), tf.constant(rows));
    org.tensorflow.ndarray.Shape shape = forward.output().shape();
    long last = shape.numDimensions() > 1 ? shape.size(shape.numDimensions() - 1) : outputSize;
    if (last <= 0) {
      // never a silent fallback to outputSize: that would be one softmax over every position
      throw new IllegalStateException("the output " + shape + " has no static size on its last"
          + " axis, so the classes per position are unknown");
    }
    return new Rows(logits, output, Math.toIntExact(last));
  }

  /** {@link #perExample(Ops, Loss, Operand, Operand, Operand)} on {@link #rows}. */
  public static Operand<TFloat32> perExample(Ops tf, Loss loss, Rows rows,
      Operand<TFloat32> targets) {
    if (loss == Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION) {
      return perPosition(tf, rows, targets);
    }
    return perExample(tf, loss, rows.logits(), rows.output(), targets);
  }

  /**
   * The per-position loss of each example, [batch]: the rows seen as [batch * steps, classes],
   * softmax cross-entropy of each position, then the mean over each example's positions.
   */
  private static Operand<TFloat32> perPosition(Ops tf, Rows rows, Operand<TFloat32> targets) {
    int[] positions = {-1, rows.classes()};
    Operand<TFloat32> each = tf.nn.softmaxCrossEntropyWithLogits(
        tf.reshape(rows.logits(), tf.constant(positions)),
        tf.reshape(targets, tf.constant(positions))).loss();
    return tf.math.mean(byExample(tf, each, rows.logits()), tf.constant(1));
  }

  /**
   * Per example, the fraction of positions whose largest logit (so the largest output of its
   * softmax) is where the target's largest is.
   */
  private static Operand<TFloat32> correctPositions(Ops tf, Rows rows,
      Operand<TFloat32> targets) {
    int[] positions = {-1, rows.classes()};
    Operand<TFloat32> right = tf.dtypes.cast(tf.math.equal(
        tf.math.argMax(tf.reshape(rows.logits(), tf.constant(positions)), tf.constant(1)),
        tf.math.argMax(tf.reshape(targets, tf.constant(positions)), tf.constant(1))),
        TFloat32.class);
    return tf.math.mean(byExample(tf, right, rows.logits()), tf.constant(1));
  }

  /** Values of [batch * steps] positions as [batch, steps], batch the rows of {@code like}. */
  private static Operand<TFloat32> byExample(Ops tf, Operand<TFloat32> perPosition,
      Operand<TFloat32> like) {
    Operand<TInt32> batch = tf.slice(tf.shape(like), tf.constant(new int[] {0}),
        tf.constant(new int[] {1}));
    return tf.reshape(perPosition,
        tf.concat(List.of(batch, tf.constant(new int[] {-1})), tf.constant(0)));
  }

  /**
   * The loss of each example of a batch, shape [batch]: the formulas of {@link Loss}. Every
   * operand is [batch, values].
   *
   * @param logits the net's value before a final softmax or sigmoid (for cross-entropies)
   * @param output the net's output (for squared error)
   */
  public static Operand<TFloat32> perExample(
      Ops tf, Loss loss, Operand<TFloat32> logits, Operand<TFloat32> output,
      Operand<TFloat32> targets) {
    return switch (loss) {
      case SOFTMAX_CROSS_ENTROPY -> tf.nn.softmaxCrossEntropyWithLogits(logits, targets).loss();
      case MEAN_SQUARED_ERROR ->
          tf.math.mean(tf.math.squaredDifference(output, targets), tf.constant(1));
      case BINARY_CROSS_ENTROPY -> tf.math.mean(tf.math.sub(tf.math.softplus(logits),
          tf.math.mul(logits, targets)), tf.constant(1));
      case SOFTMAX_CROSS_ENTROPY_PER_POSITION -> throw new IllegalArgumentException(
          "the per-position loss needs the classes per position: use perExample(tf, loss, rows,"
              + " targets)");
    };
  }

  /**
   * How many examples of the batch are classified right, as {@link Loss} defines accuracy: the
   * largest output where the target's largest is; for binary cross-entropy, per example the
   * fraction of outputs whose logit &gt; 0 (sigmoid &gt; 0.5) matches target &gt; 0.5.
   */
  public static Operand<TFloat32> correct(Ops tf, Loss loss, Rows rows,
      Operand<TFloat32> targets) {
    return switch (loss) {
      case SOFTMAX_CROSS_ENTROPY, MEAN_SQUARED_ERROR ->
          countEqualLargest(tf, scores(loss, rows), targets);
      case BINARY_CROSS_ENTROPY -> tf.sum(tf.math.mean(tf.dtypes.cast(tf.math.equal(
          tf.math.greater(rows.logits(), tf.constant(0f)),
          tf.math.greater(targets, tf.constant(0.5f))), TFloat32.class), tf.constant(1)),
          tf.constant(0));
      case SOFTMAX_CROSS_ENTROPY_PER_POSITION ->
          tf.sum(correctPositions(tf, rows, targets), tf.constant(0));
    };
  }

  /**
   * What an example's class is read from, by the largest value, for the accuracy, the confusion
   * matrix and the top-k ranks alike: the logits under softmax cross-entropy (the softmax keeps
   * their order, so a training step needs no softmax), the output otherwise.
   */
  public static Operand<TFloat32> scores(Loss loss, Rows rows) {
    return switch (loss) {
      case SOFTMAX_CROSS_ENTROPY, SOFTMAX_CROSS_ENTROPY_PER_POSITION -> rows.logits();
      case MEAN_SQUARED_ERROR, BINARY_CROSS_ENTROPY -> rows.output();
    };
  }

  /**
   * How many rows of {@code scores} have their largest entry where the row of {@code targets}
   * has its largest. Softmax cross-entropy counts on the logits rather than the softmax: the
   * softmax keeps the order (so the class is the same, and where the softmax rounds two close
   * logits to one value, the logits still tell them apart) and a training step then needs no
   * softmax at all, the loss op computing its own.
   */
  private static Operand<TFloat32> countEqualLargest(Ops tf, Operand<TFloat32> scores,
      Operand<TFloat32> targets) {
    return tf.sum(tf.dtypes.cast(tf.math.equal(tf.math.argMax(scores, tf.constant(1)),
        tf.math.argMax(targets, tf.constant(1))), TFloat32.class), tf.constant(0));
  }
}
