package dev.primer.dsl.layer;

import dev.primer.dsl.activation.Activation;
import java.util.Optional;

/**
 * One entry of a network spec: a layer, the activation applied to its output (if any), the
 * initializers named for its parameters, and whether its parameters are frozen.
 *
 * @param frozen whether training leaves every parameter of the layer as it is: no optimizer
 *     updates them, and a frozen batch norm normalizes with its moving statistics and does not
 *     update them (as Keras does for a layer with {@code trainable = False}); set by the
 *     {@code frozen()} step
 */
public record LayerSpec(
    Layer layer, Optional<Activation> activation, InitChoices inits, boolean frozen) {

  /** An entry that is not frozen. */
  public LayerSpec(Layer layer, Optional<Activation> activation, InitChoices inits) {
    this(layer, activation, inits, false);
  }

  /** A layer with no activation and nothing named, not frozen. */
  public static LayerSpec of(Layer layer) {
    return new LayerSpec(layer, Optional.empty(), InitChoices.NONE, false);
  }

  /** A copy with {@code activation} applied to the layer's output. */
  public LayerSpec withActivation(Activation activation) {
    return new LayerSpec(layer, Optional.of(activation), inits, frozen);
  }

  /** A copy with these initializer choices. */
  public LayerSpec withInits(InitChoices inits) {
    return new LayerSpec(layer, activation, inits, frozen);
  }

  /** A copy whose parameters are frozen. */
  public LayerSpec freeze() {
    return new LayerSpec(layer, activation, inits, true);
  }
}
