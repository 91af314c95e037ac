package dev.primer.tf.compare;

import java.util.List;

/**
 * How a depth sweep words a run's status: the comparison's {@link RunStatus}, except that a run
 * that stalled after epoch 1 but whose test loss after the last epoch is no longer near chance is
 * a {@code slow start} ({@link SchemeRun#slowStart}): deeper nets often start late. A run still
 * near chance after its last epoch stays {@code stalled}.
 */
public final class SweepStatus {
  /** The word for a run that stalled in epoch 1 and learned later. */
  public static final String SLOW_START = "slow start";

  private SweepStatus() {
    throw new AssertionError("no instances");
  }

  /**
   * The status of one run: {@code ok}, {@code stalled}, {@code slow start}, {@code diverged}
   * ({@code diverged at step 37} with {@code withDetail}), ...
   */
  public static String of(SchemeRun run, int classes, boolean withDetail) {
    if (run.slowStart(classes)) {
      return SLOW_START;
    }
    return withDetail ? run.status().describe() : run.status().word();
  }

  /**
   * The status of a group of seeds: one word if they agree (with its detail for a single run),
   * else {@code ok 2/3, stalled 1/3} ({@link RunStatus#tally}).
   */
  public static String of(List<SchemeRun> group, int classes) {
    return RunStatus.tally(group.stream().map(r -> of(r, classes, group.size() == 1)).toList());
  }
}
