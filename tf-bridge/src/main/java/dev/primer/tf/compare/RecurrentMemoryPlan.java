package dev.primer.tf.compare;

import dev.primer.dsl.base.Checks;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.train.Optimizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link RecurrentMemory} experiment trains: every cell under every recurrent-kernel
 * scheme, on the {@link dev.primer.tf.data.AddingProblem adding problem} of a given length.
 * The input kernel keeps its default init (glorot_uniform) and the bias starts at zero, so the
 * schemes differ only in the recurrent kernel.
 *
 * @param cells the recurrent layers, in the order they run
 * @param schemes name → recurrent-kernel initializer, in the order they run
 * @param length time steps per sequence
 * @param units the size of the recurrent state
 * @param trainExamples sequences in the training set
 * @param testExamples sequences in the test set (the first 256 also probe the gradient)
 * @param epochs passes over the training set
 * @param batchSize sequences per step
 * @param optimizer how the weights are updated
 * @param clipNorm the largest global gradient norm a step may use (Pascanu, Mikolov and Bengio
 *     2013: the standard guard of recurrent training against exploding gradients), or 0 for none
 * @param seed the seed of the data, the models and the shuffles
 * @param device where the models run
 */
public record RecurrentMemoryPlan(List<RecurrentCell> cells, Map<String, Init> schemes,
    int length, int units, int trainExamples, int testExamples, int epochs, int batchSize,
    Optimizer optimizer, double clipNorm, long seed, Device device) {

  /** Default cells. */
  public static final String DEFAULT_CELLS = "simple_rnn,relu_rnn,lstm";
  /** Default schemes for the recurrent kernel. */
  public static final String DEFAULT_SCHEMES = "glorot_uniform,orthogonal,identity";
  /** Default sequence length. */
  public static final int DEFAULT_LENGTH = 100;
  /** Default state size. */
  public static final int DEFAULT_UNITS = 64;
  /** Default training sequences. */
  public static final int DEFAULT_TRAIN = 8192;
  /** Default test sequences. */
  public static final int DEFAULT_TEST = 1024;
  /** Default epochs. */
  public static final int DEFAULT_EPOCHS = 8;
  /** Default batch. */
  public static final int DEFAULT_BATCH = 64;
  /** Default clipping norm. */
  public static final double DEFAULT_CLIP_NORM = 1.0;
  /** Default seed. */
  public static final long DEFAULT_SEED = 42;

  /** @throws IllegalArgumentException naming the value that is out of range */
  public RecurrentMemoryPlan {
    cells = List.copyOf(cells);
    schemes = Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
    if (cells.isEmpty() || schemes.isEmpty()) {
      throw new IllegalArgumentException("recurrent memory: needs at least one cell and one "
          + "scheme");
    }
    if (length < 2) {
      throw new IllegalArgumentException("recurrent memory: length must be at least 2, got "
          + length);
    }
    Checks.positive("recurrent memory", "units", units);
    Checks.positive("recurrent memory", "training examples", trainExamples);
    Checks.positive("recurrent memory", "test examples", testExamples);
    Checks.positive("recurrent memory", "epochs", epochs);
    Checks.positive("recurrent memory", "batch size", batchSize);
    if (!(clipNorm >= 0) || !Double.isFinite(clipNorm)) {
      throw new IllegalArgumentException("recurrent memory: clip norm must be a finite number "
          + ">= 0 (0: no clipping), got " + clipNorm);
    }
    if (optimizer == null || device == null) {
      throw new IllegalArgumentException("recurrent memory: optimizer and device are required");
    }
  }

  /**
   * The defaults: simple_rnn, relu_rnn and lstm of 64 units under glorot_uniform, orthogonal and
   * identity on sequences of 100 steps; 8192 training and 1024 test sequences, 8 epochs of
   * batch 64, SGD with momentum 0.9 and rate 0.01, gradients clipped at norm 1, seed 42, CPU.
   */
  public static RecurrentMemoryPlan defaults() {
    return new RecurrentMemoryPlan(
        Schemes.split(DEFAULT_CELLS).stream().map(RecurrentCell::named).toList(),
        Schemes.parseList(DEFAULT_SCHEMES), DEFAULT_LENGTH, DEFAULT_UNITS, DEFAULT_TRAIN,
        DEFAULT_TEST, DEFAULT_EPOCHS, DEFAULT_BATCH, Optimizer.momentum(0.01, 0.9),
        DEFAULT_CLIP_NORM, DEFAULT_SEED, Device.CPU);
  }

  /** The net of {@code cell} under {@code scheme}. */
  public NetSpec net(RecurrentCell cell, String scheme) {
    Init init = schemes.get(scheme);
    if (init == null) {
      throw new IllegalArgumentException("no scheme '" + scheme + "' in this plan");
    }
    return cell.net(length, 2, units, init, 1);
  }

  /**
   * Resolves every net of the plan, so that a scheme that cannot initialize a recurrent kernel
   * is refused before anything trains.
   *
   * @throws IllegalArgumentException naming the cell, the scheme and why
   */
  public void checkNets() {
    for (RecurrentCell cell : cells) {
      for (String scheme : schemes.keySet()) {
        try {
          net(cell, scheme).resolve();
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(cell.text() + " with recurrent init " + scheme
              + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** How many runs the plan trains: cells × schemes. */
  public int runs() {
    return cells.size() * schemes.size();
  }

  /** A copy with other cells. */
  public RecurrentMemoryPlan withCells(List<RecurrentCell> cells) {
    return new RecurrentMemoryPlan(cells, schemes, length, units, trainExamples, testExamples,
        epochs, batchSize, optimizer, clipNorm, seed, device);
  }

  /** A copy with other schemes. */
  public RecurrentMemoryPlan withSchemes(Map<String, Init> schemes) {
    return new RecurrentMemoryPlan(cells, schemes, length, units, trainExamples, testExamples,
        epochs, batchSize, optimizer, clipNorm, seed, device);
  }

  /** A copy with another sequence length. */
  public RecurrentMemoryPlan withLength(int length) {
    return new RecurrentMemoryPlan(cells, schemes, length, units, trainExamples, testExamples,
        epochs, batchSize, optimizer, clipNorm, seed, device);
  }

  /** A copy with other data sizes and epochs. */
  public RecurrentMemoryPlan withTraining(int trainExamples, int testExamples, int epochs) {
    return new RecurrentMemoryPlan(cells, schemes, length, units, trainExamples, testExamples,
        epochs, batchSize, optimizer, clipNorm, seed, device);
  }

  /** A copy with another optimizer and clipping norm. */
  public RecurrentMemoryPlan withOptimizer(Optimizer optimizer, double clipNorm) {
    return new RecurrentMemoryPlan(cells, schemes, length, units, trainExamples, testExamples,
        epochs, batchSize, optimizer, clipNorm, seed, device);
  }

  /** A copy with other units, batch size, seed and device. */
  public RecurrentMemoryPlan with(int units, int batchSize, long seed, Device device) {
    return new RecurrentMemoryPlan(cells, schemes, length, units, trainExamples, testExamples,
        epochs, batchSize, optimizer, clipNorm, seed, device);
  }
}
