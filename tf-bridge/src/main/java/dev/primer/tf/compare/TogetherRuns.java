package dev.primer.tf.compare;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.Shuffle;
import dev.primer.tf.internal.stacked.Lanes;
import dev.primer.tf.internal.stacked.StackedGraph;
import dev.primer.tf.internal.train.TrainingGraphs;
import dev.primer.tf.train.EpochStats;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs of a comparison that train together ({@link RunGrouping#TOGETHER}): in {@link
 * Lanes} of {@link StackedGraph}s, one per core, stepping side by side; the loop of {@code
 * Trainer.fit} for all of them at once, each run
 * with what fit gives it alone. Run r's batches are those its own fit would take: epoch k
 * shuffled by {@link Shuffle#epochOrder}{@code (n, seed_r, k)}, consecutive
 * slices of {@code batchSize} (the last one shorter); runs of one seed share their batches. Its
 * training loss is the mean of its step losses weighted by batch size; the test set is
 * evaluated after every epoch; a non-finite step loss makes it {@link FitResult.Diverged} at that
 * step, as alone, and the others go on (nothing in the graph mixes runs, so its NaNs stay its
 * own). A run's {@link SchemeRun#seconds} and {@link EpochRow#seconds} are the group's wall time
 * divided by the number of runs: its share.
 */
final class TogetherRuns {
  private TogetherRuns() {
    throw new AssertionError("no instances");
  }

  /**
   * Trains {@code runs} together.
   *
   * @return one run per planned run, in the same order; empty if the listener asked to stop
   *     between two epochs (then no run is finished)
   * @throws RuntimeException if the graph could not be built or run (the caller trains the runs
   *     one by one instead)
   */
  static Optional<List<SchemeRun>> run(ComparisonPlan plan, List<PlannedRun> runs,
      Dataset train, Dataset test, ComparisonListener listener) {
    long started = System.nanoTime();
    int count = runs.size();
    List<ResolvedNet> nets = new ArrayList<>();
    List<Long> seeds = new ArrayList<>();
    for (PlannedRun run : runs) {
      ResolvedNet net = plan.spec().withKernelInit(plan.schemes().get(run.scheme())).resolve();
      TrainingGraphs.check(net, train, Comparison.fitOptions(plan, run.seed(), test));
      nets.add(net);
      seeds.add(run.seed());
    }
    FitOptions options = Comparison.fitOptions(plan, runs.get(0).seed(), test);
    int n = train.size();
    long stepsPerEpoch = options.stepsPerEpoch(n);
    List<List<EpochRow>> rows = new ArrayList<>();
    List<List<EpochStats>> histories = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      rows.add(new ArrayList<>());
      histories.add(new ArrayList<>());
    }
    FitResult.Diverged[] diverged = new FitResult.Diverged[count];
    try (Lanes graph = Lanes.create(nets, seeds, plan.optimizer(), options.loss(),
        plan.device())) {
      graph.load(train);
      long globalStep = 0;
      for (int e = 1; e <= plan.epochs(); e++) {
        if (e > 1 && listener.stopRequested()) {
          return Optional.empty();
        }
        long epochStarted = System.nanoTime();
        Map<Long, int[]> orders = new HashMap<>();
        for (long seed : seeds) {
          int epoch = e;
          orders.computeIfAbsent(seed, s -> Shuffle.epochOrder(n, s, epoch));
        }
        double[] lossSums = new double[count];
        long stepInEpoch = 0;
        for (int start = 0; start < n; start += plan.batchSize()) {
          int size = Math.min(plan.batchSize(), n - start);
          int[][] batches = new int[count][];
          for (int r = 0; r < count; r++) {
            batches[r] = new int[size];
            System.arraycopy(orders.get(seeds.get(r)), start, batches[r], 0, size);
          }
          stepInEpoch++;
          globalStep++;
          float[] losses = graph.step(batches);
          double shown = 0;
          int going = 0;
          for (int r = 0; r < count; r++) {
            if (diverged[r] != null) {
              continue;
            }
            double loss = losses[r];
            if (!Double.isFinite(loss)) {
              diverged[r] = new FitResult.Diverged(e, stepInEpoch, globalStep, loss,
                  histories.get(r));
              continue;
            }
            lossSums[r] += loss * size;
            shown += loss;
            going++;
          }
          listener.step(e, stepInEpoch, stepsPerEpoch, plan.epochs(),
              going == 0 ? Double.NaN : shown / going);
        }
        List<Evaluation> evaluations = graph.evaluate(test);
        double share = seconds(started) / count;
        for (int r = 0; r < count; r++) {
          if (diverged[r] != null) {
            continue;
          }
          Evaluation v = evaluations.get(r);
          rows.get(r).add(new EpochRow(e, lossSums[r] / n, v.loss(), v.accuracy(), share));
          histories.get(r).add(new EpochStats(e, stepInEpoch, lossSums[r] / n, Double.NaN,
              Optional.of(v), Duration.ofNanos(System.nanoTime() - epochStarted)));
        }
      }
    }
    double share = seconds(started) / count;
    List<SchemeRun> done = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      FitResult result = diverged[r] != null ? diverged[r]
          : new FitResult.Completed(histories.get(r));
      done.add(new SchemeRun(runs.get(r).scheme(), runs.get(r).seed(), rows.get(r),
          RunStatus.of(result, rows.get(r), test.targetWidth()), share));
    }
    return Optional.of(done);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
