package dev.primer.tf;

import dev.primer.dsl.Net;
import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Seeds;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.datainit.DataInitReport;
import dev.primer.tf.datainit.DataInitializer;
import dev.primer.tf.graph.BatchShapes;
import dev.primer.tf.graph.Forward;
import dev.primer.tf.graph.ForwardBuilder;
import dev.primer.tf.graph.Mode;
import dev.primer.tf.graph.NetVariables;
import dev.primer.tf.io.NpyArray;
import dev.primer.tf.io.Npz;
import dev.primer.tf.train.Dataset;
import dev.primer.tf.train.EpochStats;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A spec compiled into a TensorFlow graph with its own session: train it, evaluate it, predict
 * with it, read or set its weights, save and load it.
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
 * <p>A model owns native resources: close it (it is {@link AutoCloseable}). It is not safe for
 * use by several threads at once.
 */
public final class Model implements AutoCloseable {
  /** Examples per batch for evaluation and prediction. */
  private static final int INFERENCE_BATCH = 1024;

  private final NetSpec spec;
  private final ResolvedNet net;
  private final long seed;
  private final Device device;
  private final Graph graph;
  private final Session session;
  private final Ops tf;
  private final NetVariables variables;
  private final Variable<TInt64> step;
  private final Placeholder<TFloat32> input;
  private final Forward inference;
  private final Map<Loss, EvaluationGraph> evaluations = new EnumMap<>(Loss.class);
  private final Map<String, TrainingGraph> trainings = new HashMap<>();
  private final Map<String, Assign<TFloat32>> assigns = new HashMap<>();
  private final Map<String, Placeholder<TFloat32>> assignInputs = new HashMap<>();
  private DataVariables data;
  private DataInitializer dataInitializer;
  private Optional<DataInitReport> dataInitReport = Optional.empty();
  /** Data-dependent init ran, or the weights it would set were set or loaded: fit skips it. */
  private boolean dataInitSettled;
  private int epochsDone;
  private boolean closed;

