package dev.primer.tf.compare;

/**
 * How a comparison trains its runs: together in one graph where the net allows it (the
 * default), or each run in a model of its own.
 *
 * <p>Why together is the default: it gives the same results (each run is the step its own model
 * would run; bitwise on compare's net, see {@code internal.stacked.Lanes} for larger products) in
 * less time: it saves the session calls, graph builds and data copies of all but one run of a
 * group, and on the CPU a group steps in lanes, one graph per core on one thread of its own,
 * which use the cores better than one small step at a time on TensorFlow's shared pools. On a
 * quiet 2-core machine the default comparison took 13.7 s together against 29.2 s separate
 * (BENCHMARKS.md, "A comparison as one graph"). The runs of a group finish together, so groups
 * are kept small enough to lose little to an interrupt: at most 9 runs, so the default
 * comparison (27 runs) trains in 3 groups, each handed to the listener ({@link
 * ComparisonListener#runsSoFar}, which the command line writes to disk) before the next starts.
 * A comparison stopped during a group keeps every run of the groups before it and none of that
 * group's; separate runs keep every run finished so far.
 */
public enum RunGrouping {
  /**
   * Runs train together, one session call per step for all of a group (per lane: see the class
   * comment) (the default): every run of a scheme without a data-dependent step (LSUV and the
   * class prior train alone), in groups of at most 9 runs and of as many as {@code 2^24}
   * parameter values allow (a net too large for two trains each run alone), as equal in size
   * as they can be, one group after another. Two or more such runs are needed; the rest train
   * one by one after the groups. Each run in a group is the training step its own model would
   * run, on the same batches in the same order: on the CPU its results are those of {@link
   * #SEPARATE} (wall times aside), bitwise where a kernel sums alike on one thread and on
   * several (compare's net). Measured: BENCHMARKS.md, "A comparison as one graph".
   * A comparison stopped during a group keeps the groups finished before it and none of that
   * group's runs. On the CPU the lanes' sessions run on one thread each; when they are the first
   * sessions of the process, TensorFlow's oneDNN kernels keep that one thread for every later
   * session too (a default model trained after them used 1.3 cores instead of 1.8: {@code
   * CompileOptions.withThreads}); {@link #SEPARATE} leaves the process as it is.
   */
  TOGETHER,
  /**
   * Every run compiles and trains a model of its own, one after another; each finished run is
   * handed to the listener before the next starts, so a stop loses at most the run in progress.
   */
  SEPARATE
}
