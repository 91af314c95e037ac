/**
 * Initializers: a sealed family of immutable values, each family in its own file with its
 * formula; samplers (what the bridge emits), rules (variance scaling, AUTO, framework presets)
 * and data-dependent rules (LSUV, class prior); fans, seeds, roles, gates and the table of
 * names.
 */
package dev.primer.dsl.init;