  private Model(NetSpec spec, long seed, Device device) {
    this.spec = spec;
    this.net = spec.resolve();
    this.seed = seed;
    this.device = device;
    device.check();
    this.graph = new Graph();
    try {
      Ops root = Ops.create(graph);
      this.tf = device.spec().map(root::withDevice).orElse(root);
      this.variables = NetVariables.create(tf, net, seed);
      this.step = tf.withName("step").variable(tf.constant(0L));
      this.input = tf.withName("input").placeholder(TFloat32.class,
          Placeholder.shape(BatchShapes.of(BatchShapes.ANY, net.input())));
      this.inference = ForwardBuilder.build(tf, net, variables, input, Mode.INFER,
          tf.identity(step), seed);
      this.session = new Session(graph, device.sessionConfig());
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
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
   * @throws DeviceUnavailableException if {@code device} is GPU and none is visible
   */
  public static Model compile(NetSpec spec, long seed, Device device) {
    return new Model(spec, seed, device);
  }

  /** Compiles a spec written without {@code input(...)} for examples of shape {@code input}. */
  public static Model compile(NetSpec spec, Shape input, long seed, Device device) {
    return new Model(spec.withInput(input), seed, device);
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
    return net;
  }

  public long seed() {
    return seed;
  }

  public Device device() {
    return device;
  }

  // ------------------------------------------------------------------------ data-dependent init

  /**
   * Runs the net's data-dependent initializers on {@code data} (see
   * {@link dev.primer.tf.datainit.DataInitializer}): LSUV rescales each kernel that names it,
   * layer by layer, until its layer's output variance before activation is 1 within the
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
  public DataInitReport initializeFromData(Dataset data) {
    checkOpen();
    checkExamples(data);
    if (dataInitializer == null) {
      dataInitializer = DataInitializer.build(compiled(), net);
    }
    DataInitReport report = dataInitializer.run(data, Seeds.forPurpose(seed, "data init"));
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
  public Optional<DataInitReport> initializeFromDataIfNeeded(Dataset data) {
    checkOpen();
    if (dataInitSettled || net.dataDependent().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(initializeFromData(data));
  }

  /** What the last data-dependent initialization did; empty if none ran. */
  public Optional<DataInitReport> dataInitReport() {
    return dataInitReport;
  }

  // ------------------------------------------------------------------------ training

  /**
   * Trains on {@code train}. The data set is copied into TensorFlow once (again only when a
   * different data set is passed) and each step slices its batch in the graph.
   *
   * <p>Epochs are numbered across calls: three calls of one epoch shuffle like one call of three.
   *
   * <p>If the net has data-dependent initializers and they have not run yet (nor have their
   * parameters been set by {@link #setWeights} or {@link #load}), the first call runs
   * {@link #initializeFromData} on {@code train} before its first step.
   *
   * @return {@link FitResult.Completed}, or {@link FitResult.Diverged} at the first step whose
   *     loss is not finite (training stops there; the model stays usable)
   * @throws IllegalArgumentException if the data does not fit the net or the loss
   */
  public FitResult fit(Dataset train, FitOptions options) {
    checkOpen();
    checkData(train, options.loss());
    options.validation().ifPresent(v -> checkData(v, options.loss()));
    initializeFromDataIfNeeded(train);
    if (data == null) {
      data = new DataVariables(tf);
    }
    TrainingGraph g = trainings.computeIfAbsent(key(options.optimizer(), options.loss()),
        k -> TrainingGraph.build(tf, net, variables, data, step, seed, options.optimizer(),
            options.loss()));
    data.load(session, train);

    long shuffleSeed = options.shuffleSeed().orElse(Seeds.forPurpose(seed, "shuffle"));
    int n = train.size();
    long stepsPerEpoch = (n + options.batchSize() - 1) / options.batchSize();
    boolean classes = train.targetWidth() > 1;
    List<EpochStats> history = new ArrayList<>();
    long globalStep = 0;
    for (int e = 1; e <= options.epochs(); e++) {
      long started = System.nanoTime();
      int[] order = shuffled(n, Seeds.forPurpose(shuffleSeed, "epoch " + (epochsDone + 1)));
      double lossSum = 0;
      double correctSum = 0;
      long stepInEpoch = 0;
      for (int start = 0; start < n; start += options.batchSize()) {
        int size = Math.min(options.batchSize(), n - start);
        int[] batch = new int[size];
        System.arraycopy(order, start, batch, 0, size);
        stepInEpoch++;
        globalStep++;
        double loss;
        double correct;
        try (TInt32 indices = TInt32.tensorOf(org.tensorflow.ndarray.Shape.of(size),
                 DataBuffers.of(batch, true, false));
             Result r = session.runner().feed(g.indices, indices).fetch(g.loss)
                 .fetch(g.correct).addTarget(g.train).run()) {
          loss = ((TFloat32) r.get(0)).getFloat();
          correct = ((TFloat32) r.get(1)).getFloat();
        }
        if (!Double.isFinite(loss)) {
          epochsDone++;
          return new FitResult.Diverged(e, stepInEpoch, globalStep, loss, history);
        }
        lossSum += loss * size;
        correctSum += correct;
        options.listener().onStep(e, stepInEpoch, stepsPerEpoch, loss);
      }
      epochsDone++;
      Optional<Evaluation> validation = options.validation()
          .map(v -> evaluate(v, options.loss()));
      EpochStats stats = new EpochStats(e, stepInEpoch, lossSum / n,
          classes ? correctSum / n : Double.NaN, validation,
          Duration.ofNanos(System.nanoTime() - started));
      history.add(stats);
      options.listener().onEpoch(stats);
    }
    return new FitResult.Completed(history);
  }

  /** A permutation of 0..n-1 by Fisher-Yates with a generator seeded by {@code seed}. */
  private static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  // ------------------------------------------------------------------------ inference

  /** Evaluates with softmax cross-entropy; see {@link #evaluate(Dataset, Loss)}. */
  public Evaluation evaluate(Dataset data) {
    return evaluate(data, Loss.SOFTMAX_CROSS_ENTROPY);
  }

  /**
   * Mean loss and accuracy on {@code data} at inference (dropout off, batch norm's moving
   * statistics), fed in batches of 1024.
   */
  public Evaluation evaluate(Dataset data, Loss loss) {
    checkOpen();
    checkData(data, loss);
    EvaluationGraph g = evaluations.computeIfAbsent(loss,
        l -> new EvaluationGraph(tf, inference, outputSize(), l));
    int exampleSize = (int) net.input().size();
    int width = data.targetWidth();
    double lossSum = 0;
    double correct = 0;
    for (int start = 0; start < data.size(); start += INFERENCE_BATCH) {
      int count = Math.min(INFERENCE_BATCH, data.size() - start);
      float[] x = new float[count * exampleSize];
      float[] y = new float[count * width];
      data.read(start, count, x, 0, y, 0);
      try (TFloat32 xt = TFloat32.tensorOf(BatchShapes.of(count, net.input()), DataBuffers.of(x, true, false));
           TFloat32 yt = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(count, width),
               DataBuffers.of(y, true, false));
           Result r = session.runner().feed(input, xt).feed(g.targets, yt)
               .fetch(g.lossSum).fetch(g.correct).run()) {
        lossSum += ((TFloat32) r.get(0)).getFloat();
        correct += ((TFloat32) r.get(1)).getFloat();
      }
    }
    return new Evaluation(lossSum / data.size(), width > 1 ? correct / data.size() : Double.NaN,
        data.size());
  }

  /**
   * The net's outputs for {@code examples} (row-major, a whole number of examples of the input
   * shape), row-major, {@code outputSize} values per example.
   */
  public float[] predict(float[] examples) {
    checkOpen();
    int exampleSize = (int) net.input().size();
    if (examples.length % exampleSize != 0) {
      throw new IllegalArgumentException("predict: " + examples.length + " values is not a whole"
          + " number of examples of shape " + net.input() + " (" + exampleSize + " each)");
    }
    int n = examples.length / exampleSize;
    int out = outputSize();
    float[] outputs = new float[n * out];
    for (int start = 0; start < n; start += INFERENCE_BATCH) {
      int count = Math.min(INFERENCE_BATCH, n - start);
      float[] x = new float[count * exampleSize];
      System.arraycopy(examples, start * exampleSize, x, 0, x.length);
      try (TFloat32 xt = TFloat32.tensorOf(BatchShapes.of(count, net.input()), DataBuffers.of(x, true, false));
           Result r = session.runner().feed(input, xt).fetch(inference.output()).run()) {
        float[] part = new float[count * out];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(part, false, false));
        System.arraycopy(part, 0, outputs, start * out, part.length);
      }
    }
    return outputs;
  }

