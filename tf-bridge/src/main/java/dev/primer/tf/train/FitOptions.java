package dev.primer.tf.train;

import dev.primer.dsl.base.Checks;
import dev.primer.tf.data.Dataset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to train: an immutable value; each {@code with…} returns a changed copy.
 * Defaults: batch 128, 1 epoch, Adam with learning rate 0.001, softmax cross-entropy, shuffled
 * with a seed derived from the model's, no validation set, no listener.
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
 * @param listener hears each step and epoch
 */
public record FitOptions(
    int batchSize, int epochs, Optimizer optimizer, Loss loss, OptionalLong shuffleSeed,
    Optional<Dataset> validation, TrainingListener listener) {

  /** Checks the options: batch size and epochs &gt; 0; optimizer, loss and listener given. */
  public FitOptions {
    Checks.positive("fit", "batch size", batchSize);
    Checks.positive("fit", "epochs", epochs);
    if (optimizer == null || loss == null || listener == null) {
      throw new IllegalArgumentException("fit: optimizer, loss and listener are required");
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
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener);
  }

  /** These options with {@code epochs} passes over the training set. */
  public FitOptions withEpochs(int epochs) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener);
  }

  /** These options with {@code optimizer}. */
  public FitOptions withOptimizer(Optimizer optimizer) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener);
  }

  /** These options with {@code loss}. */
  public FitOptions withLoss(Loss loss) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener);
  }

  /**
   * These options with the per-epoch shuffles drawn from {@code seed} instead of the model's seed.
   */
  public FitOptions withShuffleSeed(long seed) {
    return new FitOptions(batchSize, epochs, optimizer, loss, OptionalLong.of(seed), validation,
        listener);
  }

  /** These options with {@code validation} evaluated after each epoch. */
  public FitOptions withValidation(Dataset validation) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed,
        Optional.of(validation), listener);
  }

  /** These options with {@code listener} hearing each step and epoch. */
  public FitOptions withListener(TrainingListener listener) {
    return new FitOptions(batchSize, epochs, optimizer, loss, shuffleSeed, validation, listener);
  }
}
