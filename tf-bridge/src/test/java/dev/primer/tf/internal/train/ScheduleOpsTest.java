package dev.primer.tf.internal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.tf.Model;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.ModelGraphs;
import dev.primer.tf.train.LearningRate;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The rate the training graph computes at step t equals {@link LearningRate#at}(t): one
 * optimizer state on a model's graph, its schedule numbers assigned for each schedule in turn
 * (no new ops), its step counter set to each t, the rate fetched.
 */
class ScheduleOpsTest {
  static final List<LearningRate> SCHEDULES = List.of(
      LearningRate.constant(0.003),
      LearningRate.step(0.1, 0.5, 10),
      LearningRate.exponential(0.1, 0.96, 7),
      LearningRate.cosine(0.05, 100),
      LearningRate.cosine(0.05, 100, 0.2),
      LearningRate.step(0.1, 0.3, 5).withWarmup(8),
      LearningRate.cosine(1e-3, 1000, 0.01).withWarmup(100));
  static final long[] STEPS = {0, 1, 2, 4, 5, 7, 8, 9, 10, 11, 25, 50, 99, 100, 101, 150, 1099,
      1100, 5000, 123_457};

  @Test
  void theGraphsRateAtEachStepIsAt() {
    try (Model model = Model.compile(Net.input(3).dense(2), 0)) {
      CompiledGraph g = ModelGraphs.of(model);
      List<String> names = g.variables().trainableNames();
      OptimizerState state = new OptimizerState(g.tf().withSubScope("schedule_test"),
          Optimizer.sgd(0.1), names, names.stream().map(g.variables()::get).toList());
      Ops tf = g.tf();
      Placeholder<TInt64> t = tf.placeholder(TInt64.class);
      Assign<TInt64> setStep = tf.assign(state.counter(), t);
      int opsBefore = count(g);
      for (LearningRate schedule : SCHEDULES) {
        state.set(g.session(), Optimizer.sgd(schedule), OptionalDouble.empty());
        for (long step : STEPS) {
          try (TInt64 value = TInt64.scalarOf(step)) {
            g.session().runner().feed(t, value).addTarget(setStep).run().close();
          }
          double rate;
          try (Result r = g.session().runner().fetch(state.learningRate()).run()) {
            rate = ((TFloat32) r.get(0)).getFloat();
          }
          double expected = schedule.at(step);
          // float32: the step, the schedule's numbers and each op round to 2^-24 relative; pow
          // and cos add a few ulps more: 1e-6 relative (and 1e-9 absolute near a zero rate)
          assertThat(rate).as("%s at step %d", schedule.describe(), step)
              .isCloseTo(expected, within(1e-6 * expected + 1e-9));
        }
      }
      assertThat(count(g)).as("another schedule adds no ops").isEqualTo(opsBefore);
    }
  }

  static int count(CompiledGraph g) {
    int n = 0;
    for (var it = g.graph().operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
