package dev.primer.tf.internal.train;

import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * Emits one optimizer step as TensorFlow ops over an explicit list of variables (never every
 * variable in the graph, as the framework's {@code Optimizer.minimize} does). Each optimizer is
 * mapped by an {@link Optimizer.Visitor}: a new optimizer does not compile until it is handled.
 *
 * <p>Ordering makes the step correct and reproducible: every apply op waits for all gradients
 * (an apply updates its reference variable in place, and a gradient still reading it would mix
 * old and new weights), and Adam's beta powers are updated only after every apply.
 */
public final class OptimizerOps {
  private OptimizerOps() {
    throw new AssertionError("no instances");
  }

  /**
   * The ops of one step: apply ops per variable and the optimizer's own bookkeeping.
   *
   * @param gradients one per variable, in the same order
   */
  public static List<Op> step(
      Ops tf, Optimizer optimizer, List<String> names, List<Variable<TFloat32>> variables,
      List<Output<?>> gradients) {
    Ops afterGradients = tf.withControlDependencies(new ArrayList<Op>(gradients));
    Ops slots = tf.withSubScope("optimizer");
    Operand<TFloat32> lr = tf.constant((float) optimizer.learningRate());
    return optimizer.accept(new Optimizer.Visitor<List<Op>>() {
      @Override
      public List<Op> sgd(Optimizer.Sgd sgd) {
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
          Variable<TFloat32> v = variables.get(i);
          Operand<TFloat32> g = gradient(gradients, i);
          if (sgd.momentum() == 0) {
            applies.add(afterGradients.train.applyGradientDescent(v, lr, g));
          } else {
            applies.add(afterGradients.train.applyMomentum(v,
                slot(slots, names.get(i), "momentum", v), lr, g,
                tf.constant((float) sgd.momentum()), ApplyMomentum.useNesterov(sgd.nesterov())));
          }
        }
        return applies;
      }

      @Override
      public List<Op> rmsProp(Optimizer.RmsProp rms) {
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
          Variable<TFloat32> v = variables.get(i);
          applies.add(afterGradients.train.applyRmsProp(v, slot(slots, names.get(i), "ms", v),
              slot(slots, names.get(i), "mom", v), lr, tf.constant((float) rms.rho()),
              tf.constant((float) rms.momentum()), tf.constant((float) rms.epsilon()),
              gradient(gradients, i)));
        }
        return applies;
      }

      @Override
      public List<Op> adam(Optimizer.Adam adam) {
        Variable<TFloat32> beta1Power =
            slots.withName("beta1_power").variable(tf.constant((float) adam.beta1()));
        Variable<TFloat32> beta2Power =
            slots.withName("beta2_power").variable(tf.constant((float) adam.beta2()));
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
          Variable<TFloat32> v = variables.get(i);
          applies.add(afterGradients.train.applyAdam(v, slot(slots, names.get(i), "m", v),
              slot(slots, names.get(i), "v", v), beta1Power, beta2Power, lr,
              tf.constant((float) adam.beta1()), tf.constant((float) adam.beta2()),
              tf.constant((float) adam.epsilon()), gradient(gradients, i)));
        }
        Ops afterApplies = tf.withControlDependencies(applies);
        List<Op> all = new ArrayList<>(applies);
        all.add(afterApplies.assign(beta1Power, afterApplies.math.mul(
            afterApplies.identity(beta1Power), tf.constant((float) adam.beta1()))));
        all.add(afterApplies.assign(beta2Power, afterApplies.math.mul(
            afterApplies.identity(beta2Power), tf.constant((float) adam.beta2()))));
        return all;
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> gradient(List<Output<?>> gradients, int i) {
    return (Operand<TFloat32>) gradients.get(i);
  }

  /**
   * A zero-initialised slot variable shaped like {@code v}; its initial value depends on the
   * static shape only, never on {@code v}'s value (initializers run in no particular order).
   */
  private static Variable<TFloat32> slot(Ops tf, String name, String kind, Variable<TFloat32> v) {
    return tf.withName(name.replace('/', '_') + "_" + kind)
        .variable(tf.zeros(tf.constant(v.shape()), TFloat32.class));
  }
}
