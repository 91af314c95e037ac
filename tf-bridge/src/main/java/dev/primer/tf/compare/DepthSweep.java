package dev.primer.tf.compare;

import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a depth sweep: for each depth of the plan, one comparison of its schemes on the MLP of
 * that depth (see {@link DepthSweepPlan}), each run judged by {@link RunStatus#of} and worded by
 * {@link SweepStatus} (ok, stalled, slow start, diverged or failed).
 * <pre>
 *   MnistSplit mnist = EmbeddedMnist.load();
 *   Dataset train = new ImageDataset(mnist.train(), Shape.of(784), 10);
 *   Dataset test = new ImageDataset(mnist.test(), Shape.of(784), 10);
 *   DepthSweepPlan plan = DepthSweepPlan.defaults();              // or .withDepths(2, 10, 30)...
 *   DepthSweepResult result = DepthSweep.run(plan, train, test);  // about 2 minutes on 2 cores
 *   result.status(30, "glorot_uniform");                         // "stalled"
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
    plan.checkTrainingSet(train);
    List<DepthRuns> depths = new ArrayList<>();
    int index = 0;
    for (int depth : plan.depths()) {
      index++;
      NetSpec net = plan.net(depth, train.exampleShape(), train.targetWidth());
      listener.depthStarted(index, plan.depths().size(), depth, net);
      ComparisonPlan comparison = plan.comparisonAt(net);
      List<SchemeRun> runs = Comparison.run(comparison, train, test, listener);
      depths.add(new DepthRuns(depth, net, runs));
    }
    return new DepthSweepResult(plan, depths, train.targetWidth());
  }
}
