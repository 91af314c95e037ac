package dev.primer.samples.sweep;

import dev.primer.samples.compare.RunStatus;
import dev.primer.samples.compare.SchemeRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a depth sweep words a run's status. It is the comparison's status ({@link RunStatus}:
 * stalled means the test loss after epoch 1 was within 1% of ln classes), with one refinement a
 * sweep needs because deeper nets often start late: a run stalled after epoch 1 whose test loss
 * after the last epoch is more than 1% away from ln classes is a {@code slow start} — it got
 * going later. A run still within 1% after its last epoch stays {@code stalled}.
 */
public final class SweepStatus {
  /** The word for a run that stalled in epoch 1 and learned later. */
  public static final String SLOW_START = "slow start";

  private SweepStatus() {
    throw new AssertionError("no instances");
  }

  /** The status of one run: {@code ok}, {@code stalled}, {@code slow start}, ... */
  public static String of(SchemeRun run, int classes, boolean withDetail) {
    if (run.status().kind() == RunStatus.Kind.STALLED && !run.epochs().isEmpty()) {
      double chance = Math.log(classes);
      double last = run.epochs().get(run.epochs().size() - 1).testLoss();
      if (!(Math.abs(last - chance) <= 0.01 * chance)) {
        return SLOW_START;
      }
    }
    return withDetail ? run.status().describe() : run.status().word();
  }

  /** The status of a group of seeds: one word if they agree, else {@code ok 2/3, stalled 1/3}. */
  public static String of(List<SchemeRun> group, int classes) {
    Map<String, Long> counts = group.stream().collect(Collectors.groupingBy(
        r -> of(r, classes, group.size() == 1), LinkedHashMap::new, Collectors.counting()));
    if (counts.size() == 1) {
      return counts.keySet().iterator().next();
    }
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "/"
        + group.size()).collect(Collectors.joining(", "));
  }
}
