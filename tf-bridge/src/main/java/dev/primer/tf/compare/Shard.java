package dev.primer.tf.compare;

/**
 * One slice of a comparison's or a sweep's grid of runs, so that machines that share nothing but
 * a file system (a Slurm job array, a Kubernetes Indexed Job) can each train a part and {@link
 * RunGrid#merge merge} the parts afterwards.
 *
 * <p>The rule: number the runs of the plan from 0 in the plan's order (a comparison: schemes
 * outer, seeds inner; a sweep: depths outer, then schemes, then seeds); run {@code k} belongs to
 * shard {@code k mod count}. Dealing the runs round-robin keeps the shards' sizes within one run
 * of each other and spreads each depth of a sweep (the deep nets cost most) over all shards. The
 * rule depends only on the plan, so every machine computes the same slices without talking to
 * the others.
 *
 * @param index which slice, from 0 (as {@code SLURM_ARRAY_TASK_ID} with {@code --array=0-(n-1)}
 *     and Kubernetes' {@code JOB_COMPLETION_INDEX} count)
 * @param count how many slices the grid is cut into
 */
public record Shard(int index, int count) {

  /** The whole grid: shard 0 of 1. */
  public static final Shard ALL = new Shard(0, 1);

  /**
   * @throws IllegalArgumentException {@code shard index must be in 0..3 for 4 shards, got 4}
   */
  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException("the number of shards must be >= 1, got " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("the shard index must be in 0.." + (count - 1)
          + " for " + count + " shard" + (count == 1 ? "" : "s") + ", got " + index);
    }
  }

  /**
   * Reads {@code i/n}, such as {@code 0/4}.
   *
   * @throws IllegalArgumentException {@code a shard is written i/n with 0 <= i < n, such as
   *     0/4; got '4'}, or the constructor's refusal
   */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2 || !parts[0].trim().matches("\\d{1,9}")
        || !parts[1].trim().matches("\\d{1,9}")) {
      throw new IllegalArgumentException("a shard is written i/n with 0 <= i < n, such as 0/4;"
          + " got '" + text + "'");
    }
    return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
  }

  /** Whether run {@code position} (from 0, in the plan's order) belongs to this shard. */
  public boolean holds(int position) {
    return position % count == index;
  }

  /** The shard that run {@code position} belongs to when the grid is cut into {@code count}. */
  public static Shard of(int position, int count) {
    return new Shard(position % count, count);
  }

  /** How many of {@code runs} runs (positions 0 to runs - 1) belong to this shard. */
  public int size(int runs) {
    return runs / count + (index < runs % count ? 1 : 0);
  }

  /** Whether this is the whole grid ({@link #ALL}). */
  public boolean isAll() {
    return count == 1;
  }

  /** {@code i/n}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return index + "/" + count;
  }
}
