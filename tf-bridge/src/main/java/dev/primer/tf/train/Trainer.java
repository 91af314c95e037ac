package dev.primer.tf.train;

import dev.primer.dsl.init.Seeds;
import dev.primer.tf.Model;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.Shuffle;
import dev.primer.tf.internal.graph.CallGate;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.internal.graph.SessionCalls;
import dev.primer.tf.internal.train.DataVariables;
import dev.primer.tf.internal.train.LossOps;
import dev.primer.tf.internal.train.TrainingGraph;
import dev.primer.tf.internal.train.TrainingGraphs;
import dev.primer.tf.internal.train.VariableSnapshot;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The training loop of one model: owns its step graphs and optimizer states ({@link
 * TrainingGraphs}: reused across fits, so repeated fits never grow the graph), the training set
 * held in TensorFlow, the per-epoch shuffles, the calls to the listener and early stopping, and
 * the copies that undo a diverged epoch. {@link Model#fit} runs the model's own trainer; most
 * code calls that.
 * <pre>
 *   FitResult result = model.fit(train, FitOptions.defaults().withEpochs(3));
 * </pre>
 *
 * <p>The data set is copied into TensorFlow once (again only when a different data set is
 * passed) and each step feeds only its batch's indices and slices the batch in the graph.
 * Each epoch's order is a {@link Shuffle#permutation} seeded by {@code
 * Seeds.forPurpose(shuffleSeed, "epoch " + k)}, epochs counted across calls from 1: three calls
 * of one epoch shuffle like one call of three.
 *
 * <p>A step fetches only its mean loss; the epoch's correct count is summed in the graph and
 * read once per epoch, and the step counters stay in the graph. A fit of at least {@value
 * #STEPS_BEFORE_SEVERAL_PER_CALL} steps runs {@link #DEFAULT_STEPS_PER_CALL} steps (or the
 * constructor's number) per session call wherever that many whole batches remain: the step
 * graph unrolled that many times, each copy ordered after the previous one's updates, so the
 * weights come out exactly as from one call per step; the call's fixed cost (feeds, executor
 * start, Java) is paid once per k steps, which pays on small, fast steps (see BENCHMARKS.md,
 * "Primer against a hand-written TensorFlow graph"). Once built for a batch size, the unrolled
 * graph serves every later fit of this trainer. The listener hears of every step, in order,
 * with its loss, after the call that ran it: {@link TrainingListener#onStep} may thus come
 * after later steps of the same call have run (what a listener reads from the model there may
 * be up to k - 1 steps ahead), and a close asked for in it stops the fit before the next step it
 * would hear of.
 *
 * <p>Before each epoch the step's variables (parameters and optimizer state) are copied inside
 * TensorFlow ({@link VariableSnapshot}); a non-finite loss writes them back ({@link
 * FitResult.Diverged}, naming the first step whose loss was not finite, whether or not later
 * steps of its session call ran). One fit at a time per model: a second fit of the same model, from this
 * trainer or another, fails at once with an {@link IllegalStateException} while one runs. Closing
 * the model while it trains stops the fit before its next step with {@code fit: the model was
 * closed while it trained}.
 */
public final class Trainer {
  /** Training steps one session call runs by default where whole batches allow. */
  public static final int DEFAULT_STEPS_PER_CALL = 4;
  /**
   * The fewest steps a fit must take before this trainer builds its several-steps-per-call
   * graph (once built, every later fit uses it): below that, building it costs more than it
   * saves (see the class comment).
   */
  public static final long STEPS_BEFORE_SEVERAL_PER_CALL = 1000;
  private final Model model;
  private final CompiledGraph graph;
  private final TrainingGraphs steps;
  private final int stepsPerCall;
  private final Map<TrainingGraph, VariableSnapshot> epochStarts = new HashMap<>();
  private DataVariables data;
  private VariableSnapshot best;
  private int epochsDone;

  /** A training graph and the copy of its variables that undoes a diverged epoch. */
  private record Step(TrainingGraph graph, VariableSnapshot epochStart) {}

  /**
   * A trainer for {@code model}, counting its own epochs. {@link Model#fit} uses one trainer
   * per model; a second one trains the same weights with step graphs and data of its own.
   *
   * @throws IllegalStateException if the model is closed
   */
  public Trainer(Model model) {
    this(model, DEFAULT_STEPS_PER_CALL);
  }

  /**
   * A trainer for {@code model} that runs up to {@code stepsPerCall} training steps per session
   * call (see the class comment); 1 runs one step per call. The weights it trains are the same
   * either way; only the speed and the moment listeners hear of a step differ.
   *
   * @throws IllegalArgumentException if {@code stepsPerCall} is below 1
   * @throws IllegalStateException if the model is closed
   */
  public Trainer(Model model, int stepsPerCall) {
    if (stepsPerCall < 1) {
      throw new IllegalArgumentException("steps per call must be >= 1, got " + stepsPerCall);
    }
    this.stepsPerCall = stepsPerCall;
    this.model = model;
    this.graph = ModelGraphs.of(model);
    this.steps = new TrainingGraphs(graph);
  }

  /**
   * Trains on {@code train}. If the net has data-dependent initializers and they have not run
   * yet (nor have their parameters been set or loaded), runs {@link
   * Model#initializeFromData} on {@code train} before the first step.
   *
   * @return {@link FitResult.Completed}; {@link FitResult.Stopped} when early stopping or the
   *     listener stopped it; or {@link FitResult.Diverged} at the first step whose loss is not
   *     finite (training stops there and the model gets back what it held when that epoch began)
   * @throws IllegalArgumentException if the data does not fit the net or the loss, or early
   *     stopping has no validation set (or watches accuracy with targets of one value)
   * @throws IllegalStateException if the model is closed, is already training, or is closed
   *     while this fit runs
   */
  public FitResult fit(Dataset train, FitOptions options) {
    try (CallGate.Call call = ModelGraphs.gate(model).enterTraining()) {
      return fitReachable(call, train, options);
    } finally {
      Reference.reachabilityFence(model); // no cleaner may release the graph while it trains
    }
  }

  private FitResult fitReachable(CallGate.Call call, Dataset train, FitOptions options) {
    TrainingGraphs.check(graph.net(), train, options);
    options.earlyStopping().ifPresent(es -> checkEarlyStopping(es, options));
    model.initializeFromDataIfNeeded(train);
    Step g = step(options);
    data.load(graph.session(), train);
    Optional<EarlyStoppingState> stopping = options.earlyStopping().map(EarlyStoppingState::new);
    if (options.earlyStopping().filter(EarlyStopping::restoreBest).isPresent() && best == null) {
      best = VariableSnapshot.of(graph, "best", parameters());
    }

    long shuffleSeed = options.shuffleSeed().orElse(Seeds.forPurpose(model.seed(), "shuffle"));
    int n = train.size();
    long stepsPerEpoch = options.stepsPerEpoch(n);
    boolean classes = LossOps.hasAccuracy(options.loss(), train.targetWidth());
    List<EpochStats> history = new ArrayList<>();
    long globalStep = 0;
    boolean several = stepsPerCall > 1 && n >= (long) stepsPerCall * options.batchSize()
        && (g.graph().hasChunk(stepsPerCall)
            || options.epochs() * stepsPerEpoch >= STEPS_BEFORE_SEVERAL_PER_CALL);
    for (int e = 1; e <= options.epochs(); e++) {
      long started = System.nanoTime();
      g.epochStart().save();
      int[] order = Shuffle.epochOrder(n, shuffleSeed, epochsDone + 1);
      double lossSum = 0;
      g.graph().correct().reset(graph.session());
      long stepInEpoch = 0;
      int batchSize = options.batchSize();
      while (stepInEpoch < stepsPerEpoch) {
        if (call.closeRequested()) {
          throw closedDuring(e, stepInEpoch + 1);
        }
        int start = Math.toIntExact(stepInEpoch * batchSize);
        int count = several && n - start >= (long) stepsPerCall * batchSize ? stepsPerCall : 1;
        float[] losses = count == 1
            ? new float[] {step(g.graph(), Arrays.copyOfRange(order, start,
                Math.min(n, start + batchSize)))}
            : steps(g.graph(), order, start, count, batchSize);
        for (int k = 0; k < losses.length; k++) {
          int size = Math.min(batchSize, n - start - k * batchSize);
          stepInEpoch++;
          globalStep++;
          double loss = losses[k];
          if (!Double.isFinite(loss)) {
            g.epochStart().restore();
            steps.restartOnNextFit(); // the restored slots' step counters ran on; start afresh
            epochsDone++;
            return new FitResult.Diverged(e, stepInEpoch, globalStep, loss, history);
          }
          lossSum += loss * size;
          options.listener().onStep(e, stepInEpoch, stepsPerEpoch, loss);
          if (k < losses.length - 1 && call.closeRequested()) {
            throw closedDuring(e, stepInEpoch + 1);
          }
        }
      }
      double correctSum = g.graph().correct().read(graph.session());
      epochsDone++;
      if (call.closeRequested()) {
        throw new IllegalStateException("fit: the model was closed while it trained (after "
            + "epoch " + e + "); training stopped there");
      }
      Optional<Evaluation> validation = options.validation()
          .map(v -> model.evaluate(v, options.loss()));
      EpochStats stats = new EpochStats(e, stepInEpoch, lossSum / n,
          classes ? correctSum / n : Double.NaN, validation,
          Duration.ofNanos(System.nanoTime() - started));
      history.add(stats);
      options.listener().onEpoch(stats);
      if (stopping.isPresent()) {
        EarlyStoppingState state = stopping.get();
        if (state.improved(stats) && best != null) {
          best.save();
        }
        Optional<String> reason = state.stopReason();
        if (reason.isPresent()) {
          OptionalInt restored = OptionalInt.empty();
          if (options.earlyStopping().get().restoreBest() && state.bestEpoch() > 0
              && state.bestEpoch() != e) {
            best.restore();
            steps.restartOnNextFit(); // the slots are the last epoch's, not the best one's
            restored = OptionalInt.of(state.bestEpoch());
          }
          return new FitResult.Stopped(e, "early stopping: " + reason.get(), restored, history);
        }
      }
      Optional<String> reason = options.listener().stopReason(stats);
      if (reason.isPresent()) {
        return new FitResult.Stopped(e, reason.get(), OptionalInt.empty(), history);
      }
    }
    return new FitResult.Completed(history);
  }

  private void checkEarlyStopping(EarlyStopping es, FitOptions options) {
    Dataset validation = options.validation().orElseThrow(() -> new IllegalArgumentException(
        "fit: " + es.describe() + " needs a validation set (FitOptions.withValidation)"));
    if (es.metric() == EarlyStopping.Metric.VALIDATION_ACCURACY
        && !LossOps.hasAccuracy(options.loss(), validation.targetWidth())) {
      throw new IllegalArgumentException("fit: " + es.describe() + " needs an accuracy: classes"
          + " (targets of more than one value) or binary cross-entropy; the validation set's"
          + " targets have " + validation.targetWidth() + " value(s) under " + options.loss());
    }
  }

  /**
   * The training graph of the options, built on first use and set to the options' values
   * ({@link TrainingGraphs#prepare}), with the copy of its variables that undoes a diverged
   * epoch: the parameters, the optimizer's slots and the graph's settings.
   */
  private Step step(FitOptions options) {
    return graph.build(() -> {
      if (data == null) {
        data = new DataVariables(graph.tf());
      }
      TrainingGraph g = steps.prepare(data, options);
      VariableSnapshot start = epochStarts.computeIfAbsent(g, k -> {
        Map<String, Output<TFloat32>> state = new LinkedHashMap<>(parameters());
        state.putAll(VariableSnapshot.variablesOf(g.step().train(),
            List.of(data.features(), data.targets())));
        return VariableSnapshot.of(graph, "epoch_start", state);
      });
      return new Step(g, start);
    });
  }

  /** The net's parameters, trainable or not, by op name. */
  private Map<String, Output<TFloat32>> parameters() {
    Map<String, Output<TFloat32>> all = new LinkedHashMap<>();
    graph.variables().all().values().forEach(v -> all.put(v.op().name(), v.asOutput()));
    return all;
  }
  private static IllegalStateException closedDuring(int epoch, long nextStep) {
    return new IllegalStateException("fit: the model was closed while it trained (epoch "
        + epoch + ", before step " + nextStep + "); training stopped there");
  }

  /** One step on the examples {@code batch}: its mean loss. */
  private float step(TrainingGraph g, int[] batch) {
    try (TInt32 indices = TInt32.tensorOf(Shape.of(batch.length),
             DataBuffers.of(batch, true, false));
         Result r = SessionCalls.runner(graph.session()).feed(g.indices(), indices)
             .fetch(g.step().loss()).addTarget(g.train()).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  /**
   * {@code count} steps of whole batches from example {@code start} of {@code order}, run by
   * one session call: their mean losses, in order.
   */
  private float[] steps(TrainingGraph g, int[] order, int start, int count, int batchSize) {
    TrainingGraph.Chunk chunk = graph.build(() -> g.chunk(count));
    int[] batches = Arrays.copyOfRange(order, start, start + count * batchSize);
    try (TInt32 indices = TInt32.tensorOf(Shape.of(count, batchSize),
             DataBuffers.of(batches, true, false));
         Result r = SessionCalls.runner(graph.session()).feed(chunk.indices(), indices)
             .fetch(chunk.losses()).addTarget(chunk.train()).run()) {
      float[] losses = new float[count];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(losses, false, false));
      return losses;
    }
  }
}
