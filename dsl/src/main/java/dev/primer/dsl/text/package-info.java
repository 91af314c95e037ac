/**
 * Reading the text form of a spec or of one initializer, with column-precise errors.
 */
package dev.primer.dsl.text;
