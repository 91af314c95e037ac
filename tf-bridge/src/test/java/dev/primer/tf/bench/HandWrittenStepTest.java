package dev.primer.tf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Seeds;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Fixtures;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.data.Shuffle;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's hand-written graph computes what fit's step computes: from the same initial
 * weights, fed the batches fit gathers (in fit's shuffled order, the last batch short), both
 * end with the same weights within float rounding. The only difference in the arithmetic is
 * Adam's {@code beta^t}, a product of betas here and {@code pow(beta, t)} in Primer (a few ulp
 * apart), so the weights agree to 1e-5 while training moved them by far more.
 */
class HandWrittenStepTest {

  @Test
  void anMlpWithAdamTrainsAsFitDoes() {
    NetSpec net = Net.input(8).dense(16).relu().dense(16).relu().dense(3).softmax();
    checkSameAsFit(net, Fixtures.blobs(100, 8, 3, 2), new int[] {8}, 3,
        Optimizer.adam(0.01));
  }

  @Test
  void anMlpWithMomentumTrainsAsFitDoes() {
    NetSpec net = Net.input(8).dense(16).relu().dense(3).softmax();
    checkSameAsFit(net, Fixtures.blobs(100, 8, 3, 3), new int[] {8}, 3,
        Optimizer.momentum(0.05, 0.9));
  }

  @Test
  void aConvPoolNetWithAdamTrainsAsFitDoes() {
    NetSpec net = Net.input(12, 12, 1).conv2d(4, 3).relu().maxPool2d(2).conv2d(4, 2).relu()
        .maxPool2d(2).flatten().dense(8).relu().dense(2).softmax();
    checkSameAsFit(net, Fixtures.bars(64, 12, 4), new int[] {12, 12, 1}, 2,
        Optimizer.adam(0.01));
  }

  @Test
  void otherOptimizersAndSchedulesAreRefusedByName() {
    List<ParameterValues> weights;
    try (Model model = Model.compile(Net.input(2).dense(2).softmax(), 1)) {
      weights = List.copyOf(model.weights().values());
    }
    assertThatThrownBy(() -> new HandWrittenStep(weights, new int[] {2}, 2, Optimizer.sgd(0.1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Adam or SGD with momentum only");
    assertThatThrownBy(() -> new HandWrittenStep(weights, new int[] {2}, 2,
        Optimizer.adam(dev.primer.tf.train.LearningRate.cosine(0.1, 10))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only a constant learning rate");
  }

  /**
   * Primer's session calls run the ops on the calling thread instead of TensorFlow's inter-op
   * pool; the kernels and their intra-op splits are the same, so the same steps end with the
   * same weights bit for bit, on products wide enough for a kernel to split them.
   */
  @Test
  void stepsOnTheCallingThreadTrainBitwiseAsOnTheInterOpPool() {
    NetSpec net = Net.input(64).dense(256).relu().dense(256).relu().dense(4).softmax();
    InMemoryDataset data = Fixtures.blobs(256, 64, 4, 9);
    float[] x = Fixtures.features(data);
    float[] y = Fixtures.targets(data);
    try (Model model = Model.compile(net, 3)) {
      Map<String, ParameterValues> initial = model.weights();
      List<ParameterValues> start = List.copyOf(initial.values());
      try (HandWrittenStep pools = new HandWrittenStep(start, new int[] {64}, 4,
               Optimizer.adam(0.01), false);
           HandWrittenStep caller = new HandWrittenStep(start, new int[] {64}, 4,
               Optimizer.adam(0.01), true)) {
        pools.load(x, y, data.size());
        caller.load(x, y, data.size());
        for (int step = 0; step < 20; step++) {
          int[] batch = Arrays.copyOf(Shuffle.permutation(data.size(), step), 128);
          pools.step(batch);
          caller.step(batch);
        }
        Map<String, float[]> a = pools.weights();
        Map<String, float[]> b = caller.weights();
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((name, values) -> {
          assertThat(b.get(name)).as(name).containsExactly(values);
          assertThat(values).as(name + " moved").isNotEqualTo(initial.get(name).values());
        });
      }
    }
  }

  private static void checkSameAsFit(NetSpec net, InMemoryDataset data, int[] example,
      int classes, Optimizer optimizer) {
    int n = data.size();
    int batch = 16;
    long shuffleSeed = 11;
    int epochs = 2;
    try (Model model = Model.compile(net, 5)) {
      Map<String, ParameterValues> initial = model.weights();
      try (HandWrittenStep hand = new HandWrittenStep(List.copyOf(initial.values()), example,
          classes, optimizer)) {
        model.fit(data, FitOptions.defaults().withBatchSize(batch).withEpochs(epochs)
            .withOptimizer(optimizer).withShuffleSeed(shuffleSeed));

        float[] x = Fixtures.features(data);
        float[] y = Fixtures.targets(data);
        hand.load(x, y, n);
        for (int epoch = 1; epoch <= epochs; epoch++) {
          int[] order = Shuffle.permutation(n, Seeds.forPurpose(shuffleSeed, "epoch " + epoch));
          for (int start = 0; start < n; start += batch) {
            hand.step(Arrays.copyOfRange(order, start, Math.min(n, start + batch)));
          }
        }

        Map<String, float[]> handWeights = hand.weights();
        List<Double> moved = new ArrayList<>();
        for (ParameterValues fitted : model.weights().values()) {
          float[] h = handWeights.get(fitted.name());
          float[] start = initial.get(fitted.name()).values();
          double differs = 0;
          double travelled = 0;
          for (int i = 0; i < h.length; i++) {
            differs = Math.max(differs, Math.abs(h[i] - fitted.values()[i]));
            travelled = Math.max(travelled, Math.abs(start[i] - fitted.values()[i]));
          }
          assertThat(differs).as(fitted.name()).isLessThan(1e-5);
          moved.add(travelled);
        }
        // training moved every parameter far beyond the tolerance: the check can fail
        assertThat(moved).allMatch(m -> m > 1e-3);
      }
    }
  }
}
