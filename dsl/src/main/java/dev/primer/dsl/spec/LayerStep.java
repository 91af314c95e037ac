package dev.primer.dsl.spec;

import dev.primer.dsl.activation.Activation;

/** After a layer without parameters to choose (pooling, flatten, batch norm...): an activation may follow. */
public final class LayerStep extends NetSpec implements ActivationStep<NetSpec> {

  LayerStep(NetSpec spec) {
    super(spec);
  }

  @Override
  public NetSpec activation(Activation activation) {
    return withActivation(activation);
  }
}
