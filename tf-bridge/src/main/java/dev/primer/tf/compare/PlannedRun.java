package dev.primer.tf.compare;

/**
 * One (scheme, seed) pair of a comparison, by its place in the plan.
 *
 * @param index its position in the plan's order (schemes outer, seeds inner), from 1
 * @param scheme the scheme's text name
 * @param seed the run's seed
 */
public record PlannedRun(int index, String scheme, long seed) {}
