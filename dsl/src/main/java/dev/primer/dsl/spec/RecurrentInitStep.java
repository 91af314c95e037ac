package dev.primer.dsl.spec;

import dev.primer.dsl.init.Init;

/**
 * Naming the initializers of the last recurrent layer: kernel, bias and the recurrent
 * (state-to-state) kernel, applied per gate.
 *
 * @param <S> the step returned
 */
public interface RecurrentInitStep<S> extends InitStep<S> {

  /** Sets the recurrent kernel initializer of the last layer (AUTO: orthogonal per gate). */
  @CheckReturnValue
  S recurrentInit(Init recurrentKernel);
}
