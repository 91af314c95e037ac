package dev.primer.tf.internal.train;

import dev.primer.tf.internal.graph.SessionCalls;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A float vector held in a variable and set from Java by one fed assign: the values of a
 * training graph that change between fits (hyperparameters, class weights) without adding ops.
 */
public final class SettableVector {
  private final Variable<TFloat32> variable;
  private final Placeholder<TFloat32> in;
  private final Assign<TFloat32> assign;
  private final int size;

  /** Adds the variable {@code name}, holding {@code initial} until first set. */
  public SettableVector(Ops tf, String name, float[] initial) {
    size = initial.length;
    variable = tf.withName(name).variable(tf.constant(initial));
    in = tf.withName(name + "_in").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(size)));
    assign = tf.withName(name + "_set").assign(variable, in);
  }

  /** The vector's current value, read when a run needs it. */
  public Operand<TFloat32> read(Ops tf) {
    return tf.identity(variable);
  }

  /** Assigns {@code values}, as many as the vector holds. */
  public void set(Session session, float[] values) {
    if (values.length != size) {
      throw new IllegalArgumentException(
          "a vector of " + size + " values was set to " + values.length);
    }
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(size), DataBuffers.of(values, true, false));
         Result r = SessionCalls.runner(session).feed(in, t).addTarget(assign).run()) {
      // assigned
    }
  }
}
