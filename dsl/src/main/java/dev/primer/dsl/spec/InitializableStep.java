package dev.primer.dsl.spec;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.Role;

/**
 * What the steps after a layer with parameters share: naming the last layer's kernel, bias and
 * (for recurrent layers) recurrent kernel initializers, each returning the same step {@code S}.
 * Package-private: callers see the methods on {@link WeightedStep}, {@link RecurrentStep} and
 * their activated forms.
 *
 * @param <S> the step returned, the subclass itself
 */
abstract class InitializableStep<S extends NetSpec> extends NetSpec implements InitStep<S> {

  InitializableStep(NetSpec spec) {
    super(spec);
  }

  /** The same step type holding {@code spec}. */
  abstract S same(NetSpec spec);

  @Override
  public S init(Init kernel) {
    return same(withInit(Role.KERNEL, kernel));
  }

  @Override
  public S bias(Init bias) {
    return same(withInit(Role.BIAS, bias));
  }

  /** For the recurrent steps' {@code recurrentInit}. */
  S withRecurrentInit(Init recurrentKernel) {
    return same(withInit(Role.RECURRENT_KERNEL, recurrentKernel));
  }
}
