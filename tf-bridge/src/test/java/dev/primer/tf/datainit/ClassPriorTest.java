package dev.primer.tf.datainit;

import static dev.primer.dsl.init.Inits.CLASS_PRIOR;
import static dev.primer.dsl.init.Inits.LSUV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.ClassPrior;
import dev.primer.dsl.init.Inits;
import dev.primer.tf.Model;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.internal.datainit.DataInitializer;
import dev.primer.tf.internal.graph.ModelGraphs;
import org.junit.jupiter.api.Test;

/**
 * The class prior sets the output bias to the log (or logit) of the class frequencies of the
 * training targets. The bias is stored as float32: log values of magnitude below 8 are rounded
 * by at most half a float ulp there, 2.4e-7, so they are compared within 1e-6.
 */
class ClassPriorTest {

  /** 1,000 examples: classes 0-3 with 500, 300, 150 and 50 examples, class 4 absent. */
  private static final int[] COUNTS = {500, 300, 150, 50, 0};

  @Test
  void theBiasIsTheLogOfTheClassFrequencies() {
    InMemoryDataset data = SyntheticData.withClassCounts(COUNTS, 6, 1);
    try (Model model = Model.compile(
        Net.input(6).dense(16).relu().dense(5).softmax().bias(CLASS_PRIOR), 3)) {
      DataInitReport report = model.initializeFromData(data);
      float[] bias = model.weights().get("dense_1/bias").values();
      for (int k = 0; k < 4; k++) {
        assertThat(bias[k]).as("class %d", k).isCloseTo((float) Math.log(COUNTS[k] / 1000.0),
            within(1e-6f));
      }
      // absent: half an example, 1 / 2000
      assertThat(bias[4]).isCloseTo((float) Math.log(1 / 2000.0), within(1e-6f));
      PriorBias prior = report.priors().get(0);
      assertThat(prior.parameter()).isEqualTo("dense_1/bias");
      assertThat(prior.link()).isEqualTo(ClassPrior.Link.LOG);
      assertThat(prior.frequencies()).containsExactly(0.5, 0.3, 0.15, 0.05, 0.0);
      assertThat(prior.absentClasses()).isEqualTo(1);
      assertThat(prior.examples()).isEqualTo(1000);
      assertThat(report.scalings()).isEmpty();
      assertThat(report.probeExamples()).isZero();
      assertThat(report.describe()).isEqualTo("class prior: log frequencies of 5 classes (1 absent)");
      assertThat(prior.describe()).isEqualTo("dense_1/bias  layer 1  set to log of the"
          + " frequencies of 5 classes over 1000 examples (1 absent, floored at 1/(2n))");
    }
  }

  @Test
  void withAZeroKernelTheNetPredictsTheFrequencies() {
    // softmax(b) = p_k / sum_j p_j, and the sum is 1 + 1/2000 with the absent class floored
    InMemoryDataset data = SyntheticData.withClassCounts(COUNTS, 6, 1);
    try (Model model = Model.compile(
        Net.input(6).dense(5).softmax().init(Inits.ZEROS).bias(CLASS_PRIOR), 3)) {
      model.initializeFromData(data);
      float[] out = model.predict(SyntheticData.features(data));
      for (int k = 0; k < 5; k++) {
        double expected = Math.max(COUNTS[k], 0.5) / 1000.0 / (1 + 1 / 2000.0);
        assertThat(out[7 * 5 + k]).as("class %d", k).isCloseTo((float) expected, within(1e-6f));
      }
    }
  }

  @Test
  void aSigmoidOutputGetsTheLogitOfTheFrequencies() {
    InMemoryDataset data = SyntheticData.withClassCounts(new int[] {150, 50}, 3, 2);
    try (Model model = Model.compile(
        Net.input(3).dense(2).sigmoid().bias(CLASS_PRIOR), 4)) {
      model.initializeFromData(data);
      float[] bias = model.weights().get("dense_0/bias").values();
      assertThat(bias[0]).isCloseTo((float) Math.log(0.75 / 0.25), within(1e-6f));
      assertThat(bias[1]).isCloseTo((float) Math.log(0.25 / 0.75), within(1e-6f));
      assertThat(model.dataInitReport().orElseThrow().priors().get(0).link())
          .isEqualTo(ClassPrior.Link.LOGIT);
    }
  }

  @Test
  void lsuvScalesTheOutputKernelBeforeThePriorSetsItsBias() {
    InMemoryDataset data = SyntheticData.withClassCounts(COUNTS, 6, 5);
    try (Model model = Model.compile(Net.input(6).dense(16).relu().dense(5).softmax()
        .bias(CLASS_PRIOR).withKernelInit(LSUV), 6)) {
      DataInitReport report = model.initializeFromData(data);
      assertThat(report.scalings()).hasSize(2).allSatisfy(s -> {
        assertThat(s.converged()).isTrue();
        // measured with the output bias still zero: one rescaling is exact
        assertThat(s.finalVariance()).isCloseTo(1, within(1e-4));
      });
      assertThat(model.weights().get("dense_1/bias").values()[0])
          .isCloseTo((float) Math.log(0.5), within(1e-6f));
      assertThat(report.describe()).isEqualTo("lsuv on 512 examples: 2/2 layers within 0.1 of"
          + " unit variance after 1 iteration; class prior: log frequencies of 5 classes"
          + " (1 absent)");
    }
  }

  @Test
  void targetsThatAreNotClassProbabilitiesAreRefused() {
    float[] x = new float[3 * 2];
    InMemoryDataset twoHot = InMemoryDataset.ofTargets(x, Shape.of(2),
        new float[] {1, 0, 0, 1, 1, 0, 0, 0, 1}, 3);
    InMemoryDataset negative = InMemoryDataset.ofTargets(x, Shape.of(2),
        new float[] {1, 0, 0, 1.5f, -0.5f, 0, 0, 0, 1}, 3);
    try (Model model = Model.compile(Net.input(2).dense(3).bias(CLASS_PRIOR), 1)) {
      assertThatThrownBy(() -> model.initializeFromData(twoHot))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("class_prior needs each example's targets to be class probabilities"
              + " (one-hot labels); the targets of example 1 sum to 2.0, not 1");
      assertThatThrownBy(() -> model.initializeFromData(negative))
          .hasMessage("class_prior needs each example's targets to be class probabilities"
              + " (one-hot labels); example 1 has -0.5 for class 1");
    }
  }

  @Test
  void dataWithAnotherNumberOfClassesIsRefused() {
    InMemoryDataset threeClasses = SyntheticData.withClassCounts(new int[] {2, 2, 2}, 4, 3);
    try (Model model = Model.compile(Net.input(4).dense(5).softmax().bias(CLASS_PRIOR), 1)) {
      DataInitializer initializer = DataInitializer.build(ModelGraphs.of(model), model.net());
      assertThatThrownBy(() -> initializer.run(threeClasses, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("class_prior: dense_0/bias has 5 values, one per class, but the data has 3"
              + " target values per example");
    }
  }
}