  /** Number of output values per example. */
  public int outputSize() {
    return Math.toIntExact(net.output().size());
  }

  // ------------------------------------------------------------------------ weights

  /** Every parameter's current values, in the net's order (runs the initializers if needed). */
  public Map<String, ParameterValues> weights() {
    checkOpen();
    List<String> names = new ArrayList<>(variables.all().keySet());
    if (names.isEmpty()) {
      return new LinkedHashMap<>(); // a run with nothing to fetch is an error in TensorFlow
    }
    Session.Runner runner = session.runner();
    names.forEach(name -> runner.fetch(variables.get(name)));
    Map<String, ParameterValues> values = new LinkedHashMap<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < names.size(); i++) {
        Parameter p = variables.parameters().get(names.get(i));
        float[] copy = new float[Math.toIntExact(p.size())];
        ((TFloat32) r.get(i)).copyTo(DataBuffers.of(copy, false, false));
        values.put(p.name(), new ParameterValues(p.name(), p.shape(), copy));
      }
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
    Session.Runner runner = session.runner();
    List<Tensor> fed = new ArrayList<>();
    try {
      for (ParameterValues v : values) {
        Parameter p = variables.parameters().get(v.name());
        if (p == null) {
          throw new IllegalArgumentException("setWeights: the net has no parameter '"
              + v.name() + "'; it has " + variables.all().keySet());
        }
        if (!p.shape().equals(v.shape())) {
          throw new IllegalArgumentException("setWeights: " + v.name() + " has shape "
              + p.shape() + ", got " + v.shape());
        }
        TFloat32 t = TFloat32.tensorOf(BatchShapes.unbatched(p.shape()),
            DataBuffers.of(v.values(), true, false));
        fed.add(t);
        runner.feed(assignInput(v.name()), t).addTarget(assign(v.name()));
      }
      if (!fed.isEmpty()) {
        runner.run().close();
      }
      if (values.stream().anyMatch(v -> variables.parameters().get(v.name()).dataDependent())) {
        dataInitSettled = true;
      }
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  private Placeholder<TFloat32> assignInput(String name) {
    assign(name);
    return assignInputs.get(name);
  }

  private Assign<TFloat32> assign(String name) {
    return assigns.computeIfAbsent(name, n -> {
      Ops scope = tf.withSubScope("set_weights");
      Placeholder<TFloat32> in = scope.placeholder(TFloat32.class,
          Placeholder.shape(BatchShapes.unbatched(
              variables.parameters().get(n).shape())));
      assignInputs.put(n, in);
      return scope.assign(variables.get(n), in);
    });
  }

  /**
   * Writes the spec ({@code spec.txt}, the text form) and the weights ({@code weights.npz},
   * NumPy-readable) into {@code dir}. Optimizer state is not saved.
   */
  public void save(Path dir) throws IOException {
    checkOpen();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("spec.txt"), spec.toString() + "\n", StandardCharsets.UTF_8);
    Npz.write(dir.resolve("weights.npz"), weights().values().stream()
        .map(v -> new NpyArray(v.name(), v.shape().toArray(), v.values())).toList());
  }

