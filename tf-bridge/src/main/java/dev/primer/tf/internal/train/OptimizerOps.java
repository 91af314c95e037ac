package dev.primer.tf.internal.train;

import dev.primer.dsl.param.ParameterScale;
import dev.primer.dsl.param.Scaling;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * Emits one optimizer step as TensorFlow ops over an explicit list of variables (never every
 * variable in the graph, as the framework's {@code Optimizer.minimize} does). Each optimizer is
 * mapped by an {@link Optimizer.Visitor}: a new optimizer does not compile until it is handled.
 * The rate, momentum, betas and epsilon are read from the kind's {@link OptimizerState}, never
 * written into the graph as constants, so another fit with other values reuses these ops.
 *
 * <p>Adam's bias correction takes {@code beta^t} from the state's step counter ({@code t} the
 * step being taken, from 1), as Keras does, rather than from power variables of its own.
 *
 * <p>Ordering makes the step correct and reproducible: every apply op waits for all gradients
 * (an apply updates its reference variable in place, and a gradient still reading it would mix
 * old and new weights), and the state's step counter is incremented only after every apply.
 *
 * <p>Per-parameter learning rates: under a parametrization that scales them (muP, see
 * {@link dev.primer.dsl.param.Mup}), parameter i trains with {@code eta_i = eta * r_i}, r_i its
 * {@link ParameterScale#sgdRate()} for SGD, momentum and Nesterov and its
 * {@link ParameterScale#adamRate()} for Adam and RMSProp (whose steps, like Adam's, do not
 * depend on the gradient's scale). A factor of 1 adds no op.
 */
public final class OptimizerOps {
  private OptimizerOps() {
    throw new AssertionError("no instances");
  }

  /**
   * The ops of one step: apply ops per variable and the increment of the state's counter.
   *
   * @param reads the state's values as this step reads them ({@link OptimizerState#reads})
   * @param gradients one per variable, in the same order
   * @param gradientsDone ops every apply waits for (the computation of all gradients)
   */
  static List<Op> step(Ops tf, OptimizerState state, OptimizerState.Reads reads,
      List<String> names,
      List<Variable<TFloat32>> variables, List<Operand<TFloat32>> gradients,
      List<Op> gradientsDone) {
    return step(tf, state, reads, names, variables, gradients, gradientsDone, Scaling.STANDARD);
  }

  /**
   * The ops of one step with each parameter's learning rate multiplied by its factor in
   * {@code scaling} (see the class).
   *
   * @param reads the state's values as this step reads them ({@link OptimizerState#reads})
   * @param gradients one per variable, in the same order
   * @param gradientsDone ops every apply waits for (the computation of all gradients)
   * @param scaling the net's parametrization, resolved: factors by parameter name
   */
  static List<Op> step(Ops tf, OptimizerState state, OptimizerState.Reads reads,
      List<String> names,
      List<Variable<TFloat32>> variables, List<Operand<TFloat32>> gradients,
      List<Op> gradientsDone, Scaling scaling) {
    Ops afterGradients = tf.withControlDependencies(gradientsDone);
    Operand<TFloat32> base = reads.learningRate();
    java.util.function.BiFunction<Integer, Boolean, Operand<TFloat32>> rate = (i, sgdRule) -> {
      ParameterScale s = scaling.of(names.get(i));
      double r = sgdRule ? s.sgdRate() : s.adamRate();
      return r == 1 ? base : tf.math.mul(base, tf.constant((float) r));
    };
    List<Op> applies = state.prototype().accept(new Optimizer.Visitor<List<Op>>() {
      @Override
      public List<Op> sgd(Optimizer.Sgd sgd) {
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
          Variable<TFloat32> v = variables.get(i);
          Operand<TFloat32> g = gradients.get(i);
          Operand<TFloat32> lr = rate.apply(i, true);
          if (sgd.momentum() == 0) {
            applies.add(afterGradients.train.applyGradientDescent(v, lr, g));
          } else {
            applies.add(afterGradients.train.applyMomentum(v,
                state.slot(names.get(i), "momentum"), lr, g, reads.own().get(0),
                ApplyMomentum.useNesterov(sgd.nesterov())));
          }
        }
        return applies;
      }

      @Override
      public List<Op> rmsProp(Optimizer.RmsProp rms) {
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
          applies.add(afterGradients.train.applyRmsProp(variables.get(i),
              state.slot(names.get(i), "ms"), state.slot(names.get(i), "mom"),
              rate.apply(i, false),
              reads.own().get(0), reads.own().get(1), reads.own().get(2), gradients.get(i)));
        }
        return applies;
      }

      @Override
      public List<Op> adam(Optimizer.Adam adam) {
        Operand<TFloat32> t = tf.math.add(reads.stepsTaken(), tf.constant(1f));
        Operand<TFloat32> beta1Power = tf.math.pow(reads.own().get(0), t);
        Operand<TFloat32> beta2Power = tf.math.pow(reads.own().get(1), t);
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
          applies.add(afterGradients.train.applyAdam(variables.get(i),
              state.slot(names.get(i), "m"), state.slot(names.get(i), "v"), beta1Power,
              beta2Power, rate.apply(i, false), reads.own().get(0), reads.own().get(1),
              reads.own().get(2), gradients.get(i)));
        }
        return applies;
      }
    });
    List<Op> all = new ArrayList<>(applies);
    all.add(tf.withControlDependencies(applies).assignAdd(state.counter(), tf.constant(1L)));
    return all;
  }
}
