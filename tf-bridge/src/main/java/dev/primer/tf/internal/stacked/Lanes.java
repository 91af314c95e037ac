package dev.primer.tf.internal.stacked;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.Device;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.tensorflow.proto.ConfigProto;

/**
 * Runs trained together, split into lanes that step side by side: on the CPU, one {@link
 * StackedGraph} per core for a slice of the runs, each session with one thread of its own
 * (TensorFlow's {@code use_per_session_threads}, one intra-op and one inter-op thread), each
 * lane's step called from a thread of its own, all lanes' steps of one step joined before the
 * next. On one core, or on a GPU, there is one lane on TensorFlow's shared pools: a {@link
 * StackedGraph} as it is. Each lane's session holds its own copy of the training set (lanes
 * times its memory: on many cores and a large training set, mind the memory); the data set is
 * read on the caller's thread only.
 *
 * <p>Why: TensorFlow's shared pools keep two threads busy on a step of small products without
 * using them well. Measured on the 2-core development machine (BENCHMARKS.md, "A comparison as
 * one graph"), 9 runs of compare's net: 0.61–0.80 ms per run and step in one graph on the shared
 * pools (1.8 cores busy; measured when session calls still handed their ops to TensorFlow's
 * inter-op pool, see {@code internal.graph.SessionCalls}), 0.70–0.74 ms in one graph on one thread of its own (1 core busy), and
 * 0.39 ms per run and step for two such graphs stepping side by side.
 *
 * <p>A lane's ops are those of its runs' own models, as in {@link StackedGraph}; what one thread
 * changes is how a kernel splits its work, which for some kernels decides the order of a sum:
 * compare's default net trained bitwise alike on one thread and on two, larger products (a
 * 1,024-wide dense layer, the CNN) differed in the last bits. TensorFlow's oneDNN kernels
 * keep the thread count of the process's first session that runs one ({@code
 * CompileOptions.withThreads} has the figures): lanes made first bound the products of every
 * later session of the process too (runs of the comparison trained alone after the groups).
 */
public final class Lanes implements AutoCloseable {
  private final List<StackedGraph> lanes = new ArrayList<>();
  /** The first run of each lane, in the runs' order. */
  private final int[] starts;
  private final ExecutorService threads;
  private final int runs;

