package dev.primer.tf.compare;

import dev.primer.dsl.resolve.ResolvedNet;
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
 * StackedNet#whyNotScheme}), and at least two runs qualify.
 *
 * @param together in the plan's order; empty, or two runs or more
 * @param alone in the plan's order
 * @param describe for people: {@code 27 runs train together in one graph}
 */
record RunGroups(List<PlannedRun> together, List<PlannedRun> alone, String describe) {

  /** The groups of {@code runs}, the plan's runs that are to be trained. */
  static RunGroups of(ComparisonPlan plan, List<PlannedRun> runs) {
    if (plan.grouping() == RunGrouping.SEPARATE) {
      return alone(runs, "as the plan asks (separate runs)");
    }
    if (runs.size() < 2) {
      return alone(runs, "");
    }
    Optional<String> net;
    try {
      net = StackedNet.whyNot(plan.spec().resolve(), runs.size());
    } catch (IllegalArgumentException e) {
      net = Optional.of(String.valueOf(e.getMessage()));
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
    String text = together.size() + " runs train together in one graph";
    if (!alone.isEmpty()) {
      text += "; " + count(alone.size()) + " one by one: " + reasons(byScheme);
    }
    return new RunGroups(List.copyOf(together), List.copyOf(alone), text);
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
