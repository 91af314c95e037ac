package dev.primer.tf.internal.train;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.internal.graph.Forward;
import dev.primer.tf.internal.graph.ForwardBuilder;
import dev.primer.tf.internal.graph.Mode;
import dev.primer.tf.internal.graph.NetVariables;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The one builder of a training step, used by fit ({@link TrainingGraph}), the diagnosis (its
 * {@link #pass}, differentiated further) and the benchmark ({@code FedBatchTrainer}): the
 * training-mode forward pass of a batch, the batch's mean loss (weighted by class where asked)
 * and correct count, the loss's gradients with respect to the trainable parameters only,
 * clipped by their global norm where asked, the optimizer's apply ops, batch norm's moving
 * averages and the step counters.
 *
 * <p>Gradient clipping by global norm (Pascanu, Mikolov and Bengio 2013; TensorFlow's {@code
 * clip_by_global_norm}), c the state's clipping norm and g_i the gradient of parameter i:
 * <pre>
 *   n = sqrt(sum_i sum(g_i^2));   g_i &lt;- g_i * c / max(n, c)
 * </pre>
 *
 * <p>Ordering makes the step correct and reproducible: every apply op waits for all gradients,
 * the step counters are incremented after the applies and the moving-average updates, and the
 * {@link #train} target waits for all of it.
 *
 * @param forward the training-mode forward pass
 * @param loss the batch's mean loss, a scalar
 * @param correct how many examples of the batch are classified right, a scalar
 * @param train the target that runs one step
 */
public record StepGraph(Forward forward, Operand<TFloat32> loss, Operand<TFloat32> correct,
    Op train) {

  /**
   * The forward half of a step on a batch {@code x} with targets {@code y} (shape [batch,
   * outputSize]): the training-mode pass, the mean loss (named {@code loss}) and correct count.
   */
  public record Pass(Forward forward, Operand<TFloat32> loss, Operand<TFloat32> correct) {}

  /**
   * The forward half of a step, unweighted; see {@link Pass}.
   *
   * @param step keys dropout's masks; a constant for a pass that is no training step
   */
  public static Pass pass(Ops tf, ResolvedNet net, NetVariables variables, Operand<TFloat32> x,
      Operand<TFloat32> y, Operand<TInt64> step, long seed, Loss lossKind) {
    return pass(tf, net, variables, x, y, step, seed, lossKind, Optional.empty());
  }

  /**
   * The forward half of a step; see {@link Pass}. With {@code classWeights} (one per class,
   * {@link LossOps#classWeightOfEach}) the loss is {@code (1 / B) sum_i w_c(i) l_i}.
   *
   * @param step keys dropout's masks; a constant for a pass that is no training step
   */
  public static Pass pass(Ops tf, ResolvedNet net, NetVariables variables, Operand<TFloat32> x,
      Operand<TFloat32> y, Operand<TInt64> step, long seed, Loss lossKind,
      Optional<Operand<TFloat32>> classWeights) {
    return pass(tf, ForwardBuilder.scopes(tf, net, Mode.TRAIN), net, variables, x, y, step, seed,
        lossKind, classWeights);
  }

  /**
   * As {@link #pass(Ops, ResolvedNet, NetVariables, Operand, Operand, Operand, long, Loss,
   * Optional)}, the forward pass in name scopes made earlier ({@link ForwardBuilder#scopes}
   * with {@link Mode#TRAIN}): for a graph that holds many steps ({@code internal.stacked}).
   */
  public static Pass pass(Ops tf, ForwardBuilder.Scopes scopes, ResolvedNet net,
      NetVariables variables, Operand<TFloat32> x, Operand<TFloat32> y, Operand<TInt64> step,
      long seed, Loss lossKind, Optional<Operand<TFloat32>> classWeights) {
    Forward forward = ForwardBuilder.build(scopes, net, variables, x, Mode.TRAIN, step, seed);
    LossOps.Rows rows = LossOps.rows(tf, forward, Math.toIntExact(net.output().size()));
    Operand<TFloat32> each = LossOps.perExample(tf, lossKind, rows, y);
    if (classWeights.isPresent()) {
      each = tf.math.mul(each, LossOps.classWeightOfEach(tf, lossKind, classWeights.get(), y));
    }
    Operand<TFloat32> loss = tf.withName("loss").math.mean(each, tf.constant(0));
    Operand<TFloat32> correct = LossOps.correct(tf, lossKind, rows, y);
    return new Pass(forward, loss, correct);
  }

  /**
   * A whole training step for {@code optimizer} alone, unclipped and unweighted, with a state
   * of its own under {@code optimizer}: what the benchmark runs.
   */
  public static StepGraph build(Ops tf, ResolvedNet net, NetVariables variables,
      Operand<TFloat32> x, Operand<TFloat32> y, Variable<TInt64> step, long seed,
      Optimizer optimizer, Loss lossKind) {
    List<String> names = variables.trainableNames();
    OptimizerState state = new OptimizerState(tf.withSubScope("optimizer"), optimizer, names,
        names.stream().map(variables::get).toList());
    return build(tf, net, variables, x, y, step, seed, state, lossKind, false, Optional.empty());
  }

  /**
   * A whole training step on a batch {@code x} with targets {@code y}: {@link #pass} keyed by the
   * value of {@code step}, then gradients (clipped to the state's norm if {@code clip}), the
   * optimizer of {@code state}'s kind, the moving averages, and {@code step} and the state's
   * counter incremented by one. {@code state} must only ever hold the optimizer it was made for
   * ({@link OptimizerState#readsOfPrototype}: a constant learning rate is read as it is); fit,
   * whose states take each fit's optimizer, reads them itself ({@link TrainingGraph}).
   *
   * @param classWeights one weight per class, if the loss is weighted
   */
  public static StepGraph build(Ops tf, ResolvedNet net, NetVariables variables,
      Operand<TFloat32> x, Operand<TFloat32> y, Variable<TInt64> step, long seed,
      OptimizerState state, Loss lossKind, boolean clip,
      Optional<Operand<TFloat32>> classWeights) {
    return build(tf, ForwardBuilder.scopes(tf, net, Mode.TRAIN), net, variables, x, y, step,
        seed, state, state.readsOfPrototype(tf), lossKind, clip, classWeights);
  }

  /**
   * As {@link #build(Ops, ResolvedNet, NetVariables, Operand, Operand, Variable, long,
   * OptimizerState, Loss, boolean, Optional)}, reading the state's values through {@code reads}
   * (one of {@link OptimizerState#reads(Ops, int, boolean)} for a step among several of one
   * call).
   */
  static StepGraph build(Ops tf, ResolvedNet net, NetVariables variables,
      Operand<TFloat32> x, Operand<TFloat32> y, Variable<TInt64> step, long seed,
      OptimizerState state, OptimizerState.Reads reads, Loss lossKind, boolean clip,
      Optional<Operand<TFloat32>> classWeights) {
    return build(tf, ForwardBuilder.scopes(tf, net, Mode.TRAIN), net, variables, x, y, step,
        seed, state, reads, lossKind, clip, classWeights);
  }

  /**
   * As {@link #build(Ops, ResolvedNet, NetVariables, Operand, Operand, Variable, long,
   * OptimizerState, Loss, boolean, Optional)}, the forward pass in name scopes made earlier
   * ({@link ForwardBuilder#scopes} with {@link Mode#TRAIN}): for a graph that holds many steps
   * ({@code internal.stacked}), whose scopes are all made before its first op.
   */
  public static StepGraph build(Ops tf, ForwardBuilder.Scopes scopes, ResolvedNet net,
      NetVariables variables, Operand<TFloat32> x, Operand<TFloat32> y, Variable<TInt64> step,
      long seed, OptimizerState state, Loss lossKind, boolean clip,
      Optional<Operand<TFloat32>> classWeights) {
    return build(tf, scopes, net, variables, x, y, step, seed, state, state.readsOfPrototype(tf),
        lossKind, clip, classWeights);
  }

  /** The one step builder the overloads above end in: scopes made, the state read through reads. */
  private static StepGraph build(Ops tf, ForwardBuilder.Scopes scopes, ResolvedNet net,
      NetVariables variables, Operand<TFloat32> x, Operand<TFloat32> y, Variable<TInt64> step,
      long seed, OptimizerState state, OptimizerState.Reads reads, Loss lossKind, boolean clip,
      Optional<Operand<TFloat32>> classWeights) {
    Pass pass = pass(tf, scopes, net, variables, x, y, tf.identity(step), seed, lossKind,
        classWeights);
    List<String> names = variables.trainableNames();
    List<Variable<TFloat32>> trainable = names.stream().map(variables::get).toList();
    Gradients gradients = tf.gradients(pass.loss(), trainable);
    List<Op> computed = new ArrayList<>(gradients.dy());
    List<Operand<TFloat32>> dy = new ArrayList<>();
    for (Output<?> g : gradients.dy()) {
      dy.add(floats(g));
    }
    if (clip) {
      dy = clipByGlobalNorm(tf, dy, reads.maxNorm());
    }
    List<Op> ops = new ArrayList<>(OptimizerOps.step(tf, state, reads, names, trainable, dy,
        computed, net.scaling()));
    Ops afterGradients = tf.withControlDependencies(computed);
    ops.addAll(pass.forward().updates());
    ops.add(tf.withControlDependencies(List.copyOf(ops)).assignAdd(step, tf.constant(1L)));
    Op train = afterGradients.withControlDependencies(ops).withName("train").noOp();
    return new StepGraph(pass.forward(), pass.loss(), pass.correct(), train);
  }

  /** {@code g_i * c / max(n, c)}, n the global norm of {@code gradients}; see the class. */
  static List<Operand<TFloat32>> clipByGlobalNorm(Ops tf, List<Operand<TFloat32>> gradients,
      Operand<TFloat32> maxNorm) {
    List<Operand<TFloat32>> squares = new ArrayList<>();
    for (Operand<TFloat32> g : gradients) {
      squares.add(tf.sum(tf.math.square(tf.reshape(g, tf.constant(new int[] {-1}))),
          tf.constant(0)));
    }
    Operand<TFloat32> norm = tf.math.sqrt(tf.math.addN(squares));
    Operand<TFloat32> scale = tf.withName("clip_scale")
        .math.div(maxNorm, tf.math.maximum(norm, maxNorm));
    return gradients.stream().map(g -> (Operand<TFloat32>) tf.math.mul(g, scale)).toList();
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> floats(Output<?> gradient) {
    return (Operand<TFloat32>) gradient;
  }
}
