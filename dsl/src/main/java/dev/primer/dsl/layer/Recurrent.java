package dev.primer.dsl.layer;

import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.init.Cell;
import dev.primer.dsl.init.Role;
import java.util.List;
import java.util.Set;

/**
 * A recurrent layer over a sequence [steps, features]: a state of {@code units} values updated at
 * each step from the step's input and the previous state. Its parameters hold one block of
 * {@code units} columns per gate of its {@link #cell()} (Keras's layout):
 * <pre>
 *   kernel            [features, gates * units]   input to gates
 *   recurrent_kernel  [units,    gates * units]   previous state to gates
 *   bias              [gates * units]
 * </pre>
 * Output: the last state [units], or every state [steps, units] (see {@link Returns}). The state
 * starts at zero.
 */
public sealed interface Recurrent extends Layer permits SimpleRnn, Lstm, Gru {

  /** The size of the state. */
  int units();

  /** The last state or every state. */
  Returns returns();

  /** The gates, in their order along the parameters' last axis. */
  Cell cell();

  /**
   * The nonlinearity of the state update: tanh for LSTM and GRU (their candidate and, for LSTM,
   * the cell output), tanh or relu for a simple recurrence.
   */
  default StateActivation activation() {
    return StateActivation.TANH;
  }

  @Override
  default boolean mixesUnits() {
    return true;
  }

  @Override
  default Set<Role> initializable() {
    return Set.of(Role.KERNEL, Role.RECURRENT_KERNEL, Role.BIAS);
  }

  @Override
  default Shape outputShape(Shape input) {
    Inputs.requireSequence(input);
    return returns() == Returns.LAST ? Shape.of(units()) : Shape.of(input.dim(0), units());
  }

  @Override
  default List<ParameterShape> parameters(Shape input) {
    int width = cell().gates() * units();
    return List.of(
        new ParameterShape(Role.KERNEL, Shape.of(input.last(), width)),
        new ParameterShape(Role.RECURRENT_KERNEL, Shape.of(units(), width)),
        new ParameterShape(Role.BIAS, Shape.of(width)));
  }

  /** How a recurrent layer is built from its arguments. */
  @FunctionalInterface
  interface Factory<R extends Recurrent> {
    /** The recurrent layer with these arguments. */
    R of(int units, Returns returns);
  }

  /** {@code name(units[,last|sequences])}: the last state by default. */
  static <R extends Recurrent> Signature<R> signature(String name, Class<R> type, Factory<R> make) {
    return Signature.named(name)
        .required(Param.integer("units"))
        .optional(Param.choice("returns", Returns.class).or(Returns.LAST))
        .build(v -> make.of(v.integer(0), v.get(1, Returns.class)),
            Signature.writing(type, r -> List.of(r.units(), r.returns())));
  }

  /** Checks the arguments every recurrent layer shares. */
  static void check(int units, Returns returns) {
    Inputs.requirePositive("units", units);
    if (returns == null) {
      throw new IllegalArgumentException("returns must be last or sequences, got null");
    }
  }
}
