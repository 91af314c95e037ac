/**
 * The spec language of Primer. {@link dev.primer.dsl.Net} is where every spec starts:
 * {@code Net.input(784).dense(256).relu().init(HE).dense(10).softmax()} or {@code Net.parse(text)}.
 * Pure Java; no runtime dependency.
 */
package dev.primer.dsl;
