/**
 * Values and helpers every package of the language shares: shapes, the spec error, how
 * numbers and tables are written, suggestions for misspelt words.
 */
package dev.primer.dsl.base;
