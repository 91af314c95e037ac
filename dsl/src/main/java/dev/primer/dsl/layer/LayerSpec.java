package dev.primer.dsl.layer;

import dev.primer.dsl.activation.Activation;
import java.util.Optional;

/**
 * One entry of a network spec: a layer, the activation applied to its output (if any) and the
 * initializers named for its parameters.
 */
public record LayerSpec(Layer layer, Optional<Activation> activation, InitChoices inits) {

  /** A layer with no activation and nothing named. */
  public static LayerSpec of(Layer layer) {
    return new LayerSpec(layer, Optional.empty(), InitChoices.NONE);
  }

  /** This layer with {@code activation} after it, in place of any it had. */
  public LayerSpec withActivation(Activation activation) {
    return new LayerSpec(layer, Optional.of(activation), inits);
  }

  /** This layer with {@code inits} in place of its initializer choices. */
  public LayerSpec withInits(InitChoices inits) {
    return new LayerSpec(layer, activation, inits);
  }
}
