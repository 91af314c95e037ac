package dev.primer.dsl.spec;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.Role;

/** After a dense or conv layer: an activation, its kernel init and its bias init may follow. */
public final class WeightedStep extends NetSpec
    implements ActivationStep<ActivatedWeightedStep>, InitStep<WeightedStep> {

  WeightedStep(NetSpec spec) {
    super(spec);
  }

  @Override
  public ActivatedWeightedStep activation(Activation activation) {
    return new ActivatedWeightedStep(withActivation(activation));
  }

  @Override
  public WeightedStep init(Init kernel) {
    return new WeightedStep(withInit(Role.KERNEL, kernel));
  }

  @Override
  public WeightedStep bias(Init bias) {
    return new WeightedStep(withInit(Role.BIAS, bias));
  }
}
