package dev.primer.tf.bench;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.CompileOptions;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.data.Shuffle;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import dev.primer.tf.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Primer's training step ({@link Model#fit}) against the same net written by hand in raw
 * TensorFlow Java ({@link HandWrittenStep}), for {@code primer bench step}: one case (net, batch,
 * optimizer) on one training set, each contender trained from the same initial weights, timed
 * one {@link #run} at a time so that a caller can alternate the contenders in rounds.
 *
 * <p>The training set is cut to whole batches (the first {@code floor(n / batch) * batch}
 * examples) so that every step of every contender has the same size; every contender shuffles
 * each epoch (fit by its own seeds, the hand-written loops by a seeded permutation made in Java,
 * outside the timed work only in that both make one per epoch).
 */
public final class StepBenchmark implements AutoCloseable {
  private final Case measured;
  private final InMemoryDataset train;
  private final float[] features;
  private final float[] targets;
  private final Model model;
  private final Model ownThread;
  private final List<Model> variantModels = new ArrayList<>();
  private final List<Trainer> variants = new ArrayList<>();
  private final List<Integer> variantSteps;
  private final List<String> foreignNames = new ArrayList<>();
  private final List<ForeignStep.Trainer> foreign = new ArrayList<>();
  private final HandWrittenStep handCaller;
  private final HandWrittenStep hand;
  private final HandWrittenStep handFixed;
  private final FitOptions options;
  private final SplittableRandom random = new SplittableRandom(7);

  /**
   * One benchmark case.
   *
   * @param name a short name to select it by
   * @param net the net; ends in {@code dense(classes).softmax()}
   * @param batch examples per step
   * @param optimizer Adam or SGD with momentum, at a constant rate
   */
  public record Case(String name, NetSpec net, int batch, Optimizer optimizer) {}

  /**
   * The contenders, in {@link #run}'s numbering: {@code primer} ({@link Model#fit}, Primer's
   * step as an app runs it), then {@code primer-kN} for each extra steps-per-call setting
   * (a {@link Trainer} of its own model, same seed), {@code primer-1t} ({@link Model#fit} of a
   * model compiled {@link CompileOptions#withThreads withThreads(1)}: its session on one thread
   * of its own), one contender per {@link ForeignStep} on the classpath that takes the case
   * (another library, e.g. {@code dl4j}), {@code hand-caller} (the hand-written step with the
   * run option Primer's calls use, ops on the calling thread: what a hand-writer gets from one
   * option), {@code hand} (the hand-written step on batches gathered in the graph by fed
   * indices, TensorFlow's defaults) and
   * {@code hand-fixed} (the hand-written step on one batch fed through placeholders at every
   * step). {@code hand} and {@code hand-fixed} are always the last two.
   */
  public List<String> contenders() {
    List<String> names = new ArrayList<>(List.of("primer"));
    variantSteps.forEach(k -> names.add("primer-k" + k));
    names.add("primer-1t");
    names.addAll(foreignNames);
    names.add("hand-caller");
    names.add("hand");
    names.add("hand-fixed");
    return names;
  }

  /**
   * The four nets of issue 12, on 28x28 MNIST images: {@code mlp512} (784-512-512-10, batch
   * 128, Adam), {@code mlp1024} (784-1024-1024-10, batch 256, Adam), {@code cnn}
   * (5x5x32-pool-5x5x64-pool-256-10, batch 128, Adam) and {@code compare} (the comparison's
   * 784-256-256-10, batch 64, SGD with momentum 0.9 at 0.01); Adam at 0.001.
   */
  public static List<Case> issueCases() {
    Optimizer adam = Optimizer.adam(0.001);
    return List.of(
        new Case("mlp512", Net.input(784).dense(512).relu().dense(512).relu().dense(10)
            .softmax(), 128, adam),
        new Case("mlp1024", Net.input(784).dense(1024).relu().dense(1024).relu().dense(10)
            .softmax(), 256, adam),
        new Case("cnn", Net.input(28, 28, 1).conv2d(32, 5).relu().maxPool2d(2).conv2d(64, 5)
            .relu().maxPool2d(2).flatten().dense(256).relu().dense(10).softmax(), 128, adam),
        new Case("compare", Net.input(784).dense(256).relu().dense(256).relu().dense(10)
            .softmax(), 64, Optimizer.momentum(0.01, 0.9)));
  }

  /**
   * Compiles {@code measured}'s net with seed 1 and builds both hand-written steps from its
   * initial weights, on {@code data} cut to whole batches; {@code stepsPerCall} lists extra
   * Primer contenders, each a {@link Trainer} running that many steps per session call.
   *
   * @throws IllegalArgumentException if {@code data} holds fewer examples than one batch, or
   *     does not fit the net, or a steps-per-call value is below 1
   */
  public StepBenchmark(Case measured, Dataset data, Device device, List<Integer> stepsPerCall) {
    this.measured = measured;
    this.variantSteps = List.copyOf(stepsPerCall);
    int batch = measured.batch();
    int n = data.size() / batch * batch;
    if (n == 0) {
      throw new IllegalArgumentException("bench step: " + data.size() + " examples are fewer"
          + " than one batch of " + batch);
    }
    int size = Math.toIntExact(data.exampleShape().size());
    int width = data.targetWidth();
    features = new float[n * size];
    targets = new float[n * width];
    data.read(0, n, features, 0, targets, 0);
    train = InMemoryDataset.ofTargets(features, data.exampleShape(), targets, width);
    options = FitOptions.defaults().withBatchSize(batch).withOptimizer(measured.optimizer())
        .withLoss(Loss.SOFTMAX_CROSS_ENTROPY);
    model = Model.compile(measured.net(), 1, device);
    Model madeOwn = null;
    HandWrittenStep madeCaller = null;
    HandWrittenStep madeHand = null;
    HandWrittenStep madeFixed = null;
    try {
      madeOwn = Model.compile(measured.net(), 1,
          CompileOptions.defaults().withDevice(device).withThreads(1));
      ownThread = madeOwn;
      var initial = List.copyOf(model.weights().values());
      int[] example = data.exampleShape().toArray();
      madeCaller = new HandWrittenStep(initial, example, width, measured.optimizer(), true);
      madeHand = new HandWrittenStep(initial, example, width, measured.optimizer());
      madeFixed = new HandWrittenStep(initial, example, width, measured.optimizer());
      handCaller = madeCaller;
      hand = madeHand;
      handFixed = madeFixed;
      handCaller.load(features, targets, n);
      hand.load(features, targets, n);
      handFixed.fix(features, targets, Arrays.copyOf(Shuffle.permutation(n, random), batch));
      for (ForeignStep step : installed()) {
        if (step.takes(measured)) {
          foreign.add(open(step, measured, n, example, width));
          foreignNames.add(step.name());
        }
      }
      for (int k : variantSteps) {
        Model m = Model.compile(measured.net(), 1, device);
        variantModels.add(m);
        variants.add(new Trainer(m, k));
      }
    } catch (RuntimeException | Error e) {
      foreign.forEach(ForeignStep.Trainer::close);
      variantModels.forEach(Model::close);
      if (madeOwn != null) {
        madeOwn.close();
      }
      if (madeCaller != null) {
        madeCaller.close();
      }
      if (madeHand != null) {
        madeHand.close();
      }
      if (madeFixed != null) {
        madeFixed.close();
      }
      model.close();
      throw e;
    }
  }

  /** The foreign contenders on the classpath; a provider that cannot be loaded is named. */
  private static List<ForeignStep> installed() {
    try {
      return ForeignStep.installed();
    } catch (java.util.ServiceConfigurationError e) {
      throw new IllegalStateException("bench step: a contender from another library could not"
          + " be loaded (" + e.getMessage() + "); build without it (no PRIMER_DL4J)", e);
    }
  }

  /** {@code step}'s trainer; a failure to start it (a native library missing) is named. */
  private ForeignStep.Trainer open(ForeignStep step, Case measured, int n, int[] exampleShape,
      int width) {
    try {
      return step.open(measured, features, targets, n, exampleShape, width);
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("bench step: contender " + step.name() + " could not"
          + " start on " + measured.name() + ": " + e + "; run without it (for dl4j: without"
          + " PRIMER_DL4J)", e);
    }
  }

  /** The case measured. */
  public Case measured() {
    return measured;
  }

  /** Examples per epoch: the training set cut to whole batches. */
  public int examples() {
    return train.size();
  }

  /**
   * A contender's speed in one run.
   *
   * @param wall examples per second of wall time
   * @param cpu examples per second of the process's CPU time, all threads
   */
  public record Rate(double wall, double cpu) {}

  /**
   * Trains contender {@code contender} (numbered as in {@link #contenders}) for {@code epochs}
   * epochs.
   *
   * @return the run's examples per second of wall time and per second of this process's CPU
   *     time (all threads; steadier than wall time on a machine shared with other work)
   * @throws IllegalArgumentException for a number that names no contender
   */
  public Rate run(int contender, int epochs) {
    List<String> names = contenders();
    if (contender < 0 || contender >= names.size()) {
      throw new IllegalArgumentException("bench step: contender " + contender + " is not one of"
          + " 0.." + (names.size() - 1) + " " + names);
    }
    int n = train.size();
    int batch = measured.batch();
    int extra = variants.size();
    long cpu = cpuNanos();
    long start = System.nanoTime();
    if (contender == 0) {
      model.fit(train, options.withEpochs(epochs));
    } else if (contender <= extra) {
      variants.get(contender - 1).fit(train, options.withEpochs(epochs));
    } else if (contender == extra + 1) {
      ownThread.fit(train, options.withEpochs(epochs));
    } else if (contender <= extra + 1 + foreign.size()) {
      ForeignStep.Trainer other = foreign.get(contender - extra - 2);
      for (int e = 0; e < epochs; e++) {
        other.epoch();
      }
    } else if (contender <= extra + 3 + foreign.size()) {
      HandWrittenStep gathered = contender == extra + 2 + foreign.size() ? handCaller : hand;
      for (int e = 0; e < epochs; e++) {
        int[] order = Shuffle.permutation(n, random);
        for (int s = 0; s < n; s += batch) {
          gathered.step(Arrays.copyOfRange(order, s, s + batch));
        }
      }
    } else {
      for (int e = 0; e < epochs; e++) {
        for (int s = 0; s < n; s += batch) {
          handFixed.stepFixed();
        }
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double examples = (double) n * epochs;
    return new Rate(examples / wall, examples / ((cpuNanos() - cpu) / 1e9));
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * The epochs of contender {@code contender}'s warm-up: one, but for a Primer contender that
   * runs several steps per call, enough for its first fit to reach {@link
   * Trainer#STEPS_BEFORE_SEVERAL_PER_CALL} steps, so that the trainer builds its unrolled step
   * (which later, shorter fits then use, as a long-lived app's would).
   */
  public int warmUpEpochs(int contender) {
    int steps = Math.toIntExact(FitOptions.defaults().withBatchSize(measured.batch())
        .stepsPerEpoch(train.size()));
    int extra = variants.size();
    int k = contender == 0 || contender == extra + 1 ? Trainer.DEFAULT_STEPS_PER_CALL
        : contender <= extra ? variantSteps.get(contender - 1) : 1;
    return k == 1 ? 1
        : Math.toIntExact((Trainer.STEPS_BEFORE_SEVERAL_PER_CALL + steps - 1) / steps);
  }

  /** Closes the model and the hand-written steps. */
  @Override
  public void close() {
    handCaller.close();
    hand.close();
    handFixed.close();
    variantModels.forEach(Model::close);
    foreign.forEach(ForeignStep.Trainer::close);
    ownThread.close();
    model.close();
  }
}
