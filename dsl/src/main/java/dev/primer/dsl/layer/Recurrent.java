package dev.primer.dsl.layer;

import dev.primer.dsl.init.Cell;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.base.Shape;
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

  int units();

  Returns returns();

  Cell cell();

  @Override
  default boolean mixesUnits() {
    return true;
  }

  @Override
  default Set<Role> initializable() {
    return Set.of(Role.KERNEL, Role.RECURRENT_KERNEL, Role.BIAS);
  }

  @Override
  default List<Object> arguments() {
    return returns() == Returns.LAST ? List.of(units()) : List.of(units(), returns());
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

  /** Checks the arguments every recurrent layer shares. */
  static void check(int units, Returns returns) {
    Inputs.requirePositive("units", units);
    if (returns == null) {
      throw new IllegalArgumentException("returns must be last or sequences, got null");
    }
  }
}
