package dev.primer.tf.compare;

import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a depth sweep: for each depth of the plan, one comparison of its schemes on the MLP of
 * that depth (see {@link DepthSweepPlan}), each run judged by the comparison's one rule,
 * {@link RunStatus#of} (learned, slow start, never learned, diverged, ...).
 * <pre>
 *   MnistSplit mnist = EmbeddedMnist.load();
 *   Dataset train = new ImageDataset(mnist.train(), Shape.of(784), 10);
 *   Dataset test = new ImageDataset(mnist.test(), Shape.of(784), 10);
 *   DepthSweepPlan plan = DepthSweepPlan.defaults();              // or .withDepths(2, 10, 30)...
 *   DepthSweepResult result = DepthSweep.run(plan, train, test);  // about 2 minutes on 2 cores
 *   result.status(30, "glorot_uniform");                         // "never learned"
 *   result.meanFinalAccuracy(30, "he_normal");                   // 0.9245
 * </pre>
 */
public final class DepthSweep {
  private DepthSweep() {
    throw new AssertionError("no instances");
  }

  /** Runs {@code plan} with no listener. */
  public static DepthSweepResult run(DepthSweepPlan plan, Dataset train, Dataset test) {
    return run(plan, train, test, DepthSweepListener.NONE);
  }

  /**
   * Runs every depth of {@code plan} in order, telling {@code listener} how it goes.
   *
   * @throws IllegalArgumentException before the first run, if the training set is smaller than
   *     one batch ({@link DepthSweepPlan#checkTrainingSet})
   */
  public static DepthSweepResult run(DepthSweepPlan plan, Dataset train, Dataset test,
      DepthSweepListener listener) {
    return run(plan, train, test, listener, Map.of());
  }

  /**
   * Runs the (depth, scheme, seed) triples of {@code plan} that {@code finished} does not hold
   * and keeps the finished ones: this resumes an interrupted sweep. As in
   * {@link Comparison#run(ComparisonPlan, Dataset, Dataset, ComparisonListener, List)}, a run
   * depends only on the plan and its (depth, scheme, seed), so a resumed sweep gives bitwise the
   * runs of an uninterrupted one (wall times aside).
   *
   * <p>After each run the listener hears {@link DepthSweepListener#sweepSoFar} with every run
   * finished so far; a {@link ComparisonListener#stopRequested stop} ends the sweep before the
   * next run is trained.
   *
   * @param finished per depth, the runs finished before
   * @return every depth of the plan with its finished runs; all of them unless the listener
   *     stopped the sweep ({@link DepthSweepResult#isComplete} tells)
   * @throws IllegalArgumentException for a finished depth or run that is not the plan's
   */
  public static DepthSweepResult run(DepthSweepPlan plan, Dataset train, Dataset test,
      DepthSweepListener listener, Map<Integer, List<SchemeRun>> finished) {
    plan.checkTrainingSet(train);
    checkFinished(plan, finished);
    int classes = train.targetWidth();
    Map<Integer, DepthRuns> soFar = new LinkedHashMap<>();
    Map<Integer, ComparisonPlan> comparisons = new LinkedHashMap<>();
    for (int depth : plan.depths()) {
      NetSpec net = plan.net(depth, train.exampleShape(), classes);
      ComparisonPlan comparison = plan.comparisonAt(net);
      comparisons.put(depth, comparison);
      soFar.put(depth, new DepthRuns(depth, net,
          comparison.inOrder(finished.getOrDefault(depth, List.of()))));
    }
    if (!finished.isEmpty()) {
      listener.sweepSoFar(result(plan, soFar, classes)); // what a resumed sweep starts from
    }
    int index = 0;
    for (int depth : plan.depths()) {
      index++;
      ComparisonPlan comparison = comparisons.get(depth);
      DepthRuns before = soFar.get(depth);
      if (!comparison.isComplete(before.runs()) && listener.stopRequested()) {
        break;
      }
      listener.depthStarted(index, plan.depths().size(), depth, before.net());
      List<SchemeRun> runs = Comparison.run(comparison, train, test, new ComparisonListener() {
        @Override
        public void runStarted(int i, int total, String scheme, long seed) {
          listener.runStarted(i, total, scheme, seed);
        }

        @Override
        public void step(int epoch, long step, long stepsPerEpoch, int epochs, double loss) {
          listener.step(epoch, step, stepsPerEpoch, epochs, loss);
        }

        @Override
        public void runFinished(SchemeRun run) {
          listener.runFinished(run);
        }

        @Override
        public void runKept(int i, int total, SchemeRun run) {
          listener.runKept(i, total, run);
        }

        @Override
        public void runsSoFar(List<SchemeRun> runs) {
          soFar.put(depth, new DepthRuns(depth, before.net(), runs));
          listener.sweepSoFar(result(plan, soFar, classes));
        }

        @Override
        public boolean stopRequested() {
          return listener.stopRequested();
        }
      }, before.runs());
      soFar.put(depth, new DepthRuns(depth, before.net(), runs));
    }
    return result(plan, soFar, classes);
  }

  /**
   * As {@link #run(DepthSweepPlan, Dataset, Dataset, DepthSweepListener, Map)}, carried out as
   * {@code execution} says: only the runs of its {@link Shard}, numbered over the whole sweep
   * (depths outer, then schemes, then seeds: {@code depthIndex * schemes * seeds + position in
   * the depth's} {@link RunGrid}), {@link Execution#jobs} of them at once, across depths. Each
   * run is the run of the sequential sweep; the listener hears every event under one lock; a
   * depth is announced ({@link DepthSweepListener#depthStarted}) when its first run starts, each
   * run's end also with its depth ({@link DepthSweepListener#runFinished(int, SchemeRun)}); with
   * more than one job there are no step events. After each run the listener hears {@link
   * DepthSweepListener#sweepSoFar} with the shard's runs finished so far.
   *
   * @param finished per depth, runs of this shard finished before (to resume it)
   * @return every depth of the plan with the shard's finished runs
   * @throws IllegalArgumentException as the sequential sweep does, and for a finished run of
   *     another shard
   */
  public static DepthSweepResult run(DepthSweepPlan plan, Dataset train, Dataset test,
      DepthSweepListener listener, Map<Integer, List<SchemeRun>> finished,
      Execution execution) {
    if (execution.equals(Execution.SEQUENTIAL)) {
      return run(plan, train, test, listener, finished);
    }
    plan.checkTrainingSet(train);
    checkFinished(plan, finished);
    Shard shard = execution.shard();
    int classes = train.targetWidth();
    RunGrid grid = plan.grid();
    List<Integer> depths = plan.depths();
    SchemeRun[][] done = new SchemeRun[depths.size()][grid.size()];
    NetSpec[] nets = new NetSpec[depths.size()];
    boolean[] announced = new boolean[depths.size()];
    List<Trials.Trial> trials = new ArrayList<>();
    for (int d = 0; d < depths.size(); d++) {
      int depth = depths.get(d);
      nets[d] = plan.net(depth, train.exampleShape(), classes);
      ComparisonPlan comparison = plan.comparisonAt(nets[d]);
      Map<String, SchemeRun> kept = comparison.byRun(finished.getOrDefault(depth, List.of()));
      for (Map.Entry<String, dev.primer.dsl.init.Init> scheme : plan.schemes().entrySet()) {
        NetSpec spec = nets[d].withKernelInit(scheme.getValue());
        for (long seed : plan.seeds()) {
          int position = grid.position(scheme.getKey(), seed);
          int global = d * grid.size() + position;
          SchemeRun before = kept.get(ComparisonPlan.key(scheme.getKey(), seed));
          if (before != null && !shard.holds(global)) {
            throw new IllegalArgumentException("depth sweep: the finished run of depth " + depth
                + " " + scheme.getKey() + " seed " + seed + " belongs to shard "
                + Shard.of(global, shard.count()) + ", not to " + shard);
          }
          if (before != null) {
            done[d][position] = before;
          } else if (shard.holds(global)) {
            trials.add(new Trials.Trial(global, comparison, scheme.getKey(), spec, seed));
          }
        }
      }
    }
    if (!finished.isEmpty()) {
      for (int d = 0; d < depths.size(); d++) {
        List<SchemeRun> kept = present(done[d]);
        if (!kept.isEmpty()) {
          announced[d] = true;
          listener.depthStarted(d + 1, depths.size(), depths.get(d), nets[d]);
          for (SchemeRun run : kept) {
            listener.runKept(grid.position(run.scheme(), run.seed()) + 1, grid.size(), run);
          }
        }
      }
      listener.sweepSoFar(result(plan, done, nets, classes));
    }
    Trials.run(trials, train, test, execution.jobs(), new Trials.Events() {
      @Override
      public boolean stopRequested() {
        return listener.stopRequested();
      }

      @Override
      public void started(Trials.Trial trial) {
        int d = trial.position() / grid.size();
        if (!announced[d]) {
          announced[d] = true;
          listener.depthStarted(d + 1, depths.size(), depths.get(d), nets[d]);
        }
        listener.runStarted(trial.position() % grid.size() + 1, grid.size(), trial.scheme(),
            trial.seed());
      }

      @Override
      public void step(int epoch, long step, long stepsPerEpoch, int epochs, double loss) {
        listener.step(epoch, step, stepsPerEpoch, epochs, loss);
      }

      @Override
      public void finished(Trials.Trial trial, SchemeRun run) {
        int d = trial.position() / grid.size();
        done[d][trial.position() % grid.size()] = run;
        listener.runFinished(depths.get(d), run);
        listener.sweepSoFar(result(plan, done, nets, classes));
      }
    });
    return result(plan, done, nets, classes);
  }

  /** Refuses finished runs of a depth the plan does not have. */
  private static void checkFinished(DepthSweepPlan plan, Map<Integer, List<SchemeRun>> finished) {
    for (Integer depth : finished.keySet()) {
      if (!plan.depths().contains(depth)) {
        throw new IllegalArgumentException("depth sweep: the finished runs of depth " + depth
            + " are not of this sweep: depths " + plan.depths());
      }
    }
  }

  private static List<SchemeRun> present(SchemeRun[] runs) {
    return java.util.Arrays.stream(runs).filter(java.util.Objects::nonNull).toList();
  }

  private static DepthSweepResult result(DepthSweepPlan plan, SchemeRun[][] done, NetSpec[] nets,
      int classes) {
    List<DepthRuns> depths = new ArrayList<>();
    for (int d = 0; d < nets.length; d++) {
      depths.add(new DepthRuns(plan.depths().get(d), nets[d], present(done[d])));
    }
    return new DepthSweepResult(plan, depths, classes);
  }

  private static DepthSweepResult result(DepthSweepPlan plan, Map<Integer, DepthRuns> soFar,
      int classes) {
    return new DepthSweepResult(plan, new ArrayList<>(soFar.values()), classes);
  }
}
