package dev.primer.dsl.spec;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.init.Init;

/**
 * After a recurrent layer: an activation of its output, and its kernel, recurrent kernel and
 * bias inits may follow.
 */
public final class RecurrentStep extends InitializableStep<RecurrentStep>
    implements ActivationStep<ActivatedRecurrentStep>, RecurrentInitStep<RecurrentStep> {

  RecurrentStep(NetSpec spec) {
    super(spec);
  }

  @Override
  RecurrentStep same(NetSpec spec) {
    return new RecurrentStep(spec);
  }

  @Override
  public ActivatedRecurrentStep activation(Activation activation) {
    return new ActivatedRecurrentStep(withActivation(activation));
  }

  @Override
  public RecurrentStep recurrentInit(Init recurrentKernel) {
    return withRecurrentInit(recurrentKernel);
  }
}
