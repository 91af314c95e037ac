/**
 * Comparing initialization schemes: one training run per scheme and seed, statuses, the
 * printed table and the CSV and JSON result files.
 */
package dev.primer.samples.compare;
