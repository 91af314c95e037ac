package dev.primer.tf.compare;

import java.util.List;

/**
 * What a {@link TransformerInits} comparison found.
 *
 * @param plan what was trained
 * @param runs one run per (scheme, seed) finished, in the plan's order (schemes outer, seeds
 *     inner); fewer than {@link TransformerInitsPlan#runs} if the listener stopped it. A run's
 *     {@link SchemeRun#scheme} is its {@link TransformerScheme#text}; its epochs hold the test
 *     accuracy curve (the fraction of test positions right after each epoch)
 */
public record TransformerInitsResult(TransformerInitsPlan plan, List<SchemeRun> runs) {

  /** Copies {@code runs}. */
  public TransformerInitsResult {
    runs = List.copyOf(runs);
  }

  /** Whether every (scheme, seed) of the plan ran. */
  public boolean complete() {
    return runs.size() == plan.runs();
  }

  /** The runs of {@code scheme}, one per seed finished, in the plan's seed order. */
  public List<SchemeRun> runsOf(TransformerScheme scheme) {
    return runs.stream().filter(r -> r.scheme().equals(scheme.text())).toList();
  }

  /**
   * The test accuracy curves of {@code scheme}: per seed finished, the test accuracy after each
   * completed epoch.
   */
  public List<List<Double>> accuracyCurves(TransformerScheme scheme) {
    return runsOf(scheme).stream()
        .map(r -> r.epochs().stream().map(EpochRow::testAccuracy).toList()).toList();
  }

  /**
   * The mean final test accuracy of {@code scheme} over its seeds, with its 95% interval
   * ({@link SeedMean}); a seed with no completed epoch is left out.
   */
  public SeedMean finalAccuracy(TransformerScheme scheme) {
    return SeedMean.of(runsOf(scheme).stream().map(SchemeRun::finalTestAccuracy).toList());
  }

  /** The statuses of {@code scheme}'s seeds in a table's cell ({@link RunStatus#ofGroup}). */
  public String status(TransformerScheme scheme) {
    List<SchemeRun> group = runsOf(scheme);
    return group.isEmpty() ? "not run" : RunStatus.ofGroup(group);
  }
}
