package dev.primer.dsl.init;

import dev.primer.dsl.activation.Activation;
import java.util.Arrays;
import java.util.Optional;

/**
 * The block of a parameter that one initializer fills, with everything a rule needs to choose
 * values for it: a whole dense or conv kernel, or one gate's slice of a recurrent parameter.
 *
 * @param role what the parameter does
 * @param shape the block's shape (one gate's slice for recurrent parameters)
 * @param fans the block's fans; for a bias, those of the matching kernel block
 * @param activation the activation that follows the layer, if any (see AUTO)
 * @param cell the recurrent cell, or {@link Cell#NONE}
 * @param gate the block's gate index in {@code cell}, 0 when not recurrent
 * @param units the recurrent layer's units, or the block's last dimension otherwise
 */
public record Target(
    Role role, int[] shape, Fans fans, Optional<Activation> activation, Cell cell, int gate,
    int units) {

  /** Copies {@code shape}, so the record stays immutable. */
  public Target {
    shape = shape.clone();
  }

  /** The block's shape, a copy. */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The number of dimensions of {@link #shape()}. */
  public int rank() {
    return shape.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Target t && role == t.role && Arrays.equals(shape, t.shape)
        && fans.equals(t.fans) && activation.equals(t.activation) && cell == t.cell
        && gate == t.gate && units == t.units;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shape) * 31 + role.hashCode();
  }

  @Override
  public String toString() {
    return role.paramName() + Arrays.toString(shape);
  }
}
