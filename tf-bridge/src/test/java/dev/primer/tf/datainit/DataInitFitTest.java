package dev.primer.tf.datainit;

import static dev.primer.dsl.init.Inits.CLASS_PRIOR;
import static dev.primer.dsl.init.Inits.LSUV;
import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.FitOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fit runs data-dependent init once, before its first step, unless the weights were set. */
class DataInitFitTest {

  private static final NetSpec NET = Net.input(8).dense(16).relu().dense(3).softmax()
      .bias(CLASS_PRIOR).withKernelInit(LSUV);
  private static final FitOptions ONE_EPOCH = FitOptions.defaults().withBatchSize(50);

  @Test
  void fitInitializesFromItsTrainingDataOnce() {
    InMemoryDataset data = SyntheticData.withClassCounts(new int[] {120, 60, 20}, 8, 1);
    try (Model model = Model.compile(NET, 2)) {
      assertThat(model.dataInitReport()).isEmpty();
      model.fit(data, ONE_EPOCH);
      DataInitReport first = model.dataInitReport().orElseThrow();
      assertThat(first.scalings()).hasSize(2);
      assertThat(first.priors().get(0).frequencies()).containsExactly(0.6, 0.3, 0.1);
      model.fit(data, ONE_EPOCH);
      assertThat(model.dataInitReport()).containsSame(first);
    }
  }

  @Test
  void fitStartsFromTheSameWeightsAsAnExplicitInitialization() {
    InMemoryDataset data = SyntheticData.withClassCounts(new int[] {120, 60, 20}, 8, 2);
    try (Model implicit = Model.compile(NET, 3); Model explicit = Model.compile(NET, 3)) {
      explicit.initializeFromData(data);
      implicit.fit(data, ONE_EPOCH);
      explicit.fit(data, ONE_EPOCH);
      assertThat(implicit.weights().get("dense_0/kernel").values())
          .isEqualTo(explicit.weights().get("dense_0/kernel").values());
    }
  }

  @Test
  void weightsSetOrLoadedAreNotOverwritten(@TempDir Path dir) throws Exception {
    InMemoryDataset data = SyntheticData.withClassCounts(new int[] {120, 60, 20}, 8, 3);
    try (Model model = Model.compile(NET, 4)) {
      ParameterValues kernel = model.weights().get("dense_0/kernel");
      model.setWeights(List.of(kernel));
      model.fit(data, ONE_EPOCH.withOptimizer(dev.primer.tf.train.Optimizer.sgd(1e-9)));
      assertThat(model.dataInitReport()).isEmpty();
      model.save(dir);
    }
    try (Model loaded = Model.load(dir, dev.primer.tf.Device.CPU)) {
      float[] before = loaded.weights().get("dense_1/bias").values();
      loaded.fit(data, ONE_EPOCH.withOptimizer(dev.primer.tf.train.Optimizer.sgd(1e-9)));
      assertThat(loaded.dataInitReport()).isEmpty();
      assertThat(loaded.weights().get("dense_1/bias").values())
          .containsExactly(before, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  @Test
  void aNetWithoutDataDependentInitReportsNothing() {
    InMemoryDataset data = SyntheticData.withClassCounts(new int[] {10, 10, 10}, 8, 4);
    try (Model model = Model.compile(Net.input(8).dense(3).softmax(), 5)) {
      model.fit(data, ONE_EPOCH);
      assertThat(model.dataInitReport()).isEmpty();
      DataInitReport report = model.initializeFromData(data);
      assertThat(report.isEmpty()).isTrue();
      assertThat(report.describe()).isEqualTo("no data-dependent initializer");
    }
  }
}
