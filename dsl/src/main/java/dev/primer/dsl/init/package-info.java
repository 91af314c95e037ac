/**
 * Initializers: a sealed family of immutable values, each family in its own file with its
 * formula; samplers (what the bridge emits), rules (variance scaling, AUTO, framework presets)
 * and data-dependent rules (LSUV, class prior); seeds, roles, gates; {@code Fans}, the one place
 * fans are computed, per gate block for recurrent layers; and {@code InitNames}, the table of
 * every initializer's {@code Signature} (its name, arguments and defaults).
 */
package dev.primer.dsl.init;
