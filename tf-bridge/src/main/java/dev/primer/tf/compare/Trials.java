package dev.primer.tf.compare;

import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains a list of runs, one at a time or in {@link Execution#jobs} worker threads, for {@link
 * Comparison} and {@link DepthSweep} when an {@link Execution} asks for jobs or a shard. Runs
 * start in the list's order; every event reaches the caller's {@link Events} under one lock, so
 * a listener written for one run at a time needs no locking of its own. With one job, the runs
 * train in the caller's thread and step events go through; with more, step events are dropped
 * (several runs step at once, and a step does not say whose it is).
 */
final class Trials {
  private Trials() {
    throw new AssertionError("no instances");
  }

  /**
   * One run to train.
   *
   * @param position its number in the plan's grid (for the sweep, over all depths)
   * @param plan the comparison it belongs to (for a sweep, that of its depth)
   * @param spec the net with the scheme's kernel init
   */
  record Trial(int position, ComparisonPlan plan, String scheme, NetSpec spec, long seed) {}

  /** What the caller hears; every call is made under the runner's lock. */
  interface Events {
    /** Asked before each run starts: true starts no more runs. */
    boolean stopRequested();

    /** {@code trial} starts. */
    void started(Trial trial);

    /** A step of the run training, with one job only. */
    void step(int epoch, long step, long stepsPerEpoch, int epochs, double loss);

    /** {@code trial} ended as {@code run}. */
    void finished(Trial trial, SchemeRun run);
  }

  /**
   * Trains {@code trials} in {@code jobs} threads, returning when every run started has ended;
   * an exception thrown by an event stops new runs and is thrown here once the others ended.
   */
  static void run(List<Trial> trials, Dataset train, Dataset test, int jobs, Events events) {
    Object lock = new Object();
    AtomicInteger next = new AtomicInteger();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    ComparisonListener steps = jobs > 1 ? ComparisonListener.NONE : new ComparisonListener() {
      @Override
      public void step(int epoch, long step, long stepsPerEpoch, int epochs, double loss) {
        synchronized (lock) {
          events.step(epoch, step, stepsPerEpoch, epochs, loss);
        }
      }
    };
    Runnable worker = () -> {
      try {
        while (true) {
          Trial trial;
          synchronized (lock) {
            if (!failures.isEmpty() || next.get() >= trials.size() || events.stopRequested()) {
              next.set(trials.size()); // a stop holds for every worker
              return;
            }
            trial = trials.get(next.getAndIncrement());
            events.started(trial);
          }
          SchemeRun run = Comparison.runOne(trial.plan(), trial.scheme(), trial.spec(),
              trial.seed(), train, test, steps);
          synchronized (lock) {
            events.finished(trial, run);
          }
        }
      } catch (RuntimeException | Error e) {
        failures.add(e);
      }
    };
    if (jobs == 1) {
      worker.run();
    } else {
      AtomicInteger names = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
        Thread thread = new Thread(r, "primer-job-" + names.incrementAndGet());
        thread.setDaemon(true); // a signal's exit does not wait for a run in flight
        return thread;
      });
      for (int i = 0; i < jobs; i++) {
        pool.execute(worker);
      }
      pool.shutdown();
      boolean interrupted = false;
      while (!pool.isTerminated()) {
        try {
          pool.awaitTermination(1, TimeUnit.DAYS);
        } catch (InterruptedException e) {
          interrupted = true;
          next.set(trials.size()); // no more runs start; those in flight end
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (!failures.isEmpty()) {
      Throwable first = failures.get(0);
      if (first instanceof RuntimeException e) {
        throw e;
      }
      throw (Error) first;
    }
  }
}
