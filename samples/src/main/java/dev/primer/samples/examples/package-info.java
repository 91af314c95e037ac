/**
 * Example programs: what a Java app does with Primer from start to end, runnable with {@code
 * ./primer example NAME} and tested. They use only the library's API (tf-bridge and the dsl).
 */
package dev.primer.samples.examples;
