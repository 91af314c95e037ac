/**
 * Data-dependent initialization run inside TensorFlow on a compiled model: LSUV rescales each
 * kernel it fills, layer by layer, until the layer's output variance on a batch of training
 * examples is 1 within a tolerance; the class prior sets the output bias from the class
 * frequencies of the training targets. The formulas are in {@code dev.primer.dsl.init.Lsuv} and
 * {@code dev.primer.dsl.init.ClassPrior}; {@link dev.primer.tf.datainit.DataInitializer} runs
 * them and returns a {@link dev.primer.tf.datainit.DataInitReport}. {@code Model.fit} calls it
 * before its first step; {@code Model.initializeFromData} calls it directly.
 */
package dev.primer.tf.datainit;
