package dev.primer.tf.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scheme of a comparison summed up over its seeds: the mean final test accuracy with its
 * 95% interval ({@link SeedMean}), whether it is distinguishable from the best scheme
 * ({@link VersusBest}: a paired t test over seeds at α = 0.05) and its runs' statuses.
 * <pre>
 *   for (SchemeSummary s : SchemeSummary.of(Comparison.run(plan, train, test))) {
 *     System.out.println(s.scheme() + " " + s.finalAccuracy().mean() + " "
 *         + s.finalAccuracy().intervalWords() + " " + s.versusBest().describe());
 *   }
 * </pre>
 *
 * @param scheme the scheme's name
 * @param runs its runs, one per seed, in order
 * @param finalAccuracy the test accuracy after each run's last completed epoch, over seeds
 * @param versusBest how it stands against the scheme with the highest mean
 */
public record SchemeSummary(String scheme, List<SchemeRun> runs, SeedMean finalAccuracy,
    VersusBest versusBest) {

  /** Copies {@code runs}. */
  public SchemeSummary {
    runs = List.copyOf(runs);
  }

  /**
   * The summaries of {@code runs}, one per scheme in order of first appearance. The best is
   * the scheme with the highest mean final test accuracy (the first of equals); each other
   * scheme is tested against it, paired by seed. With no final accuracy anywhere, every scheme
   * is {@link VersusBest.Verdict#UNTESTED} against no best ({@code ""}).
   */
  public static List<SchemeSummary> of(List<SchemeRun> runs) {
    Map<String, List<SchemeRun>> byScheme = new LinkedHashMap<>();
    runs.forEach(r -> byScheme.computeIfAbsent(r.scheme(), k -> new ArrayList<>()).add(r));
    Map<String, SeedMean> means = new LinkedHashMap<>();
    String best = "";
    double bestMean = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, List<SchemeRun>> e : byScheme.entrySet()) {
      SeedMean mean = SeedMean.of(e.getValue().stream().map(SchemeRun::finalTestAccuracy)
          .toList());
      means.put(e.getKey(), mean);
      if (mean.seeds() > 0 && mean.mean() > bestMean) {
        best = e.getKey();
        bestMean = mean.mean();
      }
    }
    Map<Long, Double> bestBySeed = best.isEmpty() ? Map.of() : bySeed(byScheme.get(best));
    List<SchemeSummary> summaries = new ArrayList<>();
    for (Map.Entry<String, List<SchemeRun>> e : byScheme.entrySet()) {
      SeedMean mean = means.get(e.getKey());
      VersusBest versus = e.getKey().equals(best) ? VersusBest.best(best, mean.seeds())
          : VersusBest.test(best, bestBySeed, bySeed(e.getValue()));
      summaries.add(new SchemeSummary(e.getKey(), e.getValue(), mean, versus));
    }
    return summaries;
  }

  /** The status of its runs: {@link RunStatus#ofGroup}. */
  public String status() {
    return RunStatus.ofGroup(runs);
  }

  private static Map<Long, Double> bySeed(List<SchemeRun> runs) {
    Map<Long, Double> bySeed = new LinkedHashMap<>();
    runs.forEach(r -> bySeed.put(r.seed(), r.finalTestAccuracy()));
    return bySeed;
  }
}
