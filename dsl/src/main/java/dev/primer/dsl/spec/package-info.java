/**
 * The immutable spec value and the step types of the fluent chain, which say what may follow
 * each layer (the init steps share one package-private base); the writer of the text form. The
 * layer methods build through each kind's {@code Signature}, so their defaults are the parser's
 * and the writer's.
 */
package dev.primer.dsl.spec;
