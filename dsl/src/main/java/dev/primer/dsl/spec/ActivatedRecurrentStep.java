package dev.primer.dsl.spec;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.Role;

/** After a recurrent layer and the activation of its output: its inits may still follow. */
public final class ActivatedRecurrentStep extends NetSpec
    implements RecurrentInitStep<ActivatedRecurrentStep> {

  ActivatedRecurrentStep(NetSpec spec) {
    super(spec);
  }

  @Override
  public ActivatedRecurrentStep init(Init kernel) {
    return new ActivatedRecurrentStep(withInit(Role.KERNEL, kernel));
  }

  @Override
  public ActivatedRecurrentStep bias(Init bias) {
    return new ActivatedRecurrentStep(withInit(Role.BIAS, bias));
  }

  @Override
  public ActivatedRecurrentStep recurrentInit(Init recurrentKernel) {
    return new ActivatedRecurrentStep(withInit(Role.RECURRENT_KERNEL, recurrentKernel));
  }
}
