package dev.primer.tf.internal.stacked;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.Device;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.internal.graph.ActivationOps;
import dev.primer.tf.internal.graph.Logits;
import dev.primer.tf.internal.init.InitOps;
import dev.primer.tf.internal.init.PretrainedValues;
import dev.primer.tf.internal.train.DataVariables;
import dev.primer.tf.internal.train.Evaluator;
import dev.primer.tf.internal.train.LossOps;
import dev.primer.tf.internal.train.OptimizerOps;
import dev.primer.tf.internal.train.OptimizerState;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * R copies of one dense net ({@link StackedNet#whyNot} says which nets) trained as one graph:
 * each parameter is one variable of shape {@code [R, ...shape]} whose slice r is run r's, every
 * dense layer is one batched matrix product ({@code BatchMatMulV3}) over the R slices, and one
 * session call runs one training step of every run, each on its own batch (fed as indices
 * {@code [R, batch]} into the training set held in TensorFlow, as fit does).
 *
 * <p>What stays each run's own. Slice r of a parameter starts from the same ops the separate
 * path uses ({@link InitOps#initialValue} with run r's resolved net and seed), so the initial
 * weights are bitwise those of {@code Model.compile(spec_r, seed_r)}. The loss is the sum of
 * the runs' batch-mean losses: its gradient with respect to slice r is run r's own gradient,
 * and nothing mixes slices (batched products, per-slice biases, elementwise activations,
 * softmax along the last axis), so a run whose values become NaN leaves the others as they are.
 * The optimizer is the separate path's ({@link OptimizerState}, {@link OptimizerOps}): every
 * optimizer of the library is elementwise per parameter, so on stacked variables it is R
 * optimizers side by side; their shared step counter is the same t for every run.
 *
 * <p>What differs from training the runs one by one: the products' summation order (a batched
 * product against a plain one; bias gradients as a sum over the batch axis rather than {@code
 * BiasAddGrad}), so values agree to float rounding, not bitwise; how far apart that leaves the
 * runs is measured in {@code StackedComparisonTest} and BENCHMARKS.md.
 */
public final class StackedGraph implements AutoCloseable {
  private final int runs;
  private final int classes;
  private final Loss loss;
  private final ResolvedNet net;
  private final Graph graph;
  private final Session session;
  private final DataVariables data;
  private final Map<String, Variable<TFloat32>> variables;
  private final Placeholder<TInt32> indices;
  private final Operand<TFloat32> lossEach;
  private final Op train;
  private final Placeholder<TFloat32> input;
  private final Placeholder<TFloat32> targets;
  private final Operand<TFloat32> lossSumEach;
  private final Operand<TFloat32> correctEach;

  private StackedGraph(List<ResolvedNet> nets, List<Long> seeds, Optimizer optimizer,
      Loss loss, Device device) {
    if (nets.isEmpty() || nets.size() != seeds.size()) {
      throw new IllegalArgumentException("stacked runs: one seed per net needed, got "
          + nets.size() + " nets and " + seeds.size() + " seeds");
    }
    this.runs = nets.size();
    this.net = nets.get(0);
    this.loss = loss;
    this.classes = Math.toIntExact(net.output().size());
    int inputSize = Math.toIntExact(net.input().size());
    graph = new Graph();
    try {
      Ops root = Ops.create(graph);
      Ops tf = device.spec().map(root::withDevice).orElse(root);
      // every sub-scope before the first op (see NetVariables: withSubScope reads every op)
      Ops fit = tf.withSubScope("fit");
      Ops evaluate = tf.withSubScope("evaluate");
      Ops optimizerScope = tf.withSubScope("optimizer");
      Map<String, List<Ops>> initScopes = new LinkedHashMap<>();
      for (Parameter p : net.parameters()) {
        List<Ops> each = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
          each.add(tf.withSubScope(p.name().replace('/', '_') + "_init_" + r));
        }
        initScopes.put(p.name(), each);
      }
      data = new DataVariables(tf);
      variables = createVariables(tf, nets, seeds, initScopes);

      // training: run r's batch is rows indices[r] of the training set
      indices = fit.withName("batch_indices").placeholder(TInt32.class,
          Placeholder.shape(Shape.of(runs, -1)));
      Operand<TFloat32> x = fit.reshape(fit.gather(data.features(), indices, fit.constant(0)),
          fit.constant(new int[] {runs, -1, inputSize}));
      Operand<TFloat32> y = fit.reshape(fit.gather(data.targets(), indices, fit.constant(0)),
          fit.constant(new int[] {runs, -1, classes}));
      Pass pass = forward(fit, x);
      Operand<TFloat32> each = LossOps.perExample(fit, loss, rows(fit, pass.logits()),
          rows(fit, pass.output()), rows(fit, y));
      lossEach = fit.withName("loss_each").math.mean(
          fit.reshape(each, fit.constant(new int[] {runs, -1})), fit.constant(1));
      Operand<TFloat32> total = fit.sum(lossEach, fit.constant(0));
      List<String> names = net.trainableParameters().stream().map(Parameter::name).toList();
      List<Variable<TFloat32>> trainable = names.stream().map(variables::get).toList();
      OptimizerState state = new OptimizerState(optimizerScope, optimizer, names, trainable);
      Gradients gradients = fit.gradients(total, trainable);
      List<Op> computed = new ArrayList<>(gradients.dy());
      List<Operand<TFloat32>> dy = new ArrayList<>();
      for (Output<?> g : gradients.dy()) {
        dy.add(floats(g));
      }
      List<Op> applies = OptimizerOps.step(fit, state, names, trainable, dy, computed);
      train = fit.withControlDependencies(applies).withName("train").noOp();

      // evaluation: one fed batch through every run
      input = evaluate.withName("input").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, inputSize)));
      targets = evaluate.withName("targets").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, classes)));
      Pass inference = forward(evaluate, input);
      Operand<TFloat32> evalEach = LossOps.perExample(evaluate, loss,
          rows(evaluate, inference.logits()), rows(evaluate, inference.output()),
          evaluate.tile(targets, evaluate.constant(new int[] {runs, 1})));
      lossSumEach = evaluate.sum(
          evaluate.reshape(evalEach, evaluate.constant(new int[] {runs, -1})),
          evaluate.constant(1));
      List<Output<TFloat32>> logitsEach =
          evaluate.unstack(inference.logits(), (long) runs).output();
      List<Output<TFloat32>> outputEach =
          evaluate.unstack(inference.output(), (long) runs).output();
      List<Operand<TFloat32>> correct = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        correct.add(LossOps.correct(evaluate, loss,
            new LossOps.Rows(logitsEach.get(r), outputEach.get(r)), targets));
      }
      correctEach = evaluate.stack(correct);
      session = new Session(graph, device.sessionConfig());
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * The graph of {@code nets.size()} runs: run r is {@code nets.get(r)} (one net, each with its
   * scheme's initializers) from seed {@code seeds.get(r)}; all train with {@code optimizer} on
   * {@code loss}. Call {@link StackedNet#whyNot} first: this assumes a net it accepts.
   *
   * @throws IllegalArgumentException if the nets' parameters differ in name or shape, or for a
   *     {@code from(...)} file that cannot be read ({@link PretrainedValues#read})
   */
  public static StackedGraph create(List<ResolvedNet> nets, List<Long> seeds,
      Optimizer optimizer, Loss loss, Device device) {
    return new StackedGraph(nets, seeds, optimizer, loss, device);
  }

  /** Number of runs trained together. */
  public int runs() {
    return runs;
  }

  /** Copies {@code train} into the graph, once per data set. */
  public void load(Dataset train) {
    data.load(session, train);
  }

  /**
   * One training step of every run: run r on the training examples {@code batches[r]} (all of
   * one length).
   *
   * @return each run's batch-mean loss before the step, as fit's step reports it
   */
  public float[] step(int[][] batches) {
    int size = batches[0].length;
    int[] flat = new int[runs * size];
    for (int r = 0; r < runs; r++) {
      System.arraycopy(batches[r], 0, flat, r * size, size);
    }
    try (TInt32 fed = TInt32.tensorOf(Shape.of(runs, size), DataBuffers.of(flat, true, false));
         Result result = session.runner().feed(indices, fed).fetch(lossEach).addTarget(train)
             .run()) {
      return floats((TFloat32) result.get(0), runs);
    }
  }

  /**
   * Every run's mean loss and accuracy on {@code data}, as {@code Model.evaluate} computes them:
   * batches of {@value Evaluator#BATCH} fed in order, per-batch sums added in double precision.
   */
  public List<Evaluation> evaluate(Dataset data) {
    int exampleSize = Math.toIntExact(net.input().size());
    double[] lossSums = new double[runs];
    double[] correctSums = new double[runs];
    for (int start = 0; start < data.size(); start += Evaluator.BATCH) {
      int count = Math.min(Evaluator.BATCH, data.size() - start);
      float[] x = new float[count * exampleSize];
      float[] y = new float[count * classes];
      data.read(start, count, x, 0, y, 0);
      try (TFloat32 xt = TFloat32.tensorOf(Shape.of(count, exampleSize),
               DataBuffers.of(x, true, false));
           TFloat32 yt = TFloat32.tensorOf(Shape.of(count, classes),
               DataBuffers.of(y, true, false));
           Result r = session.runner().feed(input, xt).feed(targets, yt).fetch(lossSumEach)
               .fetch(correctEach).run()) {
        float[] loss = floats((TFloat32) r.get(0), runs);
        float[] correct = floats((TFloat32) r.get(1), runs);
        for (int i = 0; i < runs; i++) {
          lossSums[i] += loss[i];
          correctSums[i] += correct[i];
        }
      }
    }
    List<Evaluation> each = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      each.add(new Evaluation(lossSums[i] / data.size(),
          LossOps.hasAccuracy(loss, classes)
              ? correctSums[i] / data.size() : Double.NaN, data.size()));
    }
    return each;
  }

  /** Run {@code run}'s values of parameter {@code name}, row-major in its shape. */
  public float[] values(String name, int run) {
    Variable<TFloat32> v = variables.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter named '" + name + "'; the net has "
          + variables.keySet());
    }
    try (Result r = session.runner().fetch(v).run()) {
      float[] all = floats((TFloat32) r.get(0), Math.toIntExact(r.get(0).shape().size()));
      int size = all.length / runs;
      float[] one = new float[size];
      System.arraycopy(all, run * size, one, 0, size);
      return one;
    }
  }

  /** Closes the session, then the graph. */
  @Override
  public void close() {
    session.close();
    graph.close();
  }

  /** A forward pass: the last layer's logits and output, [R, batch, classes]. */
  private record Pass(Operand<TFloat32> logits, Operand<TFloat32> output) {}

  /**
   * The dense layers over {@code x}: [R, batch, in] or, at evaluation, [batch, in] shared by
   * every run (the batched product broadcasts it).
   */
  private Pass forward(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> h = x;
    Operand<TFloat32> logits = x;
    for (ResolvedLayer layer : net.layers()) {
      Operand<TFloat32> kernel = tf.identity(variables.get(name(layer, Role.KERNEL)));
      Operand<TFloat32> bias = tf.expandDims(tf.identity(variables.get(name(layer, Role.BIAS))),
          tf.constant(1));
      Operand<TFloat32> pre =
          tf.math.add(tf.train.batchMatMul(h, kernel, TFloat32.class), bias);
      Optional<Activation> activation = layer.spec().activation();
      Operand<TFloat32> out = activation.map(a -> ActivationOps.apply(tf, a, pre)).orElse(pre);
      logits = Logits.of(activation, pre, out);
      h = out;
    }
    return new Pass(logits, h);
  }

  private static String name(ResolvedLayer layer, Role role) {
    return layer.name() + "/" + role.paramName();
  }

  /** [R, batch, classes] as rows [R * batch, classes], what the losses take. */
  private Operand<TFloat32> rows(Ops tf, Operand<TFloat32> values) {
    return tf.reshape(values, tf.constant(new int[] {-1, classes}));
  }

  /** One variable per parameter, slice r drawn as run r's separate model draws it. */
  private static Map<String, Variable<TFloat32>> createVariables(Ops tf, List<ResolvedNet> nets,
      List<Long> seeds, Map<String, List<Ops>> initScopes) {
    List<Map<String, float[]>> stored = nets.stream().map(PretrainedValues::read).toList();
    Map<String, Variable<TFloat32>> byName = new LinkedHashMap<>();
    List<Parameter> first = nets.get(0).parameters();
    for (int i = 0; i < first.size(); i++) {
      String name = first.get(i).name();
      List<Operand<TFloat32>> slices = new ArrayList<>();
      for (int r = 0; r < nets.size(); r++) {
        Parameter p = nets.get(r).parameters().get(i);
        if (!p.name().equals(name) || !p.shape().equals(first.get(i).shape())) {
          throw new IllegalArgumentException("stacked runs: run " + r + "'s parameter " + i
              + " is " + p.name() + " " + p.shape() + ", run 0's " + name + " "
              + first.get(i).shape());
        }
        slices.add(InitOps.initialValue(initScopes.get(name).get(r), p, seeds.get(r),
            stored.get(r).get(name)));
      }
      byName.put(name, tf.withName(name.replace('/', '_')).variable(tf.stack(slices)));
    }
    return byName;
  }

  private static float[] floats(TFloat32 tensor, int size) {
    float[] values = new float[size];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return values;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> floats(Output<?> gradient) {
    return (Operand<TFloat32>) gradient;
  }
}