  /**
   * Loads a model saved by {@link #save}.
   *
   * @throws IOException if a file is missing or unreadable
   * @throws IllegalArgumentException if the weights do not match the spec
   */
  public static Model load(Path dir, Device device) throws IOException {
    NetSpec spec = Net.parse(Files.readString(dir.resolve("spec.txt"), StandardCharsets.UTF_8)
        .trim());
    Map<String, NpyArray> arrays = Npz.read(dir.resolve("weights.npz"));
    Model model = compile(spec, 0, device);
    try {
      List<ParameterValues> values = new ArrayList<>();
      for (String name : model.variables.all().keySet()) {
        NpyArray a = arrays.get(name);
        if (a == null) {
          throw new IllegalArgumentException(dir.resolve("weights.npz") + ": no array '" + name
              + "' for the spec's parameter of that name");
        }
        values.add(new ParameterValues(name, Shape.of(a.shape()), a.data()));
      }
      model.setWeights(values);
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  // ------------------------------------------------------------------------ checks, lifetime

  private void checkData(Dataset data, Loss loss) {
    checkExamples(data);
    if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
      checkEndsInLogits();
    }
  }

  /** The data's examples and targets fit the net, and it is not empty. */
  private void checkExamples(Dataset data) {
    if (!data.exampleShape().equals(net.input())) {
      throw new IllegalArgumentException("the data's examples have shape " + data.exampleShape()
          + ", the net takes " + net.input());
    }
    if (data.targetWidth() != outputSize()) {
      throw new IllegalArgumentException("the data has " + data.targetWidth()
          + " target values per example, the net outputs " + net.output() + " ("
          + outputSize() + ")");
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException("the data set is empty");
    }
  }

  /**
   * Softmax cross-entropy is computed from logits: the net must end with softmax() or with a
   * layer that has no activation. Layers after the last activation that do not mix units
   * (dropout, pooling, flatten, reshape) would turn probabilities into something that is
   * neither, so a softmax (or any other activation) followed by them is refused too.
   */
  private void checkEndsInLogits() {
    List<ResolvedLayer> layers = net.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      ResolvedLayer layer = layers.get(i);
      Optional<Activation> a = layer.spec().activation();
      if (a.isPresent()) {
        boolean logitsOrSoftmax = a.get().kind() == Activation.Kind.SOFTMAX
            || a.get().kind() == Activation.Kind.LINEAR;
        ResolvedLayer last = layers.get(layers.size() - 1);
        if (!logitsOrSoftmax) {
          throw new IllegalArgumentException("softmax cross-entropy needs the net to end with"
              + " softmax() or no activation; layer " + layer.index() + " (" + layer.kind()
              + ") ends with " + a.get().text());
        }
        if (i != layers.size() - 1 && a.get().kind() == Activation.Kind.SOFTMAX) {
          throw new IllegalArgumentException("softmax cross-entropy needs softmax() on the"
              + " last layer; layer " + layer.index() + " (" + layer.kind() + ") applies it"
              + " before layer " + last.index() + " (" + last.kind() + ")");
        }
        return;
      }
      if (layer.spec().layer().mixesUnits()) {
        return;
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the model is closed");
    }
  }

  /** Releases the session and graph; further calls throw. Closing twice does nothing. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      session.close();
      graph.close();
    }
  }

  /**
   * The compiled graph's pieces, for code that builds more ops on it (diagnostics,
   * data-dependent initialization). Ops added there belong to this model and close with it.
   */
  public CompiledGraph compiled() {
    checkOpen();
    return new CompiledGraph(graph, session, tf, variables, input, inference);
  }

  @Override
  public String toString() {
    return "Model[" + spec + ", seed " + seed + ", " + device + (closed ? ", closed" : "") + "]";
  }

  /** One training graph per (optimizer, loss): a new optimizer gets its own slots. */
  private static String key(Optimizer optimizer, Loss loss) {
    return optimizer + "/" + loss;
  }
}
