package dev.primer.tf.compare;

import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.compare.SchemeRun;
import java.util.List;

/**
 * The runs of one depth of a sweep.
 *
 * @param depth hidden layers of the net
 * @param net the net trained, with its default kernel init (each scheme replaced it)
 * @param runs one per scheme and seed: schemes outer, seeds inner
 */
public record DepthRuns(int depth, NetSpec net, List<SchemeRun> runs) {

  /** Copies {@code runs}. */
  public DepthRuns {
    runs = List.copyOf(runs);
  }

  /** The runs of {@code scheme}, one per seed; empty if it was not run. */
  public List<SchemeRun> runsOf(String scheme) {
    return runs.stream().filter(r -> r.scheme().equals(scheme)).toList();
  }
}
