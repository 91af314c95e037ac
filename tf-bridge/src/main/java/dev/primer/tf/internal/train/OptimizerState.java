package dev.primer.tf.internal.train;

import dev.primer.tf.internal.graph.SessionCalls;
import dev.primer.tf.train.LearningRate;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One optimizer kind's state on a model's graph, shared by every training graph of that kind
 * (whatever the loss, clipping or class weights): its slots per trainable variable, its step
 * counter (the schedule's t, Adam's bias correction), and its values held in one {@link
 * SettableVector} — the schedule's seven numbers ({@link ScheduleOps}), the kind's own three
 * (SGD: momentum; Adam: beta1, beta2, epsilon; RMSprop: rho, momentum, epsilon) and the clipping
 * norm. {@link #set} assigns them before a fit; {@link #restart} zeros slots and counter. What a
 * fit with an equal or another optimizer does with this state is said in {@link Optimizer}.
 */
public final class OptimizerState {
  /** Index of the kind's first value in the vector; the second and third follow. */
  private static final int OWN = ScheduleOps.SIZE;
  /** Index of the clipping norm. */
  private static final int MAX_NORM = OWN + 3;

  private final Optimizer prototype;
  private final SettableVector values;
  private final Variable<TInt64> step;
  private final Map<String, Map<String, Variable<TFloat32>>> slots = new LinkedHashMap<>();
  private final Reads reads;
  private final Op restart;
  private final Operand<TBool> finite;

  /**
   * Adds the state of {@code optimizer}'s kind under {@code tf}'s scope, for {@code variables}
   * (named {@code names}); its values start as {@code optimizer}'s, without clipping.
   */
  public OptimizerState(Ops tf, Optimizer optimizer, List<String> names,
      List<Variable<TFloat32>> variables) {
    this.prototype = optimizer;
    values = new SettableVector(tf, "values", vector(optimizer, OptionalDouble.empty()));
    step = tf.withName("steps").variable(tf.constant(0L));
    List<String> kinds = slotKinds(optimizer);
    for (int i = 0; i < variables.size(); i++) {
      Map<String, Variable<TFloat32>> of = new LinkedHashMap<>();
      for (String kind : kinds) {
        Variable<TFloat32> v = variables.get(i);
        // the initial value depends on the static shape only, never on v's value
        // (initializers run in no particular order)
        of.put(kind, tf.withName(names.get(i).replace('/', '_') + "_" + kind)
            .variable(tf.zeros(tf.constant(v.shape()), TFloat32.class)));
      }
      slots.put(names.get(i), of);
    }
    reads = reads(tf);

    List<Op> resets = new ArrayList<>();
    List<Operand<TBool>> finiteEach = new ArrayList<>();
    resets.add(tf.assign(step, tf.constant(0L)));
    for (Map<String, Variable<TFloat32>> of : slots.values()) {
      for (Variable<TFloat32> slot : of.values()) {
        resets.add(tf.assign(slot, tf.zerosLike(slot)));
        finiteEach.add(tf.reduceAll(tf.math.isFinite(tf.reshape(tf.identity(slot),
            tf.constant(new int[] {-1}))), tf.constant(0)));
      }
    }
    restart = tf.withControlDependencies(resets).withName("restart").noOp();
    finite = finiteEach.isEmpty() ? null
        : tf.reduceAll(tf.stack(finiteEach), tf.constant(0));
  }

  /** The kind of {@code optimizer}: optimizers of one kind share a state and training graphs. */
  public static String kind(Optimizer optimizer) {
    return optimizer.accept(new Optimizer.Visitor<String>() {
      @Override
      public String sgd(Optimizer.Sgd sgd) {
        return sgd.momentum() == 0 ? "sgd" : sgd.nesterov() ? "nesterov" : "momentum";
      }

      @Override
      public String adam(Optimizer.Adam adam) {
        return "adam";
      }

      @Override
      public String rmsProp(Optimizer.RmsProp rmsProp) {
        return "rmsprop";
      }
    });
  }

  private static List<String> slotKinds(Optimizer optimizer) {
    return switch (kind(optimizer)) {
      case "momentum", "nesterov" -> List.of("momentum");
      case "adam" -> List.of("m", "v");
      case "rmsprop" -> List.of("ms", "mom");
      default -> List.of();
    };
  }

  /** The vector of {@code optimizer}'s values and the clipping norm (0 when absent). */
  private static float[] vector(Optimizer optimizer, OptionalDouble maxNorm) {
    float[] v = new float[MAX_NORM + 1];
    System.arraycopy(ScheduleOps.parameters(optimizer.schedule()), 0, v, 0, ScheduleOps.SIZE);
    double[] own = optimizer.accept(new Optimizer.Visitor<double[]>() {
      @Override
      public double[] sgd(Optimizer.Sgd sgd) {
        return new double[] {sgd.momentum(), 0, 0};
      }

      @Override
      public double[] adam(Optimizer.Adam adam) {
        return new double[] {adam.beta1(), adam.beta2(), adam.epsilon()};
      }

      @Override
      public double[] rmsProp(Optimizer.RmsProp rms) {
        return new double[] {rms.rho(), rms.momentum(), rms.epsilon()};
      }
    });
    for (int i = 0; i < own.length; i++) {
      v[OWN + i] = (float) own[i];
    }
    v[MAX_NORM] = (float) maxNorm.orElse(0);
    return v;
  }

  /**
   * Assigns {@code optimizer}'s values (of this state's kind) and the clipping norm.
   *
   * @throws IllegalArgumentException if {@code optimizer} is of another kind
   */
  public void set(Session session, Optimizer optimizer, OptionalDouble maxNorm) {
    if (!kind(optimizer).equals(kind(prototype))) {
      throw new IllegalArgumentException("a " + kind(prototype) + " state cannot take "
          + optimizer.describe());
    }
    values.set(session, vector(optimizer, maxNorm));
  }

  /** Zeros the slots and the step counter. */
  public void restart(Session session) {
    SessionCalls.runner(session).addTarget(restart).run().close();
  }

  /** Whether every slot value is finite (true when there are no slots). */
  public boolean isFinite(Session session) {
    if (finite == null) {
      return true;
    }
    try (Result r = SessionCalls.runner(session).fetch(finite).run()) {
      return ((TBool) r.get(0)).getBoolean();
    }
  }

  /** The optimizer this state was made for: its kind decides the apply ops. */
  Optimizer prototype() {
    return prototype;
  }

  /** The slot {@code kind} ("m", "v", "momentum", "ms", "mom") of the variable {@code name}. */
  Variable<TFloat32> slot(String name, String kind) {
    return slots.get(name).get(kind);
  }

  /**
   * The state's values as one step reads them: ops of their own under {@code tf}, so that a
   * step built under control dependencies (one of several steps run by one session call) reads
   * the counter its predecessor incremented, not a value read once per call.
   *
   * @param learningRate the learning rate of the step being taken, from the schedule and the
   *     counter
   * @param own the kind's own three values, as in the class comment
   * @param maxNorm the clipping norm; meaningful only where the fit clips
   * @param stepsTaken the step counter as a float: steps taken since the state started
   */
  record Reads(Operand<TFloat32> learningRate, List<Operand<TFloat32>> own,
      Operand<TFloat32> maxNorm, Operand<TFloat32> stepsTaken) {}

  /** New reads of the state's values under {@code tf}, for any schedule; see {@link Reads}. */
  Reads reads(Ops tf) {
    return reads(tf, false);
  }

  /**
   * New reads of the state's values under {@code tf}; see {@link Reads}. With {@code
   * constantRate} the learning rate is the schedule's first number as it is, without the
   * schedule's ops: for a graph that only runs fits of a {@link LearningRate.Constant}
   * schedule, whose formula gives exactly that number at every step ({@code initial * 1}).
   */
  Reads reads(Ops tf, boolean constantRate) {
    List<Operand<TFloat32>> all = new ArrayList<>(
        tf.unstack(values.read(tf), (long) MAX_NORM + 1).output());
    Operand<TFloat32> stepsTaken = tf.dtypes.cast(tf.identity(step), TFloat32.class);
    Operand<TFloat32> rate = constantRate ? all.get(0)
        : ScheduleOps.rate(tf, all.subList(0, ScheduleOps.SIZE), stepsTaken);
    return new Reads(rate, List.copyOf(all.subList(OWN, MAX_NORM)), all.get(MAX_NORM),
        stepsTaken);
  }

  /**
   * The reads for a state that only ever holds the optimizer it was made for (a step graph
   * built for one optimizer, never {@link #set} to another): {@link #reads(Ops, boolean)},
   * without the schedule's ops when that optimizer's schedule is constant.
   */
  Reads readsOfPrototype(Ops tf) {
    return reads(tf, isConstantRate(prototype));
  }

  /** Whether {@code optimizer}'s learning rate is the same at every step. */
  static boolean isConstantRate(Optimizer optimizer) {
    return optimizer.schedule() instanceof LearningRate.Constant;
  }

  /**
   * The reads of {@code steps} consecutive steps run by one session call, from one read of the
   * values and the counter under {@code tf}: step i's counter is the one read plus i (each step
   * adds one after its applies, which all wait for this read), and the schedule is computed
   * once for the vector of the {@code steps} counters, so a call pays for these ops once rather
   * than once per step. The values are those {@link #reads} gives each step, bitwise (the same
   * formula on each element; {@code steps} is kept small). With {@code constantRate}, as in
   * {@link #reads(Ops, boolean)}.
   */
  List<Reads> reads(Ops tf, int steps, boolean constantRate) {
    List<Operand<TFloat32>> all = new ArrayList<>(
        tf.unstack(values.read(tf), (long) MAX_NORM + 1).output());
    long[] offsets = new long[steps];
    for (int i = 0; i < steps; i++) {
      offsets[i] = i;
    }
    Operand<TFloat32> taken = tf.dtypes.cast(
        tf.math.add(tf.identity(step), tf.constant(offsets)), TFloat32.class);
    List<Operand<TFloat32>> each =
        new ArrayList<>(tf.unstack(taken, (long) steps).output());
    List<Operand<TFloat32>> rates = constantRate ? null : new ArrayList<>(tf.unstack(
        ScheduleOps.rate(tf, all.subList(0, ScheduleOps.SIZE), taken), (long) steps).output());
    List<Reads> reads = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      reads.add(new Reads(constantRate ? all.get(0) : rates.get(i), List.copyOf(all.subList(OWN, MAX_NORM)),
          all.get(MAX_NORM), each.get(i)));
    }
    return reads;
  }

  /** The learning rate of the step being taken, from the schedule and the counter. */
  public Operand<TFloat32> learningRate() {
    return reads.learningRate();
  }

  /** The step counter, incremented once per training step after the applies. */
  Variable<TInt64> counter() {
    return step;
  }
}
