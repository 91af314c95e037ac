package dev.primer.tf.compare;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.internal.stacked.EvenParts;
import dev.primer.tf.internal.stacked.StackedNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which runs of a comparison train together in one graph and which alone, and why, by the rule
 * of {@link RunGrouping#TOGETHER}: the plan asks for it, the net has a stacked form ({@link
 * StackedNet#whyNot}), the run's scheme has no data-dependent step ({@link
 * StackedNet#whyNotScheme}), and at least two runs qualify. The runs that qualify are cut into
 * groups of at most {@link #MOST_RUNS} runs and at most {@link StackedNet#groupSize} (memory),
 * as equal in size as they can be, in the plan's order; each group is one graph, trained after
 * the one before, and its runs are handed to the listener as it ends.
 *
 * @param together the groups, each of two runs or more, in the plan's order; empty if none
 * @param alone in the plan's order
 * @param describe for people: {@code 27 runs train together, in 3 groups of up to 9 runs}
 */
record RunGroups(List<List<PlannedRun>> together, List<PlannedRun> alone, String describe) {

  /**
   * The most runs in one group: 9. The runs of a group finish together, so a comparison stopped
   * (Ctrl-C) during a group keeps none of that group's runs; in groups of at most 9 the default
   * comparison (27 runs) trains in 3 groups, each on disk before the next starts, and an
   * interrupted one loses at most one group, about a third of its runs. Smaller groups pay more
   * session calls and graph builds: on TensorFlow's shared pools a step of compare's net took
   * 0.75–0.81 ms per run in one graph of 9 runs against 0.66–0.69 ms in one of 27 (BENCHMARKS.md,
   * "A comparison as one graph"), about 10% of the comparison's time.
   */
  static final int MOST_RUNS = 9;

  /** The groups of {@code runs}, the plan's runs that are to be trained. */
  static RunGroups of(ComparisonPlan plan, List<PlannedRun> runs) {
    if (plan.grouping() == RunGrouping.SEPARATE) {
      return alone(runs, "as the plan asks (separate runs)");
    }
    if (runs.size() < 2) {
      return alone(runs, "");
    }
    Optional<String> net;
    int size;
    try {
      ResolvedNet resolved = plan.spec().resolve();
      net = StackedNet.whyNot(resolved);
      size = Math.min(MOST_RUNS, StackedNet.groupSize(resolved));
    } catch (IllegalArgumentException e) {
      net = Optional.of(String.valueOf(e.getMessage()));
      size = 0;
    }
    if (net.isPresent()) {
      return alone(runs, net.get());
    }
    Map<String, Optional<String>> byScheme = new LinkedHashMap<>();
    List<PlannedRun> together = new ArrayList<>();
    List<PlannedRun> alone = new ArrayList<>();
    for (PlannedRun run : runs) {
      Optional<String> why = byScheme.computeIfAbsent(run.scheme(), s -> whyNot(plan, s));
      (why.isPresent() ? alone : together).add(run);
    }
    if (together.size() < 2) {
      return alone(runs, together.isEmpty() ? reasons(byScheme) : "only one run can");
    }
    List<List<PlannedRun>> groups = cut(together, size);
    int largest = groups.get(groups.size() - 1).size(); // cut puts the larger groups last
    String text = together.size() + " runs train together, "
        + (groups.size() == 1 ? "in one group" : "in " + groups.size() + " groups of up to "
            + largest + " runs");
    if (!alone.isEmpty()) {
      text += "; " + count(alone.size()) + " one by one: " + reasons(byScheme);
    }
    return new RunGroups(groups, List.copyOf(alone), text);
  }

  /** {@code runs} in order, cut into the fewest groups of at most {@code size}, sizes within 1. */
  static List<List<PlannedRun>> cut(List<PlannedRun> runs, int size) {
    return EvenParts.of(runs, (runs.size() + size - 1) / size);
  }

  private static Optional<String> whyNot(ComparisonPlan plan, String scheme) {
    try {
      ResolvedNet net = plan.spec().withKernelInit(plan.schemes().get(scheme)).resolve();
      return StackedNet.whyNotScheme(net).map(why -> "scheme '" + scheme + "': " + why);
    } catch (IllegalArgumentException e) {
      return Optional.of("scheme '" + scheme + "': " + e.getMessage());
    }
  }

  private static String reasons(Map<String, Optional<String>> byScheme) {
    return String.join("; ", byScheme.values().stream().flatMap(Optional::stream).toList());
  }

  private static RunGroups alone(List<PlannedRun> runs, String why) {
    String text = runs.size() == 1 ? "1 run trains alone"
        : count(runs.size()) + " one by one";
    return new RunGroups(List.of(), List.copyOf(runs), why.isEmpty() ? text : text + ": " + why);
  }

  private static String count(int runs) {
    return runs + (runs == 1 ? " run trains" : " runs train");
  }
}
