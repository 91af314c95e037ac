package dev.primer.samples.cli;

import dev.primer.tf.compare.Execution;
import dev.primer.tf.compare.Shard;
import picocli.CommandLine.Option;

/**
 * {@code --jobs N} and {@code --shard i/n} of compare and depth-sweep: how the runs are carried
 * out, read into the library's {@link Execution}. Neither changes a run's result.
 */
final class ExecutionOptions {

  @Option(names = "--jobs", defaultValue = "1", paramLabel = "N",
      description = "Train N runs at once, each in its own thread, graph and session; "
          + "TensorFlow's CPU threads (one pool per process, one thread per core) are shared by "
          + "them. Results are the same as with 1. From 1 to 4 per core. Default: 1.")
  int jobs;

  @Option(names = "--shard", paramLabel = "I/N",
      description = "Train only slice I of N of the runs (I from 0): run k, numbered in the "
          + "plan's order (depths, then schemes, then seeds), goes to slice k mod N. --out "
          + "then holds that slice's results and the plan; join the slices with "
          + "primer merge DIR... (see docs/CLUSTER.md).")
  String shard;

  /**
   * The options as the library's value.
   *
   * @throws UserException naming {@code --jobs} or {@code --shard} and the allowed values
   */
  Execution execution() {
    Execution execution;
    try {
      execution = Execution.SEQUENTIAL.withJobs(jobs);
    } catch (IllegalArgumentException e) {
      throw new UserException("--jobs: " + e.getMessage());
    }
    if (shard == null) {
      return execution;
    }
    try {
      return execution.withShard(Shard.parse(shard));
    } catch (IllegalArgumentException e) {
      throw new UserException("--shard: " + e.getMessage());
    }
  }
}
