package dev.primer.tf.compare;

/**
 * How a comparison or a sweep is carried out, as opposed to what it trains (the plan): how many
 * runs train at once in this process, and which {@link Shard} of the grid this process trains.
 * Neither changes a run's result: every run compiles its own model from its plan, scheme and
 * seed, so a run trained in parallel or on another machine is bitwise the run trained alone.
 *
 * <p><b>Jobs.</b> With {@code jobs > 1}, that many worker threads each take the next run of the
 * plan, in the plan's order, compile it (its own graph and session) and train it. TensorFlow's
 * CPU kernels run on one thread pool per process (TensorFlow's {@code LocalDevice} makes it once,
 * with the first session's size, one thread per core by default, and every later session
 * shares it), so the jobs divide the cores between them as their ops come, and the pool's size
 * (which decides how an op is cut into pieces, and so its rounding) is the same as with one job.
 * Sessions with threads of their own ({@code CompileOptions.withThreads}, TensorFlow's {@code
 * use_per_session_threads}) would use the cores better on small steps, as the default grouping's
 * lanes do, but may cut larger ops otherwise and so round them otherwise than one job; the jobs
 * keep the shared pool. Memory grows with the jobs: each holds a model and its training graph.
 *
 * @param jobs runs trained at once, 1 to {@link #maxJobs()}
 * @param shard the slice of the grid this process trains; {@link Shard#ALL} for all of it
 */
public record Execution(int jobs, Shard shard) {

  /** One run at a time, the whole grid: what {@link Comparison#run} does without one. */
  public static final Execution SEQUENTIAL = new Execution(1, Shard.ALL);

  /**
   * @throws IllegalArgumentException for jobs outside 1 to {@link #maxJobs()}: {@code jobs must
   *     be between 1 and 8 (4 per core, 2 cores), got 0}
   */
  public Execution {
    if (jobs < 1 || jobs > maxJobs()) {
      throw new IllegalArgumentException("jobs must be between 1 and " + maxJobs()
          + " (4 per core, " + cores() + " core" + (cores() == 1 ? "" : "s") + "), got " + jobs);
    }
    if (shard == null) {
      throw new IllegalArgumentException("an execution needs a shard; Shard.ALL for every run");
    }
  }

  /**
   * The most jobs allowed: 4 per core the JVM sees. More runs at once than cores only helps
   * while runs wait (compiling, evaluating); far more only costs memory.
   */
  public static int maxJobs() {
    return 4 * cores();
  }

  /** The cores the JVM sees ({@link Runtime#availableProcessors}). */
  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Another number of jobs. */
  public Execution withJobs(int jobs) {
    return new Execution(jobs, shard);
  }

  /** Another shard. */
  public Execution withShard(Shard shard) {
    return new Execution(jobs, shard);
  }
}
