package dev.primer.tf.internal.train;

import dev.primer.tf.internal.graph.SessionCalls;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * An epoch's count of correctly classified training examples, kept in the graph: every step
 * adds its batch's count ({@link #add}) and fit reads the sum once per epoch ({@link #read})
 * instead of fetching a count from every step. Held in float64, so sums of whole counts stay
 * exact up to 2^53.
 */
public final class CorrectCount {
  private final Variable<TFloat64> sum;
  private final Op reset;

  /** Adds the sum, zero, named {@code correct_sum} under {@code tf}'s scope. */
  public CorrectCount(Ops tf) {
    sum = tf.withName("correct_sum").variable(tf.constant(0.0));
    reset = tf.assign(sum, tf.constant(0.0));
  }

  /** An op adding {@code correct}, a step's count, to the sum. */
  public Op add(Ops tf, Operand<TFloat32> correct) {
    return tf.assignAdd(sum, tf.dtypes.cast(correct, TFloat64.class));
  }

  /** Sets the sum to zero: at the start of an epoch. */
  public void reset(Session session) {
    SessionCalls.runner(session).addTarget(reset).run().close();
  }

  /** The sum: the examples counted correct since the last {@link #reset}. */
  public double read(Session session) {
    try (Result r = SessionCalls.runner(session).fetch(sum).run()) {
      return ((TFloat64) r.get(0)).getDouble();
    }
  }
}
