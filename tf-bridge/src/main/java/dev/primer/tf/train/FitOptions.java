package dev.primer.tf.train;

import dev.primer.dsl.base.Checks;
import dev.primer.tf.data.Dataset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How to train: an immutable value; each {@code with…} returns a changed copy.
 * Defaults: batch 128, 1 epoch, Adam with learning rate 0.001, softmax cross-entropy, shuffled
 * with a seed derived from the model's, no validation set, no listener, no gradient clipping,
 * no class weights, no early stopping. Every value is checked when the options are made; what depends on the net
 * (class weights' count, the loss's needs) when {@code fit} starts, before any step.
 *
 * @param batchSize examples per step; the last batch of an epoch may be smaller, and a batch size
 *     larger than the training set gives one step over the whole set per epoch ({@link
 *     EpochStats#steps()} counts the steps taken). The comparison plans refuse that case
 *     ({@code ComparisonPlan.checkTrainingSet}), where the batch is a setting that the results
 *     record.
 * @param epochs passes over the training set
 * @param optimizer how gradients update the weights
 * @param loss what is minimised
 * @param shuffleSeed the seed of the per-epoch shuffles; empty: derived from the model's seed
 * @param validation evaluated after each epoch, if present
 * @param listener hears each step and epoch, and may stop training after an epoch
 * @param maxGradientNorm the global norm gradients are clipped to, if present; see {@link
 *     #withGradientClipping}
 * @param classWeights one weight per class, or empty for none; see {@link #withClassWeights}
 * @param earlyStopping stops training when the validation metric stops improving, if present
 *     (needs {@code validation})
 */
public record FitOptions(
    int batchSize, int epochs, Optimizer optimizer, Loss loss, OptionalLong shuffleSeed,
    Optional<Dataset> validation, TrainingListener listener, OptionalDouble maxGradientNorm,
    List<Double> classWeights, Optional<EarlyStopping> earlyStopping) {

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException naming the option and the value: {@code "fit: gradient
   *     clipping: max global norm must be > 0 and finite, got 0.0"}, {@code "fit: class weights
   *     need a classification loss (SOFTMAX_CROSS_ENTROPY or BINARY_CROSS_ENTROPY), got
   *     MEAN_SQUARED_ERROR"}, {@code "fit: class weights: weight of class 2 must be finite and
   *     >= 0, got -1.0"}, …
   */
  public FitOptions {
    Checks.positive("fit", "batch size", batchSize);
    Checks.positive("fit", "epochs", epochs);
    if (optimizer == null || loss == null || listener == null) {
      throw new IllegalArgumentException("fit: optimizer, loss and listener are required");
    }
    if (shuffleSeed == null || validation == null || maxGradientNorm == null
        || classWeights == null || earlyStopping == null) {
      throw new IllegalArgumentException("fit: absent options are empty, never null");
    }
    maxGradientNorm.ifPresent(
        norm -> Checks.positiveFinite("fit", "gradient clipping: max global norm", norm));
    classWeights = List.copyOf(classWeights);
    checkClassWeights(classWeights, loss);
  }

  /** Options without gradient clipping, class weights or early stopping. */
  public FitOptions(int batchSize, int epochs, Optimizer optimizer, Loss loss,
      OptionalLong shuffleSeed, Optional<Dataset> validation, TrainingListener listener) {
    this(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        OptionalDouble.empty(), List.of(), Optional.empty());
  }

  private static void checkClassWeights(List<Double> weights, Loss loss) {
    if (weights.isEmpty()) {
      return;
    }
    if (loss == Loss.MEAN_SQUARED_ERROR || loss == Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION) {
      throw new IllegalArgumentException("fit: class weights need a classification loss"
          + " (SOFTMAX_CROSS_ENTROPY or BINARY_CROSS_ENTROPY), got " + loss);
    }
    boolean anyPositive = false;
    for (int k = 0; k < weights.size(); k++) {
      double w = weights.get(k);
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("fit: class weights: weight of class " + k
            + " must be finite and >= 0, got " + w);
      }
      anyPositive |= w > 0;
    }
    if (!anyPositive) {
      throw new IllegalArgumentException("fit: class weights: at least one must be > 0");
    }
  }

  /**
   * Steps in one epoch over {@code examples} training examples: {@code ceil(examples /
   * batchSize)}, the last batch holding the rest. {@link dev.primer.tf.Model#fit} takes this many;
   * progress bars and benchmarks count with it.
   */
  public long stepsPerEpoch(int examples) {
    return (examples + (long) batchSize - 1) / batchSize;
  }

  /** The defaults above. */
  public static FitOptions defaults() {
    return new FitOptions(128, 1, Optimizer.adam(1e-3), Loss.SOFTMAX_CROSS_ENTROPY,
        OptionalLong.empty(), Optional.empty(), TrainingListener.NONE);
  }

  /** These options with {@code batchSize} examples per step. */
  public FitOptions withBatchSize(int batchSize) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        maxGradientNorm, classWeights, earlyStopping);
  }

  /** These options with {@code epochs} passes over the training set. */
  public FitOptions withEpochs(int epochs) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        maxGradientNorm, classWeights, earlyStopping);
  }

  /** These options with {@code optimizer}. */
  public FitOptions withOptimizer(Optimizer optimizer) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        maxGradientNorm, classWeights, earlyStopping);
  }

  /** These options with {@code loss}. */
  public FitOptions withLoss(Loss loss) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        maxGradientNorm, classWeights, earlyStopping);
  }

  /**
   * These options with the per-epoch shuffles drawn from {@code seed} instead of the model's seed.
   */
  public FitOptions withShuffleSeed(long seed) {
    return new FitOptions(batchSize, epochs, optimizer, loss, OptionalLong.of(seed), validation,
        listener, maxGradientNorm, classWeights, earlyStopping);
  }

  /** These options with {@code validation} evaluated after each epoch. */
  public FitOptions withValidation(Dataset validation) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed,
        Optional.of(validation), listener, maxGradientNorm, classWeights, earlyStopping);
  }

  /** These options with {@code listener} hearing each step and epoch. */
  public FitOptions withListener(TrainingListener listener) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        maxGradientNorm, classWeights, earlyStopping);
  }

  /**
   * Clips the gradients by their global norm before the optimizer sees them (Pascanu, Mikolov
   * and Bengio 2013, "On the difficulty of training recurrent neural networks"; TensorFlow's
   * {@code clip_by_global_norm}): with g_i the gradient of parameter i,
   * <pre>
   *   n = sqrt(sum_i sum(g_i^2));   g_i &lt;- g_i * c / max(n, c)
   * </pre>
   * so the gradients keep their direction and their joint norm is at most {@code c =
   * maxGlobalNorm}. A non-finite norm gives non-finite gradients, and the fit ends {@link
   * FitResult.Diverged}.
   *
   * @throws IllegalArgumentException {@code "fit: gradient clipping: max global norm must be >
   *     0 and finite, got 0.0"}
   */
  public FitOptions withGradientClipping(double maxGlobalNorm) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        OptionalDouble.of(maxGlobalNorm), classWeights, earlyStopping);
  }

  /** These options without gradient clipping. */
  public FitOptions withoutGradientClipping() {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        OptionalDouble.empty(), classWeights, earlyStopping);
  }

  /**
   * Weights each example's loss by its class's weight (Keras's {@code class_weight}): with
   * w_c the weight of example i's class c(i), l_i its loss and B the batch size, the batch loss
   * minimised is
   * <pre>
   *   (1 / B) sum_i w_c(i) l_i
   * </pre>
   * — divided by the number of examples, not by the sum of the weights (Keras's {@code
   * sum_over_batch_size}; PyTorch's {@code CrossEntropyLoss(weight=…)} divides by the sum of the
   * weights instead). The class of an example is its target's largest entry for softmax
   * cross-entropy ({@code weights.length} = the number of outputs), its 0/1 target for binary
   * cross-entropy with one output ({@code weights.length} = 2: class 0, then class 1; a target
   * counts as 1 where it is &gt; 0.5). Binary cross-entropy with several outputs (multi-label)
   * has no class per example and is refused. The training loss reported is this weighted loss;
   * evaluation and validation losses are not weighted. The count is checked against the net
   * when {@code fit} starts.
   *
   * @throws IllegalArgumentException for an empty array, a weight that is negative or not
   *     finite, all weights 0, or a regression loss ({@code "fit: class weights need a
   *     classification loss (SOFTMAX_CROSS_ENTROPY or BINARY_CROSS_ENTROPY), got
   *     MEAN_SQUARED_ERROR"})
   */
  public FitOptions withClassWeights(double... weights) {
    if (weights == null || weights.length == 0) {
      throw new IllegalArgumentException("fit: class weights: at least one weight is needed");
    }
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        maxGradientNorm, java.util.Arrays.stream(weights).boxed().toList(), earlyStopping);
  }

  /** These options without class weights. */
  public FitOptions withoutClassWeights() {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        maxGradientNorm, List.of(), earlyStopping);
  }

  /**
   * A copy that stops training by {@code earlyStopping} (which needs a validation set: fit
   * refuses early stopping without one).
   */
  public FitOptions withEarlyStopping(EarlyStopping earlyStopping) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener,
        maxGradientNorm, classWeights, Optional.of(earlyStopping));
  }
}
