package dev.primer.dsl.init;

import java.util.Optional;

/**
 * How a parameter tensor gets its first values: a closed family of immutable values.
 *
 * <p>A {@link Sampler} says exactly how to draw the values (a distribution or a construction such
 * as an orthogonal matrix); a {@link Rule} chooses a sampler from the parameter it fills (its
 * fans, its layer's activation): variance scaling and its presets, AUTO, the framework presets.
 * The bridge to TensorFlow emits ops for samplers only; every rule is resolved first, in
 * {@code dev.primer.dsl.resolve}. A {@link DataInit} (LSUV, class prior) is a rule whose sampler
 * is only a pre-init: it stays on the resolved parameter, and the bridge finishes it on data.
 *
 * <p>The presets and factories are in {@link Inits}; their text names in
 * {@link InitNames}.
 */
public sealed interface Init permits Sampler, Rule {

  /** Calls the visitor's method for this initializer. */
  <R> R accept(Visitor<R> visitor);

  /** One method per initializer: the samplers', the data-dependent ones' and the other rules'. */
  interface Visitor<R> extends Sampler.Visitor<R>, DataInit.Visitor<R>, NetScheme.Visitor<R> {
    /** Visits a {@link VarianceScaling} (and the presets built on it). */
    R varianceScaling(VarianceScaling v);

    /** Visits {@link Auto}: the scheme chosen from the layer and its activation. */
    R auto(Auto a);

    /** Visits a {@link FrameworkDefault}: Keras's or PyTorch's default for the layer. */
    R frameworkDefault(FrameworkDefault f);
  }

  /**
   * Why this initializer cannot fill a parameter of this role and rank, or empty if it can:
   * identity needs a 2-D parameter, orthogonal rank &gt;= 2, and so on. Checked when the init is
   * attached to a layer, before any shape is known.
   */
  default Optional<String> misfit(Role role, int rank) {
    return Optional.empty();
  }

  /**
   * Whether this initializer, chosen for a layer's kernel (by the layer or net-wide), also
   * decides the layer's parameter of {@code role} where that names no init of its own: a
   * framework preset decides biases and recurrent kernels, a {@link NetScheme} every parameter.
   * False for the rest: they fill kernels only.
   */
  default boolean alsoDecides(Role role) {
    return false;
  }
}
