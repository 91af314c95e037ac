package dev.primer.tf.compare;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.train.FitOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains one net once per (scheme, seed) and records what each scheme does: test loss and
 * accuracy after every epoch, training loss, wall time and a status. The model seed and the
 * shuffle seed are the run's seed for every scheme, so schemes differ only in their initial
 * weights. A run that diverges or fails is recorded as such and the comparison goes on.
 * Data-dependent schemes (LSUV, class prior) initialize on the training set as fit starts, and
 * their report is kept with the run.
 *
 * <p>By default ({@link RunGrouping#TOGETHER}) the runs train together in groups of at most 9,
 * each group in lanes (one graph per core, on one thread each, {@code internal.stacked.Lanes}),
 * one session call per step per lane for all of its runs, each run exactly the step its own
 * model would run: the results are those of training each run alone ({@link
 * RunGrouping#SEPARATE}), bitwise where a kernel sums alike on one thread and on several (on
 * compare's net), in less time; runs of data-dependent schemes train alone. The listener hears how ({@link
 * ComparisonListener#grouping}); each group's runs are handed to it as the group ends.
 * <pre>
 *   MnistSplit mnist = EmbeddedMnist.load();
 *   Dataset train = new ImageDataset(mnist.train(), Shape.of(784), 10);
 *   Dataset test = new ImageDataset(mnist.test(), Shape.of(784), 10);
 *   ComparisonPlan plan = ComparisonPlan.defaults().withSchemes("zeros", "he_normal").withEpochs(2);
 *   for (SchemeRun run : Comparison.run(plan, train, test)) {
 *     System.out.println(run.scheme() + " " + run.finalTestAccuracy() + " " + run.status().describe());
 *   }
 * </pre>
 * How a run is judged: {@link RunStatus#of}.
 */
public final class Comparison {
  private Comparison() {
    throw new AssertionError("no instances");
  }

  /** Runs {@code plan} with no listener. */
  public static List<SchemeRun> run(ComparisonPlan plan, Dataset train, Dataset test) {
    return run(plan, train, test, ComparisonListener.NONE);
  }

  /**
   * Runs every (scheme, seed) of {@code plan} in order, schemes outer, seeds inner, telling
   * {@code listener} how it goes.
   *
   * @param train the training set; its {@link Dataset#targetWidth()} is the number of classes
   * @param test evaluated after every epoch
   * @return one run per scheme and seed, in that order
   * @throws IllegalArgumentException before the first run, if the training set is smaller than
   *     one batch ({@link ComparisonPlan#checkTrainingSet}), a scheme cannot initialize the net
   *     or the net does not fit in memory ({@link ComparisonPlan#checkNet})
   */
  public static List<SchemeRun> run(
      ComparisonPlan plan, Dataset train, Dataset test, ComparisonListener listener) {
    return run(plan, train, test, listener, List.of());
  }

  /**
   * Runs the (scheme, seed) pairs of {@code plan} that {@code finished} does not hold, in the
   * plan's order, and keeps the finished ones as they are: this resumes an interrupted
   * comparison. A run depends only on the plan and its (scheme, seed): its model seed and
   * shuffle seed are the run's seed and every run trains its own weights (alone, or beside
   * others in one graph without mixing with them), so a resumed comparison gives bitwise the
   * runs of an uninterrupted one (wall times aside).
   *
   * <p>After each run the listener hears {@link ComparisonListener#runsSoFar} with every run
   * finished so far; before each run or group of runs, and between a group's epochs, it is asked
   * {@link ComparisonListener#stopRequested}, and a stop returns what was finished by then: the
   * runs of the groups before, not those of a group stopped between its epochs.
   *
   * @param finished runs of this plan finished before, in any order; each (scheme, seed) at most
   *     once
   * @return the finished runs, in the plan's order: one per scheme and seed unless the listener
   *     stopped the comparison ({@link ComparisonPlan#isComplete} tells)
   * @throws IllegalArgumentException if a finished run is not one of the plan's (scheme, seed)
   *     pairs or is given twice, naming it
   */
  public static List<SchemeRun> run(ComparisonPlan plan, Dataset train, Dataset test,
      ComparisonListener listener, List<SchemeRun> finished) {
    plan.checkTrainingSet(train);
    plan.checkNet();
    Map<String, SchemeRun> kept = plan.byRun(finished); // checked once, here
    // by plan position (index - 1): the kept runs, then each new run in its place
    SchemeRun[] done = new SchemeRun[plan.runs()];
    List<PlannedRun> toTrain = new ArrayList<>();
    int index = 0;
    for (String scheme : plan.schemes().keySet()) {
      for (long seed : plan.seeds()) {
        SchemeRun before = kept.get(ComparisonPlan.key(scheme, seed));
        done[index++] = before;
        if (before != null) {
          listener.runKept(index, plan.runs(), before);
        } else {
          toTrain.add(new PlannedRun(index, scheme, seed));
        }
      }
    }
    RunGroups groups = RunGroups.of(plan, toTrain);
    if (!toTrain.isEmpty()) {
      listener.grouping(groups.describe());
    }
    List<PlannedRun> alone = new ArrayList<>(groups.alone());
    for (List<PlannedRun> group : groups.together()) {
      if (listener.stopRequested()) {
        return inPlanOrder(done);
      }
      Optional<List<SchemeRun>> together;
      try {
        listener.runsStarted(group, plan.runs());
        together = TogetherRuns.run(plan, group, train, test, listener);
      } catch (RuntimeException e) {
        listener.grouping("training " + group.size() + " runs together failed (" + reason(e)
            + "); they train one by one");
        together = Optional.of(List.of());
        alone.addAll(group);
      }
      if (together.isEmpty()) {
        return inPlanOrder(done); // stopped between epochs: none of the group finished
      }
      for (SchemeRun run : together.get()) {
        done[plan.grid().position(run.scheme(), run.seed())] = run;
        listener.runFinished(run);
        listener.runsSoFar(inPlanOrder(done));
      }
    }
    alone.sort(java.util.Comparator.comparingInt(PlannedRun::index));
    for (PlannedRun planned : alone) {
      if (listener.stopRequested()) {
        return inPlanOrder(done);
      }
      listener.runStarted(planned.index(), plan.runs(), planned.scheme(), planned.seed());
      NetSpec spec = plan.spec().withKernelInit(plan.schemes().get(planned.scheme()));
      SchemeRun run = runOne(plan, planned.scheme(), spec, planned.seed(), train, test,
          listener);
      done[planned.index() - 1] = run;
      listener.runFinished(run);
      listener.runsSoFar(inPlanOrder(done));
    }
    return inPlanOrder(done);
  }

  /**
   * As {@link #run(ComparisonPlan, Dataset, Dataset, ComparisonListener, List)}, carried out as
   * {@code execution} says: only the runs of its {@link Shard} (numbered as {@link
   * ComparisonPlan#grid} does), {@link Execution#jobs} of them at once. Each run is the run the
   * sequential comparison gives (every run compiles its own model; see {@link Execution}), the
   * result is in the plan's order, and the listener hears every event under one lock, so it
   * need not be thread-safe; with more than one job it hears no {@link ComparisonListener#step}
   * (several runs step at once). After each run it hears {@link ComparisonListener#runsSoFar}
   * with the shard's runs finished so far, so a listener that writes them has every finished run
   * on disk; a {@link ComparisonListener#stopRequested stop} starts no more runs and returns
   * when the runs in flight have ended.
   *
   * @param finished runs of this shard finished before (to resume it)
   * @return the shard's finished runs, in the plan's order: {@link Shard#size} of them unless
   *     the listener stopped the comparison
   * @throws IllegalArgumentException as the sequential run does, and for a finished run of
   *     another shard
   */
  public static List<SchemeRun> run(ComparisonPlan plan, Dataset train, Dataset test,
      ComparisonListener listener, List<SchemeRun> finished, Execution execution) {
    if (execution.equals(Execution.SEQUENTIAL)) {
      return run(plan, train, test, listener, finished);
    }
    plan.checkTrainingSet(train);
    plan.checkNet();
    Shard shard = execution.shard();
    Map<String, SchemeRun> kept = plan.byRun(finished);
    SchemeRun[] done = new SchemeRun[plan.runs()];
    List<Trials.Trial> trials = new java.util.ArrayList<>();
    RunGrid grid = plan.grid();
    for (Map.Entry<String, Init> scheme : plan.schemes().entrySet()) {
      NetSpec spec = plan.spec().withKernelInit(scheme.getValue());
      for (long seed : plan.seeds()) {
        int position = grid.position(scheme.getKey(), seed);
        SchemeRun before = kept.get(ComparisonPlan.key(scheme.getKey(), seed));
        if (before != null && !shard.holds(position)) {
          throw new IllegalArgumentException("the finished run " + scheme.getKey() + " seed "
              + seed + " belongs to shard " + Shard.of(position, shard.count()) + ", not to "
              + shard);
        }
        if (before != null) {
          done[position] = before;
          listener.runKept(position + 1, plan.runs(), before);
        } else if (shard.holds(position)) {
          trials.add(new Trials.Trial(position, plan, scheme.getKey(), spec, seed));
        }
      }
    }
    Trials.run(trials, train, test, execution.jobs(), new Trials.Events() {
      @Override
      public boolean stopRequested() {
        return listener.stopRequested();
      }

      @Override
      public void started(Trials.Trial trial) {
        listener.runStarted(trial.position() + 1, plan.runs(), trial.scheme(), trial.seed());
      }

      @Override
      public void step(int epoch, long step, long stepsPerEpoch, int epochs, double loss) {
        listener.step(epoch, step, stepsPerEpoch, epochs, loss);
      }

      @Override
      public void finished(Trials.Trial trial, SchemeRun run) {
        done[trial.position()] = run;
        listener.runFinished(run);
        listener.runsSoFar(inPlanOrder(done));
      }
    });
    return inPlanOrder(done);
  }

  /**
   * The options of the fit of one run with {@code seed}: the plan's batch size, epochs and
   * optimizer, the seed as shuffle seed, {@code test} as validation set; the default loss.
   */
  static FitOptions fitOptions(ComparisonPlan plan, long seed, Dataset test) {
    return FitOptions.defaults()
        .withBatchSize(plan.batchSize())
        .withEpochs(plan.epochs())
        .withOptimizer(plan.optimizer())
        .withShuffleSeed(seed)
        .withValidation(test);
  }

  private static String reason(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The runs of {@code byPosition} that are there, in the plan's order. */
  private static List<SchemeRun> inPlanOrder(SchemeRun[] byPosition) {
    return Arrays.stream(byPosition).filter(Objects::nonNull).toList();
  }

  /** Trains one (scheme, seed) run of {@code plan}, as every path of the comparison does. */
  static SchemeRun runOne(ComparisonPlan plan, String scheme, NetSpec spec, long seed,
      Dataset train, Dataset test, ComparisonListener listener) {
    return OneRun.train(scheme, seed, spec, plan.device(), fitOptions(plan, seed, test), train,
        test.targetWidth(), plan.epochs(), listener);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
