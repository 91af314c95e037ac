package dev.primer.dsl.spec;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.Role;

/**
 * After a recurrent layer: an activation of its output, and its kernel, recurrent kernel and
 * bias inits may follow.
 */
public final class RecurrentStep extends NetSpec
    implements ActivationStep<ActivatedRecurrentStep>, RecurrentInitStep<RecurrentStep> {

  RecurrentStep(NetSpec spec) {
    super(spec);
  }

  @Override
  public ActivatedRecurrentStep activation(Activation activation) {
    return new ActivatedRecurrentStep(withActivation(activation));
  }

  @Override
  public RecurrentStep init(Init kernel) {
    return new RecurrentStep(withInit(Role.KERNEL, kernel));
  }

  @Override
  public RecurrentStep bias(Init bias) {
    return new RecurrentStep(withInit(Role.BIAS, bias));
  }

  @Override
  public RecurrentStep recurrentInit(Init recurrentKernel) {
    return new RecurrentStep(withInit(Role.RECURRENT_KERNEL, recurrentKernel));
  }
}
