package dev.primer.dsl.spec;

/** After a dense or conv layer and its activation: its kernel and bias init may still follow. */
public final class ActivatedWeightedStep extends InitializableStep<ActivatedWeightedStep> {

  ActivatedWeightedStep(NetSpec spec) {
    super(spec);
  }

  @Override
  ActivatedWeightedStep same(NetSpec spec) {
    return new ActivatedWeightedStep(spec);
  }
}
