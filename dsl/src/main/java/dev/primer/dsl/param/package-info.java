/**
 * Parametrizations: how a net's initial weights, its output and its per-parameter learning rates
 * scale with its width. {@link dev.primer.dsl.param.Parametrization#standard()} is the usual
 * one; {@link dev.primer.dsl.param.Mup} is Yang et al.'s maximal update parametrization (Tensor
 * Programs V, 2022), under which hyperparameters tuned on a narrow net transfer to a wide one.
 * A spec names one with {@code NetSpec.parametrization(...)} or {@code .mup(base)}; resolution
 * turns it into a {@link dev.primer.dsl.param.Scaling}, which the TensorFlow bridge applies.
 */
package dev.primer.dsl.param;
