package dev.primer.tf.compare;

import dev.primer.tf.compare.SchemeRun;
import dev.primer.tf.data.Statistics;
import java.util.ArrayList;
import java.util.List;

/**
 * What a depth sweep gave, as values: the runs per depth, with the mean final accuracy and the
 * status of each (depth, scheme). A sweep that was stopped early holds fewer runs than its plan
 * ({@link #isComplete}): a depth not reached has none.
 *
 * @param plan what was run
 * @param depths the runs per depth, in the plan's order
 * @param classes the number of classes of the data
 */
public record DepthSweepResult(DepthSweepPlan plan, List<DepthRuns> depths, int classes) {

  /** Copies {@code depths}. */
  public DepthSweepResult {
    depths = List.copyOf(depths);
  }

  /** The runs of {@code depth}. */
  public DepthRuns at(int depth) {
    return depths.stream().filter(d -> d.depth() == depth).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("depth sweep: depth " + depth
            + " was not run; depths: " + plan.depths()));
  }

  /**
   * The mean over seeds of the test accuracy after the last completed epoch (a fraction), NaN
   * if no seed completed an epoch.
   */
  public double meanFinalAccuracy(int depth, String scheme) {
    return Statistics.mean(at(depth).runsOf(scheme).stream()
        .map(SchemeRun::finalTestAccuracy).toList());
  }

  /**
   * The status of (depth, scheme) as {@link RunStatus#ofGroup} words it: {@code learned},
   * {@code slow start}, {@code never learned}, ..., or for mixed seeds
   * {@code learned 2/3, slow start 1/3}.
   */
  public String status(int depth, String scheme) {
    return RunStatus.ofGroup(at(depth).runsOf(scheme));
  }

  /**
   * The schemes of {@code depth} summed up over seeds: mean final accuracy, its 95% interval and
   * the paired test against that depth's best ({@link SchemeSummary#of}).
   */
  public List<SchemeSummary> summaries(int depth) {
    return SchemeSummary.of(at(depth).runs());
  }

  /** Whether every (depth, scheme, seed) of the plan finished. */
  public boolean isComplete() {
    return allRuns().size() == plan.runs();
  }

  /** Every run, depth by depth. */
  public List<SchemeRun> allRuns() {
    List<SchemeRun> all = new ArrayList<>();
    depths.forEach(d -> all.addAll(d.runs()));
    return all;
  }
}
