/**
 * Activations and their gains (the one gain table).
 */
package dev.primer.dsl.activation;
