/**
 * Values and helpers every package of the language shares: shapes, the spec error,
 * suggestions for misspelt words; {@code Signature} and {@code Param}, the one engine that
 * knows a call's name, typed arguments and defaults and reads, checks and writes them (for the
 * layer kinds, activations and initializers alike); and the display helpers every Primer module
 * uses: {@code Numbers} (every number format, text form and reports) and {@code TextTable}.
 */
package dev.primer.dsl.base;
