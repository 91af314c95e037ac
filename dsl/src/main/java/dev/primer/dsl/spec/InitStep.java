package dev.primer.dsl.spec;

import dev.primer.dsl.init.Init;

/**
 * Naming the initializers of the last layer's kernel and bias. The layer's own choice wins over
 * the net-wide default and AUTO. Each is named once per layer: calling one twice is refused, as a
 * second activation is (no silent last-wins).
 *
 * @param <S> the step returned, the same step (an activation may still follow where it could)
 */
public interface InitStep<S> {

  /**
   * Sets the kernel initializer of the last layer.
   *
   * @throws dev.primer.dsl.base.SpecException if it cannot fill the kernel (identity on a conv
   *     kernel, delta-orthogonal on a dense one), or the layer's kernel init is already named
   */
  @CheckReturnValue
  S init(Init kernel);

  /**
   * Sets the bias initializer of the last layer.
   *
   * @throws dev.primer.dsl.base.SpecException if it cannot fill a 1-D bias (orthogonal, identity),
   *     or the layer's bias init is already named
   */
  @CheckReturnValue
  S bias(Init bias);
}
