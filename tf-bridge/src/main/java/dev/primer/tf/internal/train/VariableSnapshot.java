package dev.primer.tf.internal.train;

import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.SessionCalls;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * A copy of some float variables of a model's graph, held in TensorFlow next to them: one copy
 * variable per variable, filled by {@link #save} and written back by {@link #restore}, each one
 * session run of assigns (a memory copy on the device; nothing crosses into Java). What fit
 * keeps to undo a diverged epoch and to restore an early-stopped run's best weights. Costs one
 * more copy of the variables' memory, allocated at the first save.
 */
public final class VariableSnapshot {
  private final CompiledGraph g;
  private final Op save;
  private final Op restore;
  private final long values;
  private volatile boolean saved;

  private VariableSnapshot(CompiledGraph g, Op save, Op restore, long values) {
    this.g = g;
    this.save = save;
    this.restore = restore;
    this.values = values;
  }

  /**
   * A snapshot of {@code variables} (reference variables of type float, by op name), its ops
   * added under {@code snapshot_<purpose>} to the graph.
   */
  public static VariableSnapshot of(CompiledGraph g, String purpose,
      Map<String, Output<TFloat32>> variables) {
    return g.build(() -> {
      Ops tf = g.tf().withSubScope("snapshot_" + purpose);
      List<Op> saves = new ArrayList<>();
      List<Op> restores = new ArrayList<>();
      long values = 0;
      for (Output<TFloat32> v : variables.values()) {
        Variable<TFloat32> copy = tf.variable(org.tensorflow.ndarray.Shape.unknown(),
            TFloat32.class);
        saves.add(tf.assign(copy, tf.identity(v), Assign.validateShape(false)));
        restores.add(tf.assign(v, tf.identity(copy)));
        values += Math.max(0, v.shape().size());
      }
      return new VariableSnapshot(g, tf.withControlDependencies(saves).withName("save").noOp(),
          tf.withControlDependencies(restores).withName("restore").noOp(), values);
    });
  }

  /**
   * The float reference variables that computing {@code target} reads or writes (found by
   * walking its inputs and control inputs), less {@code excluded}, by op name: a training
   * step's weights and optimizer state.
   */
  public static Map<String, Output<TFloat32>> variablesOf(Op target,
      Collection<? extends Operand<?>> excluded) {
    Set<String> skip = new HashSet<>();
    excluded.forEach(e -> skip.add(e.op().name()));
    Map<String, Output<TFloat32>> found = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    Deque<GraphOperation> todo = new ArrayDeque<>();
    todo.add((GraphOperation) target.op());
    while (!todo.isEmpty()) {
      GraphOperation op = todo.pop();
      if (!seen.add(op.name())) {
        continue;
      }
      if (isFloatVariable(op)) {
        if (!skip.contains(op.name())) {
          found.put(op.name(), op.output(0));
        }
        continue;
      }
      for (Operand<?> in : op.inputs()) {
        todo.add((GraphOperation) in.op());
      }
      todo.addAll(op.controlInputs());
    }
    return found;
  }

  private static boolean isFloatVariable(GraphOperation op) {
    return (op.type().equals("VariableV2") || op.type().equals("Variable"))
        && op.attributes().getAttrType("dtype") == DataType.DT_FLOAT;
  }

  /** How many float values it holds: its memory is four bytes each. */
  public long values() {
    return values;
  }

  /** Copies the variables' current values into the snapshot. */
  public void save() {
    SessionCalls.runner(g.session()).addTarget(save).run().close();
    saved = true;
  }

  /**
   * Writes the saved values back into the variables.
   *
   * @throws IllegalStateException if nothing was saved yet
   */
  public void restore() {
    if (!saved) {
      throw new IllegalStateException("snapshot: nothing saved to restore");
    }
    SessionCalls.runner(g.session()).addTarget(restore).run().close();
  }
}
