package dev.primer.tf.compare;

import java.util.List;

/**
 * The runs one shard of a comparison trained, as read back to be {@linkplain RunGrid#merge
 * merged}.
 *
 * @param source where they come from (a results directory), to name it in an error
 * @param shard which slice of the grid they are
 * @param runs the shard's finished runs, in any order
 */
public record ShardRuns(String source, Shard shard, List<SchemeRun> runs) {

  /** Copies {@code runs}. */
  public ShardRuns {
    runs = List.copyOf(runs);
  }
}
