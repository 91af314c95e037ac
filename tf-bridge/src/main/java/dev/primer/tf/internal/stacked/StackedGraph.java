package dev.primer.tf.internal.stacked;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.Device;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.Forward;
import dev.primer.tf.internal.graph.ForwardBuilder;
import dev.primer.tf.internal.graph.Mode;
import dev.primer.tf.internal.graph.NetVariables;
import dev.primer.tf.internal.graph.SessionCalls;
import dev.primer.tf.internal.train.DataVariables;
import dev.primer.tf.internal.train.Evaluator;
import dev.primer.tf.internal.train.LossOps;
import dev.primer.tf.internal.train.OptimizerState;
import dev.primer.tf.internal.train.StepGraph;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
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
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * R training runs of one net in one graph and one session: run r is the training step fit
 * builds for a model of its own ({@link StepGraph} on its own {@link NetVariables}, optimizer
 * state and step counter, its batch gathered from the training set held once in TensorFlow),
 * and one session call runs a step of every run, each on its own batch (fed as indices {@code
 * [R, batch]}). What it saves against R models trained one after another: a session call per
 * step per run (about 0.3 ms, a third of a small net's step), R graph compilations and
 * optimisations, R copies of the training set, and cores left idle by one small step at a time
 * (TensorFlow runs the runs' independent ops side by side).
 *
 * <p>Why copies rather than stacked parameters {@code [R, ...]} and batched products: every op
 * of run r is the op its own model runs, on the same shapes, so its values are bitwise those of
 * the separate path on the CPU — initial weights, losses, every step — and every layer kind,
 * dropout and batch norm included, trains as it does alone. A batched product ({@code
 * BatchMatMulV3}) of compare's first layer for 27 runs also ran slower on the development
 * machine than 27 plain products side by side (BENCHMARKS.md, "A comparison as one graph"),
 * and would agree only to float rounding (another summation order).
 *
 * <p>Nothing in the graph mixes runs: a run whose loss becomes NaN leaves the others as they are.
 */
public final class StackedGraph implements AutoCloseable {
  private final int runs;
  private final int classes;
  private final Loss loss;
  private final ResolvedNet net;
  private final Graph graph;
  private final Session session;
  private final DataVariables data;
  private final List<NetVariables> variables = new ArrayList<>();
  private final Placeholder<TInt32> indices;
  private final Operand<TFloat32> lossEach;
  private final Op train;
  private final Placeholder<TFloat32> input;
  private final Placeholder<TFloat32> targets;
  private final Operand<TFloat32> lossSumEach;
  private final Operand<TFloat32> correctEach;

  private StackedGraph(List<ResolvedNet> nets, List<Long> seeds, Optimizer optimizer,
      Loss loss, Device device, ConfigProto sessionConfig) {
    if (nets.isEmpty() || nets.size() != seeds.size()) {
      throw new IllegalArgumentException("stacked runs: one seed per net needed, got "
          + nets.size() + " nets and " + seeds.size() + " seeds");
    }
    this.runs = nets.size();
    this.net = nets.get(0);
    this.loss = loss;
    this.classes = Math.toIntExact(net.output().size());
    graph = new Graph();
    try {
      Ops root = Ops.create(graph);
      Ops tf = device.spec().map(root::withDevice).orElse(root);
      // the scopes first, while the graph is empty (see NetVariables: withSubScope reads every op)
      Ops fit = tf.withSubScope("fit");
      Ops evaluate = tf.withSubScope("evaluate");
      Ops dataScope = tf.withSubScope("data_of_runs");
      List<Ops> runScopes = new ArrayList<>();
      List<NetVariables.Scopes> variableScopes = new ArrayList<>();
      List<ForwardBuilder.Scopes> inferScopes = new ArrayList<>();
      List<ForwardBuilder.Scopes> trainScopes = new ArrayList<>();
      List<Ops> optimizerScopes = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        Ops run = tf.withSubScope("run_" + r);
        runScopes.add(run);
        variableScopes.add(NetVariables.scopes(run, nets.get(r)));
        inferScopes.add(ForwardBuilder.scopes(run, nets.get(r), Mode.INFER));
        trainScopes.add(ForwardBuilder.scopes(run, nets.get(r), Mode.TRAIN));
        optimizerScopes.add(run.withSubScope("optimizer"));
      }
      data = new DataVariables(dataScope);
      indices = fit.withName("batch_indices").placeholder(TInt32.class,
          Placeholder.shape(Shape.of(runs, -1)));
      input = evaluate.withName("input").placeholder(TFloat32.class,
          Placeholder.shape(BatchShapes.of(BatchShapes.ANY, net.input())));
      targets = evaluate.withName("targets").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, classes)));
      List<Output<TInt32>> batchOf = fit.unstack(indices, (long) runs).output();
      List<Operand<TFloat32>> losses = new ArrayList<>();
      List<Op> trains = new ArrayList<>();
      List<Operand<TFloat32>> lossSums = new ArrayList<>();
      List<Operand<TFloat32>> corrects = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        Ops run = runScopes.get(r);
        ResolvedNet netR = nets.get(r);
        long seed = seeds.get(r);
        // as CompiledGraph builds a model: its variables, then its step counter
        NetVariables vars = NetVariables.create(variableScopes.get(r), netR, seed, true);
        variables.add(vars);
        Variable<TInt64> step = run.withName("step").variable(run.constant(0L));
        Forward inference = ForwardBuilder.build(inferScopes.get(r), netR, vars, input,
            Mode.INFER, run.identity(step), seed);
        // as TrainingGraph builds fit's step
        Operand<TFloat32> x = run.reshape(run.gather(data.features(), batchOf.get(r),
            run.constant(0)), run.constant(BatchShapes.dims(BatchShapes.ANY, netR.input())));
        Operand<TFloat32> y = run.reshape(run.gather(data.targets(), batchOf.get(r),
            run.constant(0)), run.constant(new int[] {-1, classes}));
        List<String> names = vars.trainableNames();
        OptimizerState state = new OptimizerState(optimizerScopes.get(r), optimizer, names,
            names.stream().map(vars::get).toList());
        StepGraph stepGraph = StepGraph.build(run, trainScopes.get(r), netR, vars, x, y, step,
            seed, state, loss, false, Optional.empty());
        losses.add(stepGraph.loss());
        trains.add(stepGraph.train());
        // as the evaluator computes a model's sums
        LossOps.Rows rows = LossOps.rows(run, inference, classes);
        lossSums.add(run.sum(LossOps.perExample(run, loss, rows, targets), run.constant(0)));
        corrects.add(LossOps.correct(run, loss, rows, targets));
      }
      lossEach = fit.stack(losses);
      train = fit.withControlDependencies(trains).withName("train").noOp();
      lossSumEach = evaluate.stack(lossSums);
      correctEach = evaluate.stack(corrects);
      session = new Session(graph, sessionConfig);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * The graph of {@code nets.size()} runs: run r is {@code nets.get(r)} (one net, each with its
   * scheme's initializers) from seed {@code seeds.get(r)}; all train with {@code optimizer} on
   * {@code loss}, unclipped and unweighted. Data-dependent initializers are not run: call
   * {@link StackedNet#whyNotScheme} first.
   *
   * @throws IllegalArgumentException for a {@code from(...)} file that cannot be read
   */
  public static StackedGraph create(List<ResolvedNet> nets, List<Long> seeds,
      Optimizer optimizer, Loss loss, Device device) {
    return create(nets, seeds, optimizer, loss, device, device.sessionConfig());
  }

  /**
   * As {@link #create(List, List, Optimizer, Loss, Device)}, its session made with {@code
   * sessionConfig} (the device's, perhaps with threads of its own: {@link Lanes}).
   */
  static StackedGraph create(List<ResolvedNet> nets, List<Long> seeds, Optimizer optimizer,
      Loss loss, Device device, ConfigProto sessionConfig) {
    return new StackedGraph(nets, seeds, optimizer, loss, device, sessionConfig);
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
         Result result = SessionCalls.runner(session).feed(indices, fed).fetch(lossEach)
             .addTarget(train).run()) {
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
      try (TFloat32 xt = TFloat32.tensorOf(BatchShapes.of(count, net.input()),
               DataBuffers.of(x, true, false));
           TFloat32 yt = TFloat32.tensorOf(Shape.of(count, classes),
               DataBuffers.of(y, true, false));
           Result r = SessionCalls.runner(session).feed(input, xt).feed(targets, yt)
               .fetch(lossSumEach).fetch(correctEach).run()) {
        float[] lossSum = floats((TFloat32) r.get(0), runs);
        float[] correct = floats((TFloat32) r.get(1), runs);
        for (int i = 0; i < runs; i++) {
          lossSums[i] += lossSum[i];
          correctSums[i] += correct[i];
        }
      }
    }
    List<Evaluation> each = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      each.add(new Evaluation(lossSums[i] / data.size(),
          LossOps.hasAccuracy(loss, classes) ? correctSums[i] / data.size() : Double.NaN,
          data.size()));
    }
    return each;
  }

  /** Run {@code run}'s values of parameter {@code name}, row-major in its shape. */
  public float[] values(String name, int run) {
    Variable<TFloat32> v = variables.get(run).get(name);
    try (Result r = SessionCalls.runner(session).fetch(v).run()) {
      return floats((TFloat32) r.get(0), Math.toIntExact(r.get(0).shape().size()));
    }
  }

  /** Closes the session, then the graph. */
  @Override
  public void close() {
    session.close();
    graph.close();
  }

  private static float[] floats(TFloat32 tensor, int size) {
    float[] values = new float[size];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return values;
  }
}
