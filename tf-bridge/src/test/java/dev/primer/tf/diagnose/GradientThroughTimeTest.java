package dev.primer.tf.diagnose;

import static dev.primer.dsl.init.Inits.GLOROT_UNIFORM;
import static dev.primer.dsl.init.Inits.IDENTITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.layer.StateActivation;
import dev.primer.tf.Model;
import dev.primer.tf.data.AddingProblem;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.Loss;
import org.junit.jupiter.api.Test;

class GradientThroughTimeTest {

  @Test
  void eachStepsNormIsTheFiniteDifferenceGradientOfTheLoss() {
    int steps = 6;
    int features = 2;
    InMemoryDataset one = AddingProblem.generate(1, steps, 3);
    float[] x = new float[steps * features];
    float[] y = new float[1];
    one.read(0, 1, x, 0, y, 0);
    try (Model model = Model.compile(Net.input(steps, features).lstm(5).dense(1), 9)) {
      GradientThroughTime measured =
          GradientThroughTime.measure(model, Probe.from(one, 1, "one sequence"));
      assertThat(measured.steps()).isEqualTo(steps);
      double h = 1e-2; // central differences: error O(h^2) ~ 1e-4 of the curvature, far
                       // above float32's rounding of the loss (~1e-7 / h = 1e-5)
      for (int t = 0; t < steps; t++) {
        double sum = 0;
        for (int f = 0; f < features; f++) {
          int i = t * features + f;
          double plus = loss(model, x, y, i, h, steps, features);
          double minus = loss(model, x, y, i, -h, steps, features);
          double d = (plus - minus) / (2 * h);
          sum += d * d;
        }
        double expected = Math.sqrt(sum);
        assertThat(measured.norms()[t]).as("step %d", t + 1)
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(2e-3 * Math.max(1, expected)));
      }
    }
  }

  @Test
  void anIrnnCarriesTheGradientBackWhereATanhRnnUnderGlorotLosesIt() {
    // Le, Jaitly and Hinton (2015): relu with U = I passes the gradient back unchanged through
    // active units; tanh' < 1 and a Glorot U shrink it at every one of the 100 steps.
    int steps = 100;
    Probe probe = Probe.from(AddingProblem.generate(128, steps, 4), 128, "adding");
    try (Model irnn = Model.compile(Net.input(steps, 2)
            .simpleRnn(32, Returns.LAST, StateActivation.RELU).recurrentInit(IDENTITY).dense(1), 1);
        Model tanh = Model.compile(
            Net.input(steps, 2).simpleRnn(32).recurrentInit(GLOROT_UNIFORM).dense(1), 1)) {
      double keeps = GradientThroughTime.measure(irnn, probe).decay();
      double loses = GradientThroughTime.measure(tanh, probe).decay();
      assertThat(keeps).isGreaterThan(0.5);
      assertThat(loses).isLessThan(0.1);
    }
  }

  @Test
  void refusesANetWhoseInputIsNoSequence() {
    try (Model model = Model.compile(Net.input(4).dense(1), 1)) {
      Probe probe = Probe.standardNormal(Shape.of(4), 8, 1, 1);
      assertThatThrownBy(() -> GradientThroughTime.measure(model, probe))
          .hasMessageContaining("must be a sequence");
    }
  }

  private static double loss(Model model, float[] x, float[] y, int index, double h, int steps,
      int features) {
    float[] shifted = x.clone();
    shifted[index] += (float) h;
    return model.evaluate(InMemoryDataset.ofTargets(shifted, Shape.of(steps, features), y, 1),
        Loss.MEAN_SQUARED_ERROR).loss();
  }
}
