/**
 * Reports people would rather look at than read: PNG charts drawn with XChart (training curves
 * per scheme with a band over seeds, each layer's signal at initialization, a depth sweep's
 * accuracy grid), a self-contained {@code report.html} with the run's tables and charts, and
 * TensorBoard runs.
 */
package dev.primer.samples.report;
