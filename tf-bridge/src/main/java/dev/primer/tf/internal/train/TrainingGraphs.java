package dev.primer.tf.internal.train;

import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trainer's training graphs and optimizer states, so that repeated fits never grow the
 * model's graph: one {@link OptimizerState} per optimizer kind, one {@link TrainingGraph} per
 * (kind, loss, clipping on/off, constant rate or schedule, class weights on/off), both built on
 * first use and reused; a fit only assigns its values to their variables. The graph thus holds
 * at most 5 kinds x 4 losses x 2 x 2 x 2 training graphs, however many fits run.
 *
 * <p>State across fits (as {@link Optimizer} says): a fit whose optimizer equals the previous
 * fit's continues the kind's state; any other optimizer restarts it (slots and counter zero),
 * and so does a state holding a value that is not finite.
 */
public final class TrainingGraphs {
  private final CompiledGraph graph;
  private final Map<String, OptimizerState> states = new HashMap<>();
  private final Map<Key, TrainingGraph> graphs = new HashMap<>();
  private Optimizer previous;

  private record Key(String kind, Loss loss, boolean clip, boolean constantRate,
      boolean weighted) {}

  /** Training graphs on {@code graph}, added on first use. */
  public TrainingGraphs(CompiledGraph graph) {
    this.graph = graph;
  }

  /**
   * Checks, before any work, that {@code train} and {@code options} suit the net: the data and
   * the loss ({@link LossOps#checkFits}, the validation set too) and the class weights' count
   * ({@link LossOps#checkClassWeights}).
   *
   * @throws IllegalArgumentException naming what does not fit
   */
  public static void check(ResolvedNet net, Dataset train, FitOptions options) {
    LossOps.checkFits(net, train, options.loss());
    options.validation().ifPresent(v -> LossOps.checkFits(net, v, options.loss()));
    LossOps.checkClassWeights(options.loss(), Math.toIntExact(net.output().size()),
        options.classWeights());
  }

  /**
   * The training graph for {@code options}, with the optimizer's values, the clipping norm and
   * the class weights assigned, and the optimizer state continued or restarted.
   */
  public TrainingGraph prepare(DataVariables data, FitOptions options) {
    Optimizer optimizer = options.optimizer();
    String kind = OptimizerState.kind(optimizer);
    OptimizerState state = states.computeIfAbsent(kind, k -> {
      List<String> names = graph.variables().trainableNames();
      return new OptimizerState(graph.tf().withSubScope("optimizer_" + k), optimizer, names,
          names.stream().map(graph.variables()::get).toList());
    });
    List<Double> weights = options.classWeights();
    Key key = new Key(kind, options.loss(), options.maxGradientNorm().isPresent(),
        OptimizerState.isConstantRate(optimizer), !weights.isEmpty());
    TrainingGraph g = graphs.computeIfAbsent(key, k -> TrainingGraph.build(graph, data, state,
        k.loss(), k.clip(), k.constantRate(),
        k.weighted() ? Optional.of(weights.size()) : Optional.empty()));
    state.set(graph.session(), optimizer, options.maxGradientNorm());
    g.classWeights().ifPresent(w -> {
      float[] values = new float[weights.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = weights.get(i).floatValue();
      }
      w.set(graph.session(), values);
    });
    if (!optimizer.equals(previous) || !state.isFinite(graph.session())) {
      state.restart(graph.session());
    }
    previous = optimizer;
    return g;
  }

  /**
   * Makes the next {@link #prepare} start its optimizer's state afresh, whatever optimizer it is
   * given: for when the parameters were set back (a diverged epoch undone, the best epoch of an
   * early stop restored), so that the slots and step counters no longer belong to them.
   */
  public void restartOnNextFit() {
    previous = null;
  }
}
