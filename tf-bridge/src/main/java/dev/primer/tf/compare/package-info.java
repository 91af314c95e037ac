/**
 * Comparing initialization schemes by training: what {@code primer compare} and
 * {@code primer depth-sweep} run, as library API with results as values.
 *
 * <ul>
 *   <li>{@link dev.primer.tf.compare.Comparison#run} trains one net once per scheme and seed of a
 *       {@link dev.primer.tf.compare.ComparisonPlan} and returns one
 *       {@link dev.primer.tf.compare.SchemeRun} per run: an {@link dev.primer.tf.compare.EpochRow}
 *       per epoch, the wall time, a {@link dev.primer.tf.compare.RunStatus} and the report of a
 *       data-dependent init.</li>
 *   <li>{@link dev.primer.tf.compare.DepthSweep#run} runs one comparison per depth of plain ReLU
 *       MLPs trained with SGD ({@link dev.primer.tf.compare.DepthSweepPlan}; He et al. 2015) and
 *       returns a {@link dev.primer.tf.compare.DepthSweepResult} of
 *       {@link dev.primer.tf.compare.DepthRuns}.</li>
 *   <li>One status rule over the whole run, for comparisons and sweeps alike:
 *       {@link dev.primer.tf.compare.RunStatus#of} (learned, slow start, collapsed, exploded,
 *       never learned, diverged, failed), judged from the per-epoch history.</li>
 *   <li>Statistics over seeds: {@link dev.primer.tf.compare.SchemeSummary#of} gives per scheme
 *       the mean final accuracy with its 95% Student t interval
 *       ({@link dev.primer.tf.compare.SeedMean}) and a paired t test against the best scheme
 *       ({@link dev.primer.tf.compare.VersusBest}).</li>
 *   <li>{@link dev.primer.tf.compare.Transfer#run} pretrains on digits 0-4, saves, and compares
 *       head initializers over the frozen body on 5-9 ({@link dev.primer.tf.compare.TransferPlan},
 *       {@link dev.primer.tf.compare.TransferResult}).</li>
 *   <li>{@link dev.primer.tf.compare.TransformerInits#run} trains a small transformer without
 *       warm-up under each {@link dev.primer.tf.compare.TransformerScheme} on a synthetic
 *       sequence task ({@link dev.primer.tf.compare.TransformerInitsPlan},
 *       {@link dev.primer.tf.compare.TransformerInitsResult}).</li>
 *   <li>{@link dev.primer.tf.compare.Schemes} reads schemes by name; listeners
 *       ({@link dev.primer.tf.compare.ComparisonListener},
 *       {@link dev.primer.tf.compare.DepthSweepListener}) hear the runs as they go;
 *       {@link dev.primer.tf.data.Statistics} averages over seeds.</li>
 * </ul>
 *
 * <p>Plans carry the commands' defaults ({@code ComparisonPlan.defaults()},
 * {@code DepthSweepPlan.defaults()}). Tables, CSV/JSON files, charts and reports are presentation
 * and live in the {@code samples} module.
 */
package dev.primer.tf.compare;
