package dev.primer.tf.compare;

import dev.primer.tf.Model;
import dev.primer.tf.data.AddingProblem;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.diagnose.GradientThroughTime;
import dev.primer.tf.diagnose.Probe;
import dev.primer.tf.train.EpochStats;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The recurrent case of the seeds: does the recurrent kernel's init decide whether a net can
 * learn a dependency across many time steps? Trains each {@link RecurrentCell} under each
 * recurrent-kernel scheme on the {@link AddingProblem}, and measures before training how far
 * back the gradient reaches ({@link GradientThroughTime}).
 * <pre>
 *   List&lt;MemoryRun&gt; runs = RecurrentMemory.run(RecurrentMemoryPlan.defaults(), run -&gt; {});
 * </pre>
 *
 * <p>What the literature leads one to expect: with a tanh recurrence the gradient shrinks at
 * every step whatever U is, since tanh' &lt; 1 (Bengio et al. 1994); orthogonal U (Saxe et
 * al. 2014) keeps the linear part norm-preserving; identity U with relu (IRNN, Le et al. 2015)
 * passes the gradient back unchanged through active units; LSTM's gates (Hochreiter and
 * Schmidhuber 1997) make the cell a path whose decay is set by the forget gate, not by U. The
 * runs measure which of these holds at the given length.
 *
 * <p>Every run uses the same data (seeded by the plan), the same model seed and the same
 * shuffles. A diverging run is reported as such and the others go on.
 */
public final class RecurrentMemory {
  /** Test sequences that probe the gradient through time before training. */
  public static final int PROBE_EXAMPLES = 256;

  private RecurrentMemory() {
    throw new AssertionError("no instances");
  }

  /**
   * Runs every cell under every scheme, in the plan's order; {@code finished} hears each run as
   * it ends (to write it to disk before the next starts). All nets are resolved first, so a
   * scheme that cannot initialize a recurrent kernel fails before anything trains.
   *
   * @throws IllegalArgumentException if a net of the plan cannot be built
   */
  public static List<MemoryRun> run(RecurrentMemoryPlan plan, Consumer<MemoryRun> finished) {
    plan.checkNets();
    InMemoryDataset train = AddingProblem.generate(plan.trainExamples(), plan.length(),
        plan.seed());
    InMemoryDataset test = AddingProblem.generate(plan.testExamples(), plan.length(),
        plan.seed() + 1);
    Probe probe = Probe.from(test, PROBE_EXAMPLES, "the first " + Math.min(PROBE_EXAMPLES,
        test.size()) + " test sequences");
    List<MemoryRun> runs = new ArrayList<>();
    for (RecurrentCell cell : plan.cells()) {
      for (String scheme : plan.schemes().keySet()) {
        MemoryRun run = runOne(plan, cell, scheme, train, test, probe);
        runs.add(run);
        finished.accept(run);
      }
    }
    return List.copyOf(runs);
  }

  private static MemoryRun runOne(RecurrentMemoryPlan plan, RecurrentCell cell, String scheme,
      InMemoryDataset train, InMemoryDataset test, Probe probe) {
    long started = System.nanoTime();
    try (Model model = Model.compile(plan.net(cell, scheme), plan.seed(), plan.device())) {
      GradientThroughTime atInit = GradientThroughTime.measure(model, probe);
      List<Double> losses = new ArrayList<>();
      FitResult result = model.fit(train, fitOptions(plan).withListener(new TrainingListener() {
        @Override
        public void onEpoch(EpochStats stats) {
          losses.add(stats.trainLoss());
        }
      }));
      OptionalLong diverged = result instanceof FitResult.Diverged d
          ? OptionalLong.of(d.globalStep()) : OptionalLong.empty();
      double mse = diverged.isPresent() ? Double.NaN
          : model.evaluate(test, Loss.MEAN_SQUARED_ERROR).loss();
      return new MemoryRun(cell, scheme, atInit, losses, mse, diverged,
          (System.nanoTime() - started) / 1e9);
    }
  }

  /**
   * How each run trains: the plan's optimizer, batch and epochs, mean squared error, gradients
   * clipped to the plan's global norm (none at 0).
   */
  static FitOptions fitOptions(RecurrentMemoryPlan plan) {
    FitOptions options = FitOptions.defaults().withBatchSize(plan.batchSize())
        .withEpochs(plan.epochs()).withOptimizer(plan.optimizer())
        .withLoss(Loss.MEAN_SQUARED_ERROR).withShuffleSeed(plan.seed());
    return plan.clipNorm() > 0 ? options.withGradientClipping(plan.clipNorm()) : options;
  }
}
