/**
 * Internal: how the API packages are built on TensorFlow Java. Nothing here is API and there is
 * no compatibility promise: classes, methods and behaviour may change in any release. No public
 * signature of an API package ({@code dev.primer.tf}, {@code .train}, {@code .data}, {@code .compare},
 * {@code .datainit}, {@code .diagnose}, {@code .summary}, {@code .io}, {@code .device},
 * {@code .bench}, {@code .saved}) mentions a type of these packages.
 *
 * <ul>
 *   <li>{@code internal.graph} — a resolved net as ops: variables, the forward pass, activations,
 *       batch shapes, which value is the logits, and the compiled graph of a model;
 *   <li>{@code internal.init} — every initializer as stateless random ops;
 *   <li>{@code internal.train} — the one training-step builder, losses and optimizers as ops, the
 *       data variables, evaluation and prediction runs;
 *   <li>{@code internal.datainit} — LSUV and the class prior run on a compiled model;
 *   <li>{@code internal.saved} — a model written as a TensorFlow SavedModel and read back.
 * </ul>
 */
package dev.primer.tf.internal;
