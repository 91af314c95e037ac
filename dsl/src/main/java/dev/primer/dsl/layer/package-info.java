/**
 * Layer kinds, one record each with its shape rules, parameter shapes and {@code Signature} (its
 * name, typed arguments and defaults in the chain and the text form); {@code LayerKinds}, the one
 * list of them; the shared rules of pooling ({@code Pool2d}) and recurrent layers; and the entry
 * of a spec that pairs a layer with its activation and named initializers. {@code Residual} and
 * {@code Repeat} hold a block of entries ({@code Fragment}); {@code LayerText} writes entries in
 * the text form.
 */
package dev.primer.dsl.layer;
