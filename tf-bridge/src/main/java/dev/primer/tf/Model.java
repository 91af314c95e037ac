package dev.primer.tf;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Seeds;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.datainit.DataInitReport;
import dev.primer.tf.internal.datainit.DataInitializer;
import dev.primer.tf.internal.graph.CallGate;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.GraphRelease;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.internal.graph.Products;
import dev.primer.tf.internal.graph.WeightAccess;
import dev.primer.tf.internal.saved.SavedModelReader;
import dev.primer.tf.internal.saved.SavedModelWriter;
import dev.primer.tf.internal.train.Evaluator;
import dev.primer.tf.internal.train.LossOps;
import dev.primer.tf.internal.train.Predictor;
import dev.primer.tf.io.NpyArray;
import dev.primer.tf.io.Npz;
import dev.primer.tf.saved.ModelDirectory;
import dev.primer.tf.saved.ModelFormat;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Trainer;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spec compiled into a TensorFlow graph with its own session: its lifetime, its weights, save
 * and load; training ({@link Trainer}), evaluation and prediction run on it through the
 * methods below.
 * <pre>
 *   try (Model model = Model.compile(spec, 42, Device.CPU)) {
 *     FitResult result = model.fit(train, FitOptions.defaults().withEpochs(3));
 *     Evaluation test = model.evaluate(testSet);
 *   }
 * </pre>
 * Every parameter starts from its resolved initializer, drawn with stateless random ops keyed by
 * (seed, parameter name): the same spec and seed give bitwise-identical initial weights in any
 * JVM, and — on the CPU — bitwise-identical weights after the same training. Parameters with a
 * data-dependent initializer (LSUV, class prior) start from its pre-init and are finished on
 * training data by {@link #initializeFromData}, which {@link #fit} calls before its first step.
 *
 * <p>A model owns native resources, about 5 MB for a small net: close it (it is {@link
 * AutoCloseable}). A model that becomes unreachable without being closed is released by a
 * {@link java.lang.ref.Cleaner} some time after the garbage collector finds it, with one warning
 * on the {@link System.Logger} {@code dev.primer.tf.Model}; that is a safety net, not a way to
 * manage memory (the collector does not see native memory).
 *
 * <h2>Threads</h2>
 * {@link #predict}, {@link #evaluate} and {@link #weights} may be called from many threads at
 * once: each is one or more TensorFlow session runs, which are thread-safe, and the ops they add
 * on first use (an evaluation graph per loss, assigns) are built under one lock; they give the
 * same values, bitwise, as the same calls from one thread. {@link #fit} runs one at a time per
 * model: a second fit while one runs (from any thread, through any {@link Trainer}) fails at once
 * with an {@link IllegalStateException}. Calls made while a fit runs see the weights as training
 * changes them. {@link #close} may be called from any thread: it refuses new calls at once
 * ({@code the model is closed}), waits for the calls running on other threads to return — a
 * running fit stops before its next step, with {@code fit: the model was closed while it
 * trained} — and then releases the graph; no call ever meets TensorFlow's own "close() has been
 * called on the Graph". Closing from inside a call (a listener) releases when that call returns.
 * {@link #setWeights}, {@link #load} and {@link #initializeFromData} change the weights: do not
 * run them while other calls use the model.
 */
public final class Model implements AutoCloseable {
  static {
    ModelGraphs.register(new ModelGraphs.Access() {
      @Override
      public CompiledGraph graph(Object model) {
        return ((Model) model).graph();
      }

      @Override
      public CallGate gate(Object model) {
        return ((Model) model).gate;
      }
    });
  }

  private final NetSpec spec;
  private final long seed;
  private final Device device;
  private final CompileOptions options;
  private final CompiledGraph graph;
  private final GraphRelease release;
  private final CallGate gate;
  private final WeightAccess weights;
  private final Evaluator evaluator;
  private final Predictor predictor;
  private Trainer trainer;
  private DataInitializer dataInitializer;
  private volatile Optional<DataInitReport> dataInitReport = Optional.empty();
  /** Data-dependent init ran, or the weights it would set were set or loaded: fit skips it. */
  private volatile boolean dataInitSettled;

  private Model(NetSpec spec, long seed, Device device, boolean readPretrained) {
    this(spec, seed, CompileOptions.defaults().withDevice(device), readPretrained);
  }

  private Model(NetSpec spec, long seed, CompileOptions options, boolean readPretrained) {
    ResolvedNet net = spec.resolve();
    MemoryBudget.check(net);
    Device device = options.device();
    device.check();
    options.check();
    this.spec = spec;
    this.seed = seed;
    this.device = device;
    this.options = options;
    this.graph = CompiledGraph.create(net, seed, device.spec(), options.sessionConfig(),
        readPretrained, switch (options.effectivePrecision()) {
          case FP32, AUTO -> Products.FP32;
          case BF16 -> Products.BF16;
          case BF16_CONV -> Products.BF16_CONV;
        });
    this.release = GraphRelease.register(this, graph, describe(spec, seed));
    this.gate = new CallGate(release::close);
    try {
      this.weights = new WeightAccess(graph);
      this.evaluator = new Evaluator(graph);
      this.predictor = new Predictor(graph);
    } catch (RuntimeException e) {
      release.close();
      throw e;
    }
  }

  /** The model in a warning: {@code seed 42, input(784).dense(256)...}, at most 80 characters. */
  private static String describe(NetSpec spec, long seed) {
    String text = spec.toString();
    return "seed " + seed + ", " + (text.length() <= 80 ? text : text.substring(0, 77) + "...");
  }

  /** Compiles {@code spec} on the CPU; see {@link #compile(NetSpec, long, Device)}. */
  public static Model compile(NetSpec spec, long seed) {
    return compile(spec, seed, Device.CPU);
  }

  /**
   * Compiles {@code spec}, which must have its input shape.
   *
   * @param seed the net's seed: each parameter's initial values come from (seed, its name)
   * @throws dev.primer.dsl.base.SpecException if the spec has no input shape
   * @throws ModelTooLargeException if its parameters do not fit in this machine's memory
   *     ({@link MemoryBudget}), before TensorFlow allocates anything
   * @throws DeviceUnavailableException if {@code device} is GPU and none is visible
   */
  public static Model compile(NetSpec spec, long seed, Device device) {
    return new Model(spec, seed, device, true);
  }

  /**
   * Compiles {@code spec}, which must have its input shape, with {@code options}: device, matrix
   * product precision ({@link Precision}) and the XLA JIT.
   *
   * @param seed the net's seed: each parameter's initial values come from (seed, its name)
   * @throws IllegalArgumentException if XLA is asked for on the CPU without its flag ({@link
   *     CompileOptions})
   * @throws ModelTooLargeException if its parameters do not fit in this machine's memory
   * @throws DeviceUnavailableException if the device is GPU and none is visible
   */
  public static Model compile(NetSpec spec, long seed, CompileOptions options) {
    return new Model(spec, seed, options, true);
  }

  /** Compiles a spec written without {@code input(...)} for examples of shape {@code input}. */
  public static Model compile(NetSpec spec, Shape input, long seed, Device device) {
    return new Model(spec.withInput(input), seed, device, true);
  }

  /** Compiles a spec for the examples of {@code data}: the shape comes from the data. */
  public static Model compileFor(NetSpec spec, Dataset data, long seed, Device device) {
    return compile(spec, data.exampleShape(), seed, device);
  }

  /** The spec, with its input shape. */
  public NetSpec spec() {
    return spec;
  }

  /** Every decision the spec resolved to: shapes, names, samplers. */
  public ResolvedNet net() {
    return graph.net();
  }

  /** The net's seed, from which every initial value, dropout mask and shuffle is derived. */
  public long seed() {
    return seed;
  }

  /** Where the model runs. */
  public Device device() {
    return device;
  }

  /** How the model was compiled: device, precision as asked for, XLA. */
  public CompileOptions compileOptions() {
    return options;
  }

  /** The precision its matrix products compute in: {@link Precision#AUTO} resolved. */
  public Precision precision() {
    return options.effectivePrecision();
  }

  /** Number of output values per example. */
  public int outputSize() {
    return graph.outputSize();
  }

  // ------------------------------------------------------------------------ data-dependent init

  /**
   * Runs the net's data-dependent initializers on {@code data}: LSUV rescales each kernel that
   * names it, layer by layer, until its layer's output variance before activation is 1 within the
   * tolerance, measured on a probe batch of 512 distinct examples of {@code data} (all of them if
   * it has fewer) drawn with a seed derived from the model's; the class prior sets the output bias
   * from the class frequencies of all of {@code data}'s targets. Does nothing (and reports
   * nothing) for a net without data-dependent initializers. May be called again: LSUV then finds
   * unit variance and stops at once.
   *
   * @return what was done, also kept as {@link #dataInitReport()}
   * @throws IllegalArgumentException if the data does not fit the net, or its targets are not
   *     class probabilities where a class prior needs them
   */
  public synchronized DataInitReport initializeFromData(Dataset data) {
    DataInitReport report;
    try (CallGate.Call call = gate.enter()) {
      Dataset.checkFits(data, net().input(), net().output());
      if (dataInitializer == null) {
        dataInitializer = graph.build(() -> DataInitializer.build(graph, net()));
      }
      report = dataInitializer.run(data, Seeds.forPurpose(seed, "data init"));
    } finally {
      Reference.reachabilityFence(this);
    }
    dataInitReport = Optional.of(report);
    dataInitSettled = true;
    return report;
  }

  /**
   * Runs {@link #initializeFromData} on {@code data} if the net has data-dependent initializers
   * and they have not run yet, nor have their parameters been set by {@link #setWeights} or
   * {@link #load}: what {@link #fit} does before its first step, for code that looks at the
   * weights training would start from (a diagnosis).
   *
   * @return the report if it ran now, else empty
   */
  public synchronized Optional<DataInitReport> initializeFromDataIfNeeded(Dataset data) {
    checkOpen();
    if (dataInitSettled || net().dataDependent().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(initializeFromData(data));
  }

  /** What the last data-dependent initialization did; empty if none ran. */
  public Optional<DataInitReport> dataInitReport() {
    return dataInitReport;
  }

  // ------------------------------------------------------------------------ train, evaluate, predict

  /**
   * Trains on {@code train} with this model's {@link Trainer}: see {@link Trainer#fit}. Epochs
   * are numbered across calls: three calls of one epoch shuffle like one call of three.
   *
   * @return {@link FitResult.Completed}; {@link FitResult.Stopped} when early stopping or the
   *     listener stopped it; or {@link FitResult.Diverged} at the first step whose loss is not
   *     finite (training stops there and the model gets back the weights it held when that epoch
   *     began, so it stays usable)
   * @throws IllegalArgumentException if the data does not fit the net or the loss, or the
   *     options' early stopping cannot be applied (no validation set)
   * @throws IllegalStateException if the model is closed, is already training (see the class
   *     comment on threads), or is closed while it trains
   */
  public FitResult fit(Dataset train, FitOptions options) {
    return trainer().fit(train, options); // the trainer keeps this model reachable
  }

  private synchronized Trainer trainer() {
    checkOpen();
    if (trainer == null) {
      trainer = new Trainer(this);
    }
    return trainer;
  }

  /** Evaluates with softmax cross-entropy; see {@link #evaluate(Dataset, Loss)}. */
  public Evaluation evaluate(Dataset data) {
    return evaluate(data, Loss.SOFTMAX_CROSS_ENTROPY);
  }

  /**
   * Mean loss and accuracy on {@code data} at inference (dropout off, batch norm's moving
   * statistics), fed in batches of 1024; where the targets are classes, the confusion matrix,
   * per-class precision and recall and top-k accuracy ({@link Evaluation#classes}). Safe from
   * several threads at once.
   *
   * @throws IllegalArgumentException if the data does not fit the net or the loss
   */
  public Evaluation evaluate(Dataset data, Loss loss) {
    try (CallGate.Call call = gate.enter()) {
      LossOps.checkFits(net(), data, loss);
      return evaluator.evaluate(data, loss);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /**
   * The net's outputs for {@code examples} (row-major, a whole number of examples of the input
   * shape), row-major, {@link #outputSize} values per example. Safe from several threads at once.
   *
   * @throws IllegalArgumentException if the values are not a whole number of examples
   */
  public float[] predict(float[] examples) {
    try (CallGate.Call call = gate.enter()) {
      return predictor.predict(examples);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  // ------------------------------------------------------------------------ weights

  /** Every parameter's current values, in the net's order (runs the initializers if needed). */
  public Map<String, ParameterValues> weights() {
    Map<String, ParameterValues> values = new LinkedHashMap<>();
    try (CallGate.Call call = gate.enter()) {
      weights.read().forEach((name, v) ->
          values.put(name, new ParameterValues(name, parameter(name).shape(), v)));
    } finally {
      Reference.reachabilityFence(this);
    }
    return values;
  }

  /**
   * Replaces the values of the given parameters (others keep theirs). Setting a parameter that
   * has a data-dependent initializer counts as initializing it: {@link #fit} will not run
   * {@link #initializeFromData} afterwards (call it yourself to run it anyway).
   *
   * @throws IllegalArgumentException naming a parameter the net does not have or a shape that
   *     differs
   */
  public void setWeights(Collection<ParameterValues> values) {
    checkOpen();
    Map<String, float[]> checked = new LinkedHashMap<>();
    for (ParameterValues v : values) {
      Parameter p = parameter(v.name());
      if (p == null) {
        throw new IllegalArgumentException("setWeights: the net has no parameter '"
            + v.name() + "'; it has " + graph.variables().all().keySet());
      }
      if (!p.shape().equals(v.shape())) {
        throw new IllegalArgumentException("setWeights: " + v.name() + " has shape "
            + p.shape() + ", got " + v.shape());
      }
      checked.put(v.name(), v.values());
    }
    try (CallGate.Call call = gate.enter()) {
      weights.write(checked);
    } finally {
      Reference.reachabilityFence(this);
    }
    if (checked.keySet().stream().anyMatch(name -> parameter(name).dataDependent())) {
      dataInitSettled = true;
    }
  }

  private Parameter parameter(String name) {
    return graph.variables().parameters().get(name);
  }

  /**
   * Writes the spec ({@code spec.txt}, the text form) and the weights ({@code weights.npz},
   * NumPy-readable) into {@code dir}. Optimizer state is not saved.
   */
  public void save(Path dir) throws IOException {
    checkOpen();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(ModelFormat.SPEC_FILE), spec.toString() + "\n",
        StandardCharsets.UTF_8);
    Npz.write(dir.resolve(ModelFormat.WEIGHTS_FILE), weights().values().stream()
        .map(v -> new NpyArray(v.name(), v.shape().toArray(), v.values())).toList());
  }

  /**
   * Exports the model as a TensorFlow SavedModel into {@code dir}, for TensorFlow Serving,
   * Python's {@code tf.saved_model.load}, TensorFlow Java's {@code SavedModelBundle} and
   * {@link #load}: the inference graph only (dropout off, batch norm's moving statistics; no
   * training ops, no optimizer state), the current weights in {@code variables/}, the signature
   * {@code serving_default} (tag {@code serve}) with input {@code input} and output
   * {@code output} ({@link dev.primer.tf.saved.ServingSignature}), and the spec and seed in
   * {@code assets.extra/} ({@link dev.primer.tf.saved.ModelFormat#SAVED_MODEL}). The export
   * appears in {@code dir} in one step, complete.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code dir} is a file or a directory
   *     that is not empty
   * @throws IOException if it cannot be written
   */
  public void exportSavedModel(Path dir) throws IOException {
    checkOpen();
    Map<String, float[]> values = new LinkedHashMap<>();
    weights().forEach((name, v) -> values.put(name, v.values()));
    SavedModelWriter.write(dir, spec, seed, values, Device.CPU.sessionConfig());
  }

  /**
   * Loads a model saved by {@link #save} or exported by {@link #exportSavedModel}; the format is
   * told by the files ({@link ModelDirectory#inspect}). Either way the model predicts bitwise what
   * the saved one did (on the same kind of machine) and can be trained further. From a SavedModel
   * it also gets the seed back; Primer's format keeps no seed, so the model gets seed 0.
   *
   * @throws java.nio.file.NoSuchFileException naming the directory or the file it lacks
   * @throws IOException if a file is unreadable
   * @throws IllegalArgumentException if the spec does not parse, or the weights do not match it
   */
  public static Model load(Path dir, Device device) throws IOException {
    ModelDirectory saved = ModelDirectory.inspect(dir);
    return switch (saved.format()) {
      case PRIMER -> loadWeights(saved.spec(), 0, device, model -> fromNpz(dir, model));
      case SAVED_MODEL -> loadWeights(saved.spec(), saved.seed().orElseThrow(), device,
          model -> SavedModelReader.read(dir, model.graph.variables().parameters().values(),
              Device.CPU.sessionConfig()));
    };
  }

  /** Where {@link #load} takes the weights of a freshly compiled model from. */
  @FunctionalInterface
  private interface WeightSource {
    List<ParameterValues> read(Model model) throws IOException;
  }

  private static Model loadWeights(NetSpec spec, long seed, Device device, WeightSource source)
      throws IOException {
    // every weight is set next, so the files from(...) names need not exist any more
    Model model = new Model(spec, seed, device, false);
    try {
      model.setWeights(source.read(model));
      return model;
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static List<ParameterValues> fromNpz(Path dir, Model model) throws IOException {
    Path file = dir.resolve(ModelFormat.WEIGHTS_FILE);
    Map<String, NpyArray> arrays = Npz.read(file);
    List<ParameterValues> values = new ArrayList<>();
    for (String name : model.graph.variables().all().keySet()) {
      NpyArray a = arrays.get(name);
      if (a == null) {
        throw new IllegalArgumentException(file + ": no array '" + name
            + "' for the spec's parameter of that name");
      }
      values.add(new ParameterValues(name, Shape.of(a.shape()), a.data()));
    }
    return values;
  }

  // ------------------------------------------------------------------------ lifetime

  private void checkOpen() {
    gate.checkOpen();
  }

  /** The compiled graph, for the bridge's internals (through {@link ModelGraphs}). */
  private CompiledGraph graph() {
    checkOpen();
    return graph;
  }

  /**
   * Refuses further calls at once ({@code the model is closed}), waits for the calls running on
   * other threads to return (a running fit stops before its next step), then releases the
   * session and graph. Closing twice does nothing, and a closed model is never released again by
   * the cleaner. Called from inside a running call (a training listener), it does not wait: the
   * release happens when that call returns.
   */
  @Override
  public void close() {
    gate.close();
  }

  /** How this model's native graph is released, for tests of the bridge. */
  GraphRelease release() {
    return release;
  }

  @Override
  public String toString() {
    return "Model[" + spec + ", seed " + seed + ", " + device
        + (gate.isClosed() ? ", closed" : "") + "]";
  }
}
