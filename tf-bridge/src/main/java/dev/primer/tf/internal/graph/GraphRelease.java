package dev.primer.tf.internal.graph;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Releases a model's native graph and session exactly once: when the model is closed, or, for a
 * model that became unreachable without being closed, from a {@link Cleaner}'s thread, which then
 * logs one warning that the model was not closed (an unclosed graph and session hold about 5 MB
 * of native memory, which the Java heap does not see: without this, a program that forgets to
 * close its models fails with JavaCPP's {@code OutOfMemoryError: physicalBytes} after a few
 * dozen).
 *
 * <p>The cleaning action holds the {@link CompiledGraph} and a description of the model, never
 * the model itself (which would keep it reachable for ever). {@link #close} runs the same action
 * through {@link Cleaner.Cleanable#clean}, which runs it at most once, so an explicit close and
 * the cleaner can never both release. The owner must keep itself reachable while it uses the
 * graph ({@link java.lang.ref.Reference#reachabilityFence}).
 *
 * <p>Internal: an application that calls this gets no compatibility promise.
 */
public final class GraphRelease implements AutoCloseable {
  /** One daemon thread for every model of the process. */
  private static final Cleaner CLEANER = Cleaner.create();
  private static final System.Logger LOG = System.getLogger("dev.primer.tf.Model");
  private static final AtomicLong RELEASED_UNCLOSED = new AtomicLong();

  private final Action action;
  private final Cleaner.Cleanable cleanable;

  private GraphRelease(Object owner, CompiledGraph graph, String description) {
    this.action = new Action(graph, description);
    this.cleanable = CLEANER.register(owner, action);
  }

  /**
   * Registers the release of {@code graph} for when {@code owner} becomes unreachable.
   *
   * @param description names the model in the warning, such as {@code seed 42, input(784)...};
   *     it must not be or hold the owner
   */
  public static GraphRelease register(Object owner, CompiledGraph graph, String description) {
    return new GraphRelease(owner, graph, description);
  }

  /** Releases the graph and session now, unless done already; no warning. Idempotent. */
  @Override
  public void close() {
    action.explicit = true;
    cleanable.clean();
  }

  /** Whether the graph and session were released, by {@link #close} or by the cleaner. */
  public boolean released() {
    return action.releases.get() > 0;
  }

  /** Whether the cleaner released them because the owner was never closed. */
  public boolean releasedUnclosed() {
    return released() && !action.explicit;
  }

  /** How many times the graph and session were released: 0 or 1, never more. */
  public int releases() {
    return action.releases.get();
  }

  /** Models released by the cleaner since the JVM started, because nobody closed them. */
  public static long releasedUnclosedCount() {
    return RELEASED_UNCLOSED.get();
  }

  /** The cleaning action: holds only the native holders and words, never the owner. */
  private static final class Action implements Runnable {
    private final CompiledGraph graph;
    private final String description;
    private final AtomicInteger releases = new AtomicInteger();
    private volatile boolean explicit;

    Action(CompiledGraph graph, String description) {
      this.graph = graph;
      this.description = description;
    }

    @Override
    public void run() {
      releases.incrementAndGet();
      graph.close();
      if (!explicit) {
        RELEASED_UNCLOSED.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "a Model (" + description + ") was not closed;"
            + " its native graph and session were released when it became unreachable. Close"
            + " models (try-with-resources) to free their native memory at once.");
      }
    }
  }
}
