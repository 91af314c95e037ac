package dev.primer.dsl.spec;

import dev.primer.dsl.activation.Activation;

/** After a dense or conv layer: an activation, its kernel init and its bias init may follow. */
public final class WeightedStep extends InitializableStep<WeightedStep>
    implements ActivationStep<ActivatedWeightedStep> {

  WeightedStep(NetSpec spec) {
    super(spec);
  }

  @Override
  WeightedStep same(NetSpec spec) {
    return new WeightedStep(spec);
  }

  @Override
  public ActivatedWeightedStep activation(Activation activation) {
    return new ActivatedWeightedStep(withActivation(activation));
  }
}
