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
    for (Integer depth : finished.keySet()) {
      if (!plan.depths().contains(depth)) {
        throw new IllegalArgumentException("depth sweep: the finished runs of depth " + depth
            + " are not of this sweep: depths " + plan.depths());
      }
    }
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

  private static DepthSweepResult result(DepthSweepPlan plan, Map<Integer, DepthRuns> soFar,
      int classes) {
    return new DepthSweepResult(plan, new ArrayList<>(soFar.values()), classes);
  }
}
