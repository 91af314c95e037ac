/**
 * A spec with every decision made: shapes through the layers, names, parameters and their
 * resolved initializers (the precedence rules live in {@code InitResolver}); the summary table.
 */
package dev.primer.dsl.resolve;
