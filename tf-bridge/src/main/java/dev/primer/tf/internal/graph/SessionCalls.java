package dev.primer.tf.internal.graph;

import org.tensorflow.Session;
import org.tensorflow.proto.RunOptions;

/**
 * How Primer calls a TensorFlow session: every call on a model's, a comparison's or a training
 * benchmark's Primer session runs the graph's ops one after another on the calling thread, each
 * kernel still splitting its work over the session's intra-op pool. ({@code SessionCallsTest}
 * checks that no other source calls a session on its own, but the TensorBoard writer's small
 * session of its own and the benchmark's raw MatMul rate and hand-written yardstick, which keep
 * TensorFlow's defaults on purpose.)
 *
 * <p>TensorFlow by default hands every ready op of a call to an inter-op pool, so that
 * independent ops can run at once. On the steps Primer trains that costs more than it wins:
 * the ops of a step mostly wait for each other, and each hand-over wakes a thread. Run on the
 * calling thread ({@code RunOptions.inter_op_thread_pool = -1}), the same kernels on the same
 * intra-op pool give the same results bit for bit for less CPU time: {@code ./primer compare
 * --separate} (27 runs of 784-256-256-10, 2 cores, 4 alternating rounds) took 30.3 s of wall and
 * 33.0 s of CPU time against 30.1 and 42.0 s on the inter-op pool, {@code results.json}
 * identical; in {@code primer bench step} Primer's step went from par with a hand-written graph
 * on TensorFlow's defaults to 1.00–1.06x its examples/s on the four nets of issue 12
 * (BENCHMARKS.md, "Primer against a hand-written TensorFlow graph").
 *
 * <p>Why a run option and not the session option ({@code inter_op_parallelism_threads < 0})
 * that does the same: TensorFlow sizes its process-wide inter-op pool from the first session
 * made in the process, and a session asking for the calling thread makes that pool one thread
 * wide, for every session the application makes after it. The run option changes this call
 * alone. TensorFlow honours it where a call's graph runs on one device (the CPU, or a graph wholly
 * on one GPU); a call that spans devices (a GPU graph with CPU ops) runs on the inter-op pool as
 * before. The kernels then run on the calling Java thread's stack; none of Primer's ops recurse
 * deeply enough for its size to matter.
 *
 * <p>Internal: an application that calls this gets no compatibility promise.
 */
public final class SessionCalls {
  /** The run options of every call: ops on the calling thread. */
  private static final RunOptions ON_CALLING_THREAD =
      RunOptions.newBuilder().setInterOpThreadPool(-1).build();

  private SessionCalls() {}

  /** A runner on {@code session} whose call runs its ops on the calling thread. */
  public static Session.Runner runner(Session session) {
    return session.runner().setOptions(ON_CALLING_THREAD);
  }
}
