package dev.primer.tf.compare;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.train.Optimizer;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a depth sweep trains: for each depth, a plain ReLU MLP of that depth, once per scheme and
 * seed, with plain SGD. An immutable value; each {@code with…} returns a changed copy.
 *
 * <p>The net of depth {@code d} is
 * <pre>
 *   input(784) · d × dense(width).relu() · dense(classes).softmax()
 * </pre>
 * so {@code d} counts the hidden ReLU layers; the net has {@code d + 1} weight layers.
 *
 * <p>Plain SGD, never an adaptive optimizer: Adam and RMSProp divide each parameter's step by a
 * running estimate of its gradient's size, so a gradient a thousand times too small still gives
 * full-size steps and a vanishing signal goes unnoticed. With SGD a step is proportional to the
 * gradient, as in He et al. (2015), whose 30-layer ReLU net stalls under Xavier (Glorot) init
 * and trains under theirs.
 *
 * @param depths hidden layers per net, each >= 1, distinct, in the order run
 * @param width units of every hidden layer
 * @param schemes by text name, in order; each replaces every kernel init of the net
 * @param epochs passes over the training set per run
 * @param batchSize examples per SGD step
 * @param learningRate SGD's step size
 * @param seeds one run per depth, scheme and seed (model seed and shuffle seed)
 * @param device where TensorFlow runs
 */
