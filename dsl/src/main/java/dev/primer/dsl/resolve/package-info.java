/**
 * A spec with every decision made: shapes through the layers, names, parameters and their
 * resolved initializers (the precedence rules live in {@code InitResolver}); the summary table.
 * Residual and repeated blocks are written out flat by {@code Expansion}, the one place layer
 * names and each layer's {@code Place} are decided.
 */
package dev.primer.dsl.resolve;
