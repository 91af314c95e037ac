package dev.primer.dsl.spec;

import dev.primer.dsl.init.Init;

/** After a recurrent layer and the activation of its output: its inits may still follow. */
public final class ActivatedRecurrentStep extends InitializableStep<ActivatedRecurrentStep>
    implements RecurrentInitStep<ActivatedRecurrentStep> {

  ActivatedRecurrentStep(NetSpec spec) {
    super(spec);
  }

  @Override
  ActivatedRecurrentStep same(NetSpec spec) {
    return new ActivatedRecurrentStep(spec);
  }

  @Override
  public ActivatedRecurrentStep recurrentInit(Init recurrentKernel) {
    return withRecurrentInit(recurrentKernel);
  }
}
