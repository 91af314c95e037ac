package dev.primer.tf.internal.train;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.internal.graph.BatchShapes;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.train.Loss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Fit's training step for one optimizer kind, loss, clipping on or off, class weights on or
 * off and constant learning rate or schedule: gather the batch by index from the data variables, then the {@link StepGraph} on the
 * kind's {@link OptimizerState}, and add the batch's correct count to the epoch's {@link
 * CorrectCount}. Each step feeds only {@link #indices}, fetches only the loss and runs the same
 * target, so TensorFlow builds one executor for the whole fit. Everything that may differ
 * between fits of one such graph (rates, schedule, betas, clipping norm, class weights) is held
 * in variables and set before the fit ({@link TrainingGraphs}). A graph for constant learning
 * rates reads the rate as it is; one for schedules computes it from the step counter ({@link
 * OptimizerState#reads(Ops, boolean)}), about 25 small ops a constant rate does not need.
 *
 * <p>Several steps per session call ({@link #chunk}): the same step built {@code k} times, each
 * copy's every op under a control dependency on the previous copy's whole step (applies,
 * counters, moving averages, count), so copy {@code i + 1} reads the weights, slots and counters
 * copy {@code i} wrote: the k steps compute exactly what k calls of {@link #train} compute. The
 * optimizer's values and schedule are read once per call for all k steps ({@link
 * OptimizerState#reads(Ops, int, boolean)}). One
 * call feeds {@code k} batches' indices and fetches the {@code k} losses; it saves a session
 * call's fixed cost (feeds, executor start, Java) on all but one of the steps.
 */
public final class TrainingGraph {
  private final CompiledGraph graph;
  private final DataVariables data;
  private final OptimizerState state;
  private final Loss loss;
  private final boolean clip;
  private final boolean constantRate;
  private final Optional<SettableVector> classWeights;
  private final CorrectCount correct;
  private final Placeholder<TInt32> indices;
  private final StepGraph step;
  private final Op train;
  private final Map<Integer, Chunk> chunks = new HashMap<>();

  /**
   * Several steps run by one session call.
   *
   * @param indices the {@code steps} batches' example indices, fed as a [steps, batch] tensor
   *     of any batch size, so one chunk serves every batch size (the graph does not grow)
   * @param steps the number of steps
   * @param losses each step's mean loss, in order, shape [steps]
   * @param train the target that runs the steps
   */
  public record Chunk(Placeholder<TInt32> indices, int steps, Operand<TFloat32> losses,
      Op train) {}

  private record Built(StepGraph step, Op done) {}

  private TrainingGraph(CompiledGraph graph, DataVariables data, OptimizerState state, Loss loss,
      boolean clip, boolean constantRate, Optional<Integer> classes) {
    this.graph = graph;
    this.data = data;
    this.state = state;
    this.loss = loss;
    this.clip = clip;
    this.constantRate = constantRate;
    Ops tf = graph.tf().withSubScope("fit");
    indices = tf.withName("batch_indices")
        .placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    classWeights = classes.map(k -> {
      float[] ones = new float[k];
      Arrays.fill(ones, 1f);
      return new SettableVector(tf, "class_weights", ones);
    });
    correct = new CorrectCount(tf);
    Built built = build(tf, indices);
    step = built.step();
    train = built.done();
  }

  /**
   * Adds the step under {@code fit} to the model's graph.
   *
   * @param constantRate whether the graph runs only fits of a constant learning rate (see the
   *     class comment)
   * @param classes the number of class weights, if the loss is weighted
   */
  public static TrainingGraph build(CompiledGraph g, DataVariables data, OptimizerState state,
      Loss loss, boolean clip, boolean constantRate, Optional<Integer> classes) {
    return new TrainingGraph(g, data, state, loss, clip, constantRate, classes);
  }

  /** One step on the batch {@code batchIndices}, built under {@code tf}. */
  private Built build(Ops tf, Operand<TInt32> batchIndices) {
    return build(tf, batchIndices, state.reads(tf, constantRate));
  }

  /** One step on the batch {@code batchIndices} reading the state through {@code reads}. */
  private Built build(Ops tf, Operand<TInt32> batchIndices, OptimizerState.Reads reads) {
    ResolvedNet net = graph.net();
    Operand<TFloat32> x = tf.reshape(tf.gather(data.features, batchIndices, tf.constant(0)),
        tf.constant(BatchShapes.dims(BatchShapes.ANY, net.input())));
    int[] rows = {-1, graph.outputSize()};
    Operand<TFloat32> y =
        tf.reshape(tf.gather(data.targets, batchIndices, tf.constant(0)), tf.constant(rows));
    StepGraph built = StepGraph.build(tf, net, graph.variables(), x, y, graph.step(),
        graph.seed(), state, reads, loss, clip, classWeights.map(w -> w.read(tf)));
    Op count = correct.add(tf, built.correct());
    return new Built(built, tf.withControlDependencies(List.of(built.train(), count)).noOp());
  }

  /**
   * The graph of {@code steps} steps (of any batch size) run by one session call, built
   * on first use (the caller holds the graph's build lock); see the class comment.
   */
  public Chunk chunk(int steps) {
    return chunks.computeIfAbsent(steps, key -> {
      Ops tf = graph.tf().withSubScope("fit_" + steps + "_steps");
      Placeholder<TInt32> all = tf.withName("batch_indices")
          .placeholder(TInt32.class, Placeholder.shape(Shape.of(steps, Shape.UNKNOWN_SIZE)));
      List<Operand<TInt32>> each = new ArrayList<>(tf.unstack(all, (long) steps).output());
      List<OptimizerState.Reads> reads = state.reads(tf, steps, constantRate);
      List<Operand<TFloat32>> losses = new ArrayList<>();
      Op previous = null;
      for (int i = 0; i < steps; i++) {
        Ops scope = previous == null ? tf : tf.withControlDependencies(List.of(previous));
        Built built = build(scope, each.get(i), reads.get(i));
        losses.add(built.step().loss());
        previous = built.done();
      }
      return new Chunk(all, steps, tf.stack(losses), previous);
    });
  }

  /** Whether {@link #chunk} of {@code steps} was built. */
  public boolean hasChunk(int steps) {
    return chunks.containsKey(steps);
  }

  /** The batch's example indices, fed each step. */
  public Placeholder<TInt32> indices() {
    return indices;
  }

  /** The step's ops; its loss is fetched each step. */
  public StepGraph step() {
    return step;
  }

  /** The target that runs one step: the step's and the addition to {@link #correct}. */
  public Op train() {
    return train;
  }

  /** The epoch's correct count, kept in the graph. */
  public CorrectCount correct() {
    return correct;
  }

  /** The optimizer kind's state. */
  public OptimizerState state() {
    return state;
  }

  /** The class weights the loss is weighted by, if it is. */
  public Optional<SettableVector> classWeights() {
    return classWeights;
  }
}
