package dev.primer.tf.train;

import dev.primer.dsl.init.Seeds;
import dev.primer.tf.Model;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.Shuffle;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.internal.train.DataVariables;
import dev.primer.tf.internal.train.LossOps;
import dev.primer.tf.internal.train.TrainingGraph;
import dev.primer.tf.internal.train.TrainingGraphs;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The training loop of one model: owns its step graphs and optimizer states ({@link
 * TrainingGraphs}: reused across fits, so repeated fits never grow the graph), the training set
 * held in TensorFlow, the per-epoch shuffles and the
 * calls to the listener. {@link Model#fit} runs the model's own trainer; most code calls that.
 * <pre>
 *   FitResult result = model.fit(train, FitOptions.defaults().withEpochs(3));
 * </pre>
 *
 * <p>The data set is copied into TensorFlow once (again only when a different data set is
 * passed) and each step feeds only its batch's indices and slices the batch in the graph.
 * Each epoch's order is a {@link Shuffle#permutation} seeded by {@code
 * Seeds.forPurpose(shuffleSeed, "epoch " + k)}, epochs counted across calls from 1: three calls
 * of one epoch shuffle like one call of three. Not safe for use by several threads at once.
 */
public final class Trainer {
  private final Model model;
  private final CompiledGraph graph;
  private final TrainingGraphs steps;
  private DataVariables data;
  private int epochsDone;

  /**
   * A trainer for {@code model}, counting its own epochs. {@link Model#fit} uses one trainer
   * per model; a second one trains the same weights with step graphs and data of its own.
   *
   * @throws IllegalStateException if the model is closed
   */
  public Trainer(Model model) {
    this.model = model;
    this.graph = ModelGraphs.of(model);
    this.steps = new TrainingGraphs(graph);
  }

  /**
   * Trains on {@code train}. If the net has data-dependent initializers and they have not run
   * yet (nor have their parameters been set or loaded), runs {@link
   * Model#initializeFromData} on {@code train} before the first step.
   *
   * @return {@link FitResult.Completed}, or {@link FitResult.Diverged} at the first step whose
   *     loss is not finite (training stops there; the model stays usable)
   * @throws IllegalArgumentException if the data does not fit the net or the loss
   */
  public FitResult fit(Dataset train, FitOptions options) {
    try {
      return fitReachable(train, options);
    } finally {
      Reference.reachabilityFence(model); // no cleaner may release the graph while it trains
    }
  }

  private FitResult fitReachable(Dataset train, FitOptions options) {
    ModelGraphs.of(model); // throws if the model was closed
    TrainingGraphs.check(graph.net(), train, options);
    model.initializeFromDataIfNeeded(train);
    if (data == null) {
      data = new DataVariables(graph.tf());
    }
    TrainingGraph g = steps.prepare(data, options);
    data.load(graph.session(), train);

    long shuffleSeed = options.shuffleSeed().orElse(Seeds.forPurpose(model.seed(), "shuffle"));
    int n = train.size();
    long stepsPerEpoch = options.stepsPerEpoch(n);
    boolean classes = LossOps.hasAccuracy(options.loss(), train.targetWidth());
    List<EpochStats> history = new ArrayList<>();
    long globalStep = 0;
    for (int e = 1; e <= options.epochs(); e++) {
      long started = System.nanoTime();
      int[] order = Shuffle.permutation(n,
          Seeds.forPurpose(shuffleSeed, "epoch " + (epochsDone + 1)));
      double lossSum = 0;
      double correctSum = 0;
      long stepInEpoch = 0;
      for (int start = 0; start < n; start += options.batchSize()) {
        int size = Math.min(options.batchSize(), n - start);
        int[] batch = new int[size];
        System.arraycopy(order, start, batch, 0, size);
        stepInEpoch++;
        globalStep++;
        float[] lossAndCorrect = step(g, batch);
        double loss = lossAndCorrect[0];
        if (!Double.isFinite(loss)) {
          epochsDone++;
          return new FitResult.Diverged(e, stepInEpoch, globalStep, loss, history);
        }
        lossSum += loss * size;
        correctSum += lossAndCorrect[1];
        options.listener().onStep(e, stepInEpoch, stepsPerEpoch, loss);
      }
      epochsDone++;
      Optional<Evaluation> validation = options.validation()
          .map(v -> model.evaluate(v, options.loss()));
      EpochStats stats = new EpochStats(e, stepInEpoch, lossSum / n,
          classes ? correctSum / n : Double.NaN, validation,
          Duration.ofNanos(System.nanoTime() - started));
      history.add(stats);
      options.listener().onEpoch(stats);
    }
    return new FitResult.Completed(history);
  }

  /** One step on the examples {@code batch}: its mean loss and correct count. */
  private float[] step(TrainingGraph g, int[] batch) {
    try (TInt32 indices = TInt32.tensorOf(org.tensorflow.ndarray.Shape.of(batch.length),
             DataBuffers.of(batch, true, false));
         Result r = graph.session().runner().feed(g.indices(), indices).fetch(g.step().loss())
             .fetch(g.step().correct()).addTarget(g.step().train()).run()) {
      return new float[] {((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat()};
    }
  }
}
