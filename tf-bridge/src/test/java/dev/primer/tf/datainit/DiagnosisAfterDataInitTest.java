package dev.primer.tf.datainit;

import static dev.primer.dsl.init.Inits.LSUV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.tf.Model;
import dev.primer.tf.diagnose.Diagnosis;
import dev.primer.tf.diagnose.DiagnosisReport;
import dev.primer.tf.diagnose.LayerDiagnosis;
import dev.primer.tf.diagnose.Probe;
import org.junit.jupiter.api.Test;

/**
 * A diagnosis looks at the weights training would start from: LSUV is run on the probe first,
 * so every layer's pre-activation has variance 1 within LSUV's tolerance there (the probe has
 * fewer than 512 examples, so LSUV measured on exactly these; no dropout or batch norm, so the
 * diagnosis's training pass computes the same values).
 */
class DiagnosisAfterDataInitTest {

  @Test
  void theDiagnosisSeesLsuvFinishedWeights() {
    try (Model model = Model.compile(Net.input(32).dense(64).relu().dense(64).relu()
        .dense(10).softmax().withKernelInit(LSUV), 3)) {
      DiagnosisReport report =
          Diagnosis.run(model, Probe.standardNormal(Shape.of(32), 256, 10, 5));
      assertThat(model.dataInitReport()).isPresent();
      assertThat(model.dataInitReport().get().probeExamples()).isEqualTo(256);
      for (LayerDiagnosis layer : report.layers()) {
        double std = layer.preActivation().std();
        assertThat(std * std).as(layer.name()).isCloseTo(1, within(0.1));
      }
    }
  }
}
