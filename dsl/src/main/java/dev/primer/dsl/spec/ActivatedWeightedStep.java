package dev.primer.dsl.spec;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.Role;

/** After a dense or conv layer and its activation: its kernel and bias init may still follow. */
public final class ActivatedWeightedStep extends NetSpec
    implements InitStep<ActivatedWeightedStep> {

  ActivatedWeightedStep(NetSpec spec) {
    super(spec);
  }

  @Override
  public ActivatedWeightedStep init(Init kernel) {
    return new ActivatedWeightedStep(withInit(Role.KERNEL, kernel));
  }

  @Override
  public ActivatedWeightedStep bias(Init bias) {
    return new ActivatedWeightedStep(withInit(Role.BIAS, bias));
  }
}
