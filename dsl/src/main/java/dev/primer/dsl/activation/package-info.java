/**
 * Activations, each kind with its {@code Signature} in the chain, and their gains:
 * {@code Gain} is the one gain table, and its {@code scale} (the gain squared) is what AUTO and
 * the He, Glorot and LeCun presets use.
 */
package dev.primer.dsl.activation;