public record DepthSweepPlan(List<Integer> depths, int width, Map<String, Init> schemes,
    int epochs, int batchSize, double learningRate, List<Long> seeds, Device device) {

  /**
   * Default depths as text, {@code 2,5,10,20,30}: a constant, so that a command-line option can
   * name it as its default.
   */
  public static final String DEFAULT_DEPTHS_TEXT = "2,5,10,20,30";
  /** Default depths: 2, 5, 10, 20, 30 hidden layers ({@link #DEFAULT_DEPTHS_TEXT}). */
  public static final List<Integer> DEFAULT_DEPTHS = java.util.Arrays.stream(
      DEFAULT_DEPTHS_TEXT.split(",")).map(Integer::valueOf).toList();
  /** Default width of every hidden layer. */
  public static final int DEFAULT_WIDTH = 256;
  /** Default schemes: Xavier/Glorot's and He's, the pair He et al. compared. */
  public static final String DEFAULT_SCHEMES = "glorot_uniform,he_normal";
  /** Default epochs per run: 10, enough for the deep nets that start late to start. */
  public static final int DEFAULT_EPOCHS = 10;
  /** Default examples per step: a comparison's ({@link ComparisonPlan#DEFAULT_BATCH}). */
  public static final int DEFAULT_BATCH = ComparisonPlan.DEFAULT_BATCH;
  /** Default SGD learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 0.02;
  /** Default seed: a comparison's ({@link ComparisonPlan#DEFAULT_SEED}). */
  public static final long DEFAULT_SEED = ComparisonPlan.DEFAULT_SEED;
  /** Default number of seeds: 1 (the default sweep already takes about two minutes). */
  public static final int DEFAULT_SEED_COUNT = 1;

  /**
   * @throws IllegalArgumentException naming the value a sweep cannot run with
   */
  public DepthSweepPlan {
    depths = List.copyOf(depths);
    schemes = Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
    seeds = List.copyOf(seeds);
    if (depths.isEmpty()) {
      throw new IllegalArgumentException("depth sweep: needs at least one depth");
    }
    try {
      checkDepths(depths);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("depth sweep: " + e.getMessage(), e);
    }
    if (width < 1) {
      throw new IllegalArgumentException("depth sweep: width must be >= 1, got " + width);
    }
    if (schemes.isEmpty()) {
      throw new IllegalArgumentException("depth sweep: needs at least one scheme");
    }
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("depth sweep: epochs and batch size must be >= 1, got "
          + epochs + " and " + batchSize);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("depth sweep: the learning rate must be a finite number"
          + " > 0, got " + learningRate);
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("depth sweep: needs at least one seed");
    }
    if (device == null) {
      throw new IllegalArgumentException("depth sweep: needs a device");
    }
  }

  /**
   * Refuses a depth below 1 or a depth given twice.
   *
   * @throws IllegalArgumentException {@code every depth must be >= 1 (hidden layers), got 0 in
   *     [2, 0]} or {@code every depth must appear once, got [2, 2]}
   */
  public static void checkDepths(List<Integer> depths) {
    for (int depth : depths) {
      if (depth < 1) {
        throw new IllegalArgumentException("every depth must be >= 1 (hidden layers), got "
            + depth + " in " + depths);
      }
    }
    if (new HashSet<>(depths).size() != depths.size()) {
      throw new IllegalArgumentException("every depth must appear once, got " + depths);
    }
  }

  /**
   * The defaults: depths 2, 5, 10, 20, 30, width 256, glorot_uniform and he_normal, 10 epochs,
   * batch 64, SGD with learning rate 0.02, seed 42, on the CPU. On the embedded MNIST subset
   * they reproduce He et al.'s finding: at depth 30 Glorot stalls at chance and He trains.
   */
  public static DepthSweepPlan defaults() {
    return new DepthSweepPlan(DEFAULT_DEPTHS, DEFAULT_WIDTH, Schemes.parseList(DEFAULT_SCHEMES),
        DEFAULT_EPOCHS, DEFAULT_BATCH, DEFAULT_LEARNING_RATE, List.of(DEFAULT_SEED), Device.CPU);
  }

  /** Other depths (hidden layers), run in this order. */
  public DepthSweepPlan withDepths(List<Integer> depths) {
    return new DepthSweepPlan(depths, width, schemes, epochs, batchSize, learningRate, seeds,
        device);
  }

  /** Other depths (hidden layers), run in this order. */
  public DepthSweepPlan withDepths(Integer... depths) {
    return withDepths(List.of(depths));
  }

  /** Another width of every hidden layer. */
  public DepthSweepPlan withWidth(int width) {
    return new DepthSweepPlan(depths, width, schemes, epochs, batchSize, learningRate, seeds,
        device);
  }

  /** Other schemes, by name. */
  public DepthSweepPlan withSchemes(Map<String, Init> schemes) {
    return new DepthSweepPlan(depths, width, schemes, epochs, batchSize, learningRate, seeds,
        device);
  }

  /**
   * Schemes by their text names, such as {@code "glorot_uniform", "he_normal", "auto"}.
   *
   * @throws IllegalArgumentException naming a scheme that does not parse
   */
  public DepthSweepPlan withSchemes(String... names) {
    try {
      return withSchemes(Schemes.named(List.of(names)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("depth sweep: " + e.getMessage(), e);
    }
  }

  /** Another number of epochs per run. */
  public DepthSweepPlan withEpochs(int epochs) {
    return new DepthSweepPlan(depths, width, schemes, epochs, batchSize, learningRate, seeds,
        device);
  }

  /** Another number of examples per SGD step. */
  public DepthSweepPlan withBatchSize(int batchSize) {
    return new DepthSweepPlan(depths, width, schemes, epochs, batchSize, learningRate, seeds,
        device);
  }

  /** Another SGD learning rate. */
  public DepthSweepPlan withLearningRate(double learningRate) {
    return new DepthSweepPlan(depths, width, schemes, epochs, batchSize, learningRate, seeds,
        device);
  }

  /** Other seeds: one run per depth, scheme and seed. */
  public DepthSweepPlan withSeeds(List<Long> seeds) {
    return new DepthSweepPlan(depths, width, schemes, epochs, batchSize, learningRate, seeds,
        device);
  }

  /** Another device. */
  public DepthSweepPlan withDevice(Device device) {
    return new DepthSweepPlan(depths, width, schemes, epochs, batchSize, learningRate, seeds,
        device);
  }

  /**
   * Refuses a training set smaller than one batch, before any run starts: the rule of {@link
   * ComparisonPlan#checkTrainingSet}. {@link DepthSweep#run} calls it first.
   *
   * @throws IllegalArgumentException naming the batch size and the size of the training set
   */
  public void checkTrainingSet(Dataset train) {
    ComparisonPlan.checkBatch(batchSize, train);
  }

  /** Plain SGD with the plan's learning rate. */
  public Optimizer optimizer() {
    return Optimizer.sgd(learningRate);
  }

  /** The plan as the results files and the report list it. */
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("depths", depths);
    options.put("width", width);
    options.put("schemes", List.copyOf(schemes.keySet()));
    options.put("epochs", epochs);
    options.put("batch", batchSize);
    options.put("optimizer", optimizer().describe());
    options.put("learning_rate", learningRate);
    options.put("seeds", seeds);
    options.put("device", device.name().toLowerCase(java.util.Locale.ROOT));
    return options;
  }

  /**
   * The comparison run at one depth: {@code net} under every scheme and seed of the plan, each
   * run alone ({@link RunGrouping#SEPARATE}: a sweep keeps and resumes single runs).
   */
  public ComparisonPlan comparisonAt(NetSpec net) {
    return new ComparisonPlan(net, schemes, epochs, batchSize, optimizer(), seeds, device,
        RunGrouping.SEPARATE);
  }

  /**
   * The (scheme, seed) runs of each depth, in the plan's order; a sweep numbers its runs
   * depths outer ({@link DepthSweep#run(DepthSweepPlan, Dataset, Dataset, DepthSweepListener,
   * Map, Execution)}).
   */
  public RunGrid grid() {
    return new RunGrid(List.copyOf(schemes.keySet()), seeds);
  }

  /** Number of training runs: depths times schemes times seeds. */
  public int runs() {
    return depths.size() * schemes.size() * seeds.size();
  }

  /**
   * The net of {@code depth} hidden layers for examples of shape {@code input} (flattened first
   * if it has more than one axis) and {@code classes} classes; its kernels keep their default
   * init until a scheme replaces them.
   */
  public NetSpec net(int depth, Shape input, int classes) {
    NetSpec net = Net.input(input.toArray());
    if (input.rank() > 1) {
      net = net.flatten();
    }
    for (int i = 0; i < depth; i++) {
      net = net.dense(width).relu();
    }
    return net.dense(classes).softmax();
  }

  /** The nets in words: {@code input(784) · d × dense(256).relu() · dense(10).softmax()}. */
  public String describeNets(Shape input, int classes) {
    return "input(" + input.toArguments() + ")" + (input.rank() > 1 ? ".flatten()" : "")
        + " · d × dense(" + width + ").relu() · dense(" + classes + ").softmax(), d in " + depths;
  }
}
