package dev.primer.dsl.init;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.activation.Gain;
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
 * @param inputMoment the second moment of the signal entering the layer, as AUTO's signal
 *     propagation over the net computes it (1 for standardised input; see
 *     {@code dev.primer.dsl.resolve.SignalPropagation}); &gt; 0
 * @param place where the layer sits in the net's residual structure (see {@link Place})
 */
public record Target(
    Role role, int[] shape, Fans fans, Optional<Activation> activation, Cell cell, int gate,
    int units, double inputMoment, Place place) {

  /** Copies {@code shape}, so the record stays immutable. */
  public Target {
    shape = shape.clone();
    if (!(inputMoment > 0) || !Double.isFinite(inputMoment)) {
      throw new IllegalArgumentException("inputMoment must be finite and > 0, got " + inputMoment);
    }
    java.util.Objects.requireNonNull(place, "place");
  }

  /** A block of a layer of a plain chain (not its output layer): {@link Place#PLAIN}. */
  public Target(Role role, int[] shape, Fans fans, Optional<Activation> activation, Cell cell,
      int gate, int units, double inputMoment) {
    this(role, shape, fans, activation, cell, gate, units, inputMoment, Place.PLAIN);
  }

  /**
   * A block of a layer that sits in a long chain of layers with its own activation: its input's
   * second moment is what that activation passes on at the fixed point, E[phi(z)^2] for
   * z ~ N(0, 1) (1/2 for relu, so AUTO gives He), or 1 without an activation.
   */
  public Target(Role role, int[] shape, Fans fans, Optional<Activation> activation, Cell cell,
      int gate, int units) {
    this(role, shape, fans, activation, cell, gate, units, steadyMoment(activation), Place.PLAIN);
  }

  private static double steadyMoment(Optional<Activation> activation) {
    return activation.filter(a -> a.kind() != Activation.Kind.SOFTMAX)
        .map(a -> Gain.secondMoment(a, 1)).orElse(1.0);
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
        && gate == t.gate && units == t.units
        && Double.compare(inputMoment, t.inputMoment) == 0 && place.equals(t.place);
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
