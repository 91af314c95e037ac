/**
 * The immutable spec value and the step types of the fluent chain, which say what may follow
 * each layer; the writer of the text form.
 */
package dev.primer.dsl.spec;
