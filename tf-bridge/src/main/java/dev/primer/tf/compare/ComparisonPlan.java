package dev.primer.tf.compare;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.MemoryBudget;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.train.Optimizer;
import dev.primer.tf.train.OptimizerNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a comparison trains: one net, once per scheme and seed, with the same batches in the same
 * order for every scheme. An immutable value; each {@code with…} returns a changed copy, and
 * {@link #defaults()} is what {@code primer compare} runs without options.
 *
 * @param spec the net, with its input shape
 * @param schemes by text name, in order; each replaces every kernel init of the net
 * @param epochs passes over the training set
 * @param batchSize examples per step
 * @param optimizer the same for every run
 * @param seeds one run per scheme and seed
 * @param device where TensorFlow runs
 * @param grouping whether runs train together in one graph where their schemes allow it
 *     ({@link RunGrouping#TOGETHER}, the default) or each alone; the results are the same
 */
public record ComparisonPlan(NetSpec spec, Map<String, Init> schemes, int epochs, int batchSize,
    Optimizer optimizer, List<Long> seeds, Device device, RunGrouping grouping) {

  /** Default net: two hidden ReLU layers of 256 units on 784 inputs, 10 classes. */
  public static final String DEFAULT_NET =
      "input(784).dense(256).relu().dense(256).relu().dense(10).softmax()";
  /** Default schemes, in the order they run. */
  public static final String DEFAULT_SCHEMES = "zeros,normal(0,0.01),normal(0,1),glorot_uniform,"
      + "he_normal,lecun_normal,orthogonal,pytorch_default,auto";
  /**
   * Default epochs per run: 5. With {@link #DEFAULT_SEED_COUNT} seeds this keeps {@code primer
   * compare} under a minute on two cores, and the first epochs are where initial weights
   * differ most (by epoch 10 the good schemes are within a few tenths of a percent).
   */
  public static final int DEFAULT_EPOCHS = 5;
  /** Default examples per step. */
  public static final int DEFAULT_BATCH = 64;
  /** Default optimizer, by its {@link OptimizerNames name}, with that name's default rate. */
  public static final String DEFAULT_OPTIMIZER = "momentum";
  /** Default (first) seed. */
  public static final long DEFAULT_SEED = 42;
  /**
   * Default number of seeds: 3, the fewest that give an interval over seeds and a paired test
   * with more than one degree of freedom ({@link SchemeSummary}).
   */
  public static final int DEFAULT_SEED_COUNT = 3;

  /**
   * @throws IllegalArgumentException for no scheme, no seed, or epochs or batch size below 1
   */
  public ComparisonPlan {
    java.util.Objects.requireNonNull(grouping, "grouping");
    schemes = Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
    seeds = List.copyOf(seeds);
    if (schemes.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one scheme");
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one seed");
    }
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("epochs and batch size must be >= 1, got "
          + epochs + " and " + batchSize);
    }
  }

  /**
   * A plan whose runs train together in groups where their schemes allow it ({@link
   * RunGrouping#TOGETHER}): the same results as each run alone, faster; a comparison stopped
   * during a group keeps the groups finished before it (see {@link RunGrouping}).
   *
   * @throws IllegalArgumentException for no scheme, no seed, or epochs or batch size below 1
   */
  public ComparisonPlan(NetSpec spec, Map<String, Init> schemes, int epochs, int batchSize,
      Optimizer optimizer, List<Long> seeds, Device device) {
    this(spec, schemes, epochs, batchSize, optimizer, seeds, device, RunGrouping.TOGETHER);
  }

  /**
   * The defaults: {@link #DEFAULT_NET}, {@link #DEFAULT_SCHEMES}, {@value #DEFAULT_EPOCHS}
   * epochs, batch 64, SGD with momentum 0.9 and learning rate 0.01, {@value #DEFAULT_SEED_COUNT}
   * seeds from 42, on the CPU, runs trained together in groups ({@link RunGrouping#TOGETHER}).
   */
  public static ComparisonPlan defaults() {
    return new ComparisonPlan(Net.parse(DEFAULT_NET), Schemes.parseList(DEFAULT_SCHEMES),
        DEFAULT_EPOCHS, DEFAULT_BATCH, OptimizerNames.of(DEFAULT_OPTIMIZER),
        seeds(DEFAULT_SEED, DEFAULT_SEED_COUNT), Device.CPU);
  }

  /**
   * The seeds {@code first, first + 1, ..., first + count - 1}; they never wrap around.
   *
   * @throws IllegalArgumentException if {@code count < 1}, or if the last seed would pass
   *     {@link Long#MAX_VALUE}: {@code 2 seeds from 9223372036854775807 would pass the largest
   *     seed, 9223372036854775807; the first seed can be at most 9223372036854775806}
   */
  public static List<Long> seeds(long first, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("the number of seeds must be >= 1, got " + count);
    }
    long highestFirst = Long.MAX_VALUE - (count - 1);
    if (first > highestFirst) {
      throw new IllegalArgumentException(count + " seeds from " + first
          + " would pass the largest seed, " + Long.MAX_VALUE + "; the first seed can be at most "
          + highestFirst);
    }
    return java.util.stream.LongStream.rangeClosed(first, first + (count - 1)).boxed().toList();
  }

  /**
   * Refuses a training set smaller than one batch, before any run starts: a batch larger than
   * the set cannot be honoured (every step would take the whole set, while the results name the
   * larger batch). {@link Comparison#run} calls it first; call it yourself to check earlier.
   *
   * @throws IllegalArgumentException {@code batch size 100000 is larger than the training set
   *     (8,000 examples); use a batch size of at most 8000}
   */
  public void checkTrainingSet(Dataset train) {
    checkBatch(batchSize, train);
  }

  /**
   * Refuses, before any run starts, what would make every run fail the same way: a scheme that
   * cannot initialize the net (a rank it does not accept, such as {@code identity} on a conv
   * kernel) and a net too large for this machine's memory ({@link MemoryBudget}). {@link
   * Comparison#run} calls it first; call it yourself to check earlier.
   *
   * @throws IllegalArgumentException {@code scheme 'identity' cannot initialize this net: …}, or
   *     a {@link dev.primer.tf.ModelTooLargeException}
   */
  public void checkNet() {
    for (Map.Entry<String, Init> scheme : schemes.entrySet()) {
      try {
        spec.withKernelInit(scheme.getValue());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("scheme '" + scheme.getKey()
            + "' cannot initialize this net: " + e.getMessage(), e);
      }
    }
    MemoryBudget.check(spec.resolve());
  }

  /** The rule of {@link #checkTrainingSet}, shared with {@link DepthSweepPlan}. */
  static void checkBatch(int batchSize, Dataset train) {
    int size = train.size();
    if (size > 0 && batchSize > size) {
      throw new IllegalArgumentException("batch size " + batchSize + " is larger than the "
          + "training set (" + Numbers.grouped(size) + " example" + (size == 1 ? "" : "s")
          + "); use a batch size of at most " + size);
    }
  }

  /** Another net, with its input shape. */
  public ComparisonPlan withSpec(NetSpec spec) {
    return new ComparisonPlan(spec, schemes, epochs, batchSize, optimizer, seeds, device,
        grouping);
  }

  /** Other schemes, by name. */
  public ComparisonPlan withSchemes(Map<String, Init> schemes) {
    return new ComparisonPlan(spec, schemes, epochs, batchSize, optimizer, seeds, device,
        grouping);
  }

  /**
   * Schemes by their text names, such as {@code "zeros", "he_normal", "normal(0,0.01)"}.
   *
   * @throws IllegalArgumentException naming a scheme that does not parse
   */
  public ComparisonPlan withSchemes(String... names) {
    return withSchemes(Schemes.named(List.of(names)));
  }

  /** Another number of epochs per run. */
  public ComparisonPlan withEpochs(int epochs) {
    return new ComparisonPlan(spec, schemes, epochs, batchSize, optimizer, seeds, device,
        grouping);
  }

  /** Another number of examples per step. */
  public ComparisonPlan withBatchSize(int batchSize) {
    return new ComparisonPlan(spec, schemes, epochs, batchSize, optimizer, seeds, device,
        grouping);
  }

  /** Another optimizer for every run. */
  public ComparisonPlan withOptimizer(Optimizer optimizer) {
    return new ComparisonPlan(spec, schemes, epochs, batchSize, optimizer, seeds, device,
        grouping);
  }

  /** Other seeds: one run per scheme and seed. */
  public ComparisonPlan withSeeds(List<Long> seeds) {
    return new ComparisonPlan(spec, schemes, epochs, batchSize, optimizer, seeds, device,
        grouping);
  }

  /** Another device. */
  public ComparisonPlan withDevice(Device device) {
    return new ComparisonPlan(spec, schemes, epochs, batchSize, optimizer, seeds, device,
        grouping);
  }

  /**
   * Runs trained together in one graph where their schemes allow it, or each alone: the
   * results are the same either way ({@link RunGrouping}); {@code TOGETHER} is the default.
   */
  public ComparisonPlan withGrouping(RunGrouping grouping) {
    return new ComparisonPlan(spec, schemes, epochs, batchSize, optimizer, seeds, device,
        grouping);
  }

  /**
   * The plan as the results files and the report list it: schemes, epochs, batch, optimizer,
   * learning_rate, seeds, device.
   */
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("schemes", List.copyOf(schemes.keySet()));
    options.put("epochs", epochs);
    options.put("batch", batchSize);
    options.put("optimizer", optimizer.describe());
    options.put("learning_rate", optimizer.learningRate());
    options.put("seeds", seeds);
    options.put("device", device.name().toLowerCase(java.util.Locale.ROOT));
    return options;
  }

  /** Number of runs: schemes times seeds. */
  public int runs() {
    return schemes.size() * seeds.size();
  }

  /**
   * The plan's (scheme, seed) runs in its order, numbered for {@link Shard}'s rule and {@link
   * RunGrid#merge}.
   */
  public RunGrid grid() {
    return new RunGrid(List.copyOf(schemes.keySet()), seeds);
  }

  /** Whether {@code finished} holds every (scheme, seed) of this plan. */
  public boolean isComplete(List<SchemeRun> finished) {
    return byRun(finished).size() == runs();
  }

  /**
   * The runs of {@code finished} in this plan's order, schemes outer, seeds inner.
   *
   * @throws IllegalArgumentException for a run that is not one of this plan's (scheme, seed)
   *     pairs or one given twice
   */
  public List<SchemeRun> inOrder(List<SchemeRun> finished) {
    Map<String, SchemeRun> byRun = byRun(finished);
    List<SchemeRun> ordered = new java.util.ArrayList<>();
    for (String scheme : schemes.keySet()) {
      for (long seed : seeds) {
        SchemeRun run = byRun.get(key(scheme, seed));
        if (run != null) {
          ordered.add(run);
        }
      }
    }
    return ordered;
  }

  /** {@code finished} by {@link #key}, checked against the plan as {@link #inOrder} says. */
  Map<String, SchemeRun> byRun(List<SchemeRun> finished) {
    Map<String, SchemeRun> byRun = new LinkedHashMap<>();
    for (SchemeRun run : finished) {
      if (!schemes.containsKey(run.scheme()) || !seeds.contains(run.seed())) {
        throw new IllegalArgumentException("the finished run " + run.scheme() + " seed "
            + run.seed() + " is not one of this comparison's: schemes " + schemes.keySet()
            + ", seeds " + seeds);
      }
      if (byRun.put(key(run.scheme(), run.seed()), run) != null) {
        throw new IllegalArgumentException("the finished run " + run.scheme() + " seed "
            + run.seed() + " is given twice");
      }
    }
    return byRun;
  }

  /** The key of a (scheme, seed) pair. */
  static String key(String scheme, long seed) {
    return seed + " " + scheme;
  }
}
