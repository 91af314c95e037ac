/**
 * Reading the text form of a spec or of one initializer, with column-precise errors. The parser
 * knows the grammar and the steps that are not layers (input, init, bias, defaults); every
 * layer, activation and initializer call is read and checked by its {@code Signature}.
 */
package dev.primer.dsl.text;
