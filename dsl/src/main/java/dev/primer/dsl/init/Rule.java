package dev.primer.dsl.init;

/**
 * An initializer that chooses another initializer from the block it fills: variance scaling
 * (which turns fans into a standard deviation), AUTO, the framework presets, and the
 * data-dependent initializers (whose choice is their pre-init). Applying rules repeatedly ends in
 * a {@link Sampler}.
 */
public sealed interface Rule extends Init
    permits VarianceScaling, Auto, FrameworkDefault, DataInit, NetScheme {

  /** The initializer this rule picks for {@code target}: a sampler, or a more concrete rule. */
  Init choose(Target target);
}
