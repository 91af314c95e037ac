/**
 * Layer kinds, one record each with its shape rules and parameter shapes, and the entry of a
 * spec that pairs a layer with its activation and named initializers.
 */
package dev.primer.dsl.layer;
