package dev.primer.tf.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs one shard of a depth sweep trained, per depth, as read back to be {@linkplain
 * RunGrid#mergeDepths merged}.
 *
 * @param source where they come from (a results directory), to name it in an error
 * @param shard which slice of the sweep's grid they are
 * @param runsByDepth per depth (hidden layers), the shard's finished runs of that depth
 */
public record SweepShardRuns(String source, Shard shard, Map<Integer, List<SchemeRun>> runsByDepth) {

  /** Copies {@code runsByDepth}. */
  public SweepShardRuns {
    Map<Integer, List<SchemeRun>> copy = new LinkedHashMap<>();
    runsByDepth.forEach((depth, runs) -> copy.put(depth, List.copyOf(runs)));
    runsByDepth = java.util.Collections.unmodifiableMap(copy);
  }
}