  private Lanes(List<ResolvedNet> nets, List<Long> seeds, Optimizer optimizer, Loss loss,
      Device device, int count) {
    runs = nets.size();
    ConfigProto config = device.sessionConfig(count == 1 ? 0 : 1);
    List<List<ResolvedNet>> netsOf = EvenParts.of(nets, count);
    List<List<Long>> seedsOf = EvenParts.of(seeds, count);
    starts = new int[count];
    try {
      for (int lane = 0; lane < count; lane++) {
        starts[lane] = lane == 0 ? 0 : starts[lane - 1] + netsOf.get(lane - 1).size();
        lanes.add(StackedGraph.create(netsOf.get(lane), seedsOf.get(lane), optimizer, loss,
            device, config));
      }
    } catch (RuntimeException e) {
      lanes.forEach(StackedGraph::close);
      throw e;
    }
    threads = count == 1 ? null : Executors.newFixedThreadPool(count - 1, r -> {
      Thread t = new Thread(r, "primer-lane");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The runs of {@code nets} (one seed each, as {@link StackedGraph#create}) in {@link
   * #count}{@code (device, nets.size())} lanes.
   *
   * @throws IllegalArgumentException for a {@code from(...)} file that cannot be read
   */
  public static Lanes create(List<ResolvedNet> nets, List<Long> seeds, Optimizer optimizer,
      Loss loss, Device device) {
    return create(nets, seeds, optimizer, loss, device, count(device, nets.size()));
  }

  /** As {@link #create(List, List, Optimizer, Loss, Device)}, in {@code count} lanes. */
  static Lanes create(List<ResolvedNet> nets, List<Long> seeds, Optimizer optimizer, Loss loss,
      Device device, int count) {
    if (count < 1 || count > nets.size()) {
      throw new IllegalArgumentException("lanes: " + count + " lanes for " + nets.size()
          + " runs; 1 to " + nets.size());
    }
    return new Lanes(nets, seeds, optimizer, loss, device, count);
  }

  /**
   * How many lanes {@code runs} runs get on {@code device}: one per core the JVM sees, at most
   * one per run; one on a GPU.
   */
  public static int count(Device device, int runs) {
    if (device != Device.CPU) {
      return 1;
    }
    return Math.max(1, Math.min(runs, Runtime.getRuntime().availableProcessors()));
  }

  /** Number of runs, over all lanes. */
  public int runs() {
    return runs;
  }

  /** Number of lanes. */
  public int count() {
    return lanes.size();
  }

  /**
   * Copies {@code train} into every lane's graph, one lane after another on this thread (a
   * {@link Dataset} is read from one thread at a time). Each lane's session holds a copy: lanes
   * times the training set's memory.
   */
  public void load(Dataset train) {
    lanes.forEach(lane -> lane.load(train));
  }

  /**
   * One training step of every run, run r on {@code batches[r]}, every lane at once.
   *
   * @return each run's batch-mean loss before the step, in the runs' order
   */
  public float[] step(int[][] batches) {
    List<float[]> each = inParallel(lane -> lane.step(slice(batches, lane)));
    float[] all = new float[runs];
    int at = 0;
    for (float[] losses : each) {
      System.arraycopy(losses, 0, all, at, losses.length);
      at += losses.length;
    }
    return all;
  }

  /**
   * Every run's loss and accuracy on {@code data}, as {@link StackedGraph#evaluate}: one lane
   * after another on this thread (a {@link Dataset} is read from one thread at a time).
   */
  public List<Evaluation> evaluate(Dataset data) {
    List<Evaluation> all = new ArrayList<>();
    lanes.forEach(lane -> all.addAll(lane.evaluate(data)));
    return all;
  }

  /** Closes every lane's graph and the lanes' threads. */
  @Override
  public void close() {
    if (threads != null) {
      threads.shutdown(); // every lane's work has ended (inParallel waits), so nothing is running
    }
    lanes.forEach(StackedGraph::close);
  }

  private int[][] slice(int[][] batches, StackedGraph lane) {
    int[][] part = new int[lane.runs()][];
    System.arraycopy(batches, starts[lanes.indexOf(lane)], part, 0, part.length);
    return part;
  }

  /**
   * {@code work} on every lane, the first on this thread, the others on the lanes' threads; it
   * returns only when every lane's work has ended, even when one failed or this thread is
   * interrupted (a lane's graph must not be closed while its session runs), and then throws the
   * first failure, the others suppressed in it.
   */
  private <T> List<T> inParallel(Function<StackedGraph, T> work) {
    if (threads == null) {
      List<T> one = new ArrayList<>();
      one.add(work.apply(lanes.get(0)));
      return one;
    }
    List<Future<T>> others = new ArrayList<>();
    for (StackedGraph lane : lanes.subList(1, lanes.size())) {
      others.add(threads.submit(() -> work.apply(lane)));
    }
    List<T> results = new ArrayList<>();
    Throwable failure = null;
    try {
      results.add(work.apply(lanes.get(0)));
    } catch (Throwable e) {
      failure = e;
    }
    boolean interrupted = false;
    for (Future<T> other : others) {
      while (true) {
        try {
          results.add(other.get());
          break;
        } catch (ExecutionException e) {
          failure = first(failure, e.getCause());
          break;
        } catch (InterruptedException e) {
          interrupted = true; // wait on: the lane's session is still running
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      failure = first(failure, new IllegalStateException("interrupted while the lanes stepped"));
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    return results;
  }

  private static Throwable first(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
