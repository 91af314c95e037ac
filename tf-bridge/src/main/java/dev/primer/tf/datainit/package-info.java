/**
 * What data-dependent initialization did ({@link dev.primer.tf.datainit.DataInitReport}, {@link
 * dev.primer.tf.datainit.LayerScaling}, {@link dev.primer.tf.datainit.PriorBias}): LSUV rescales
 * each kernel it fills, layer by layer, until the layer's output variance on a batch of training
 * examples is 1 within a tolerance; the class prior sets the output bias from the class
 * frequencies of the training targets. The formulas are in {@code dev.primer.dsl.init.Lsuv} and
 * {@code dev.primer.dsl.init.ClassPrior}; {@code Model.initializeFromData} runs them (and
 * {@code Model.fit} before its first step). The ops that do it are internal
 * ({@code dev.primer.tf.internal.datainit}); this package holds only the report types and imports
 * nothing else of the bridge.
 */
package dev.primer.tf.datainit;
