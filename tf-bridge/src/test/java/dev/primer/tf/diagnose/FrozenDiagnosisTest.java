package dev.primer.tf.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import org.junit.jupiter.api.Test;

/**
 * Diagnosis trains nothing, so freezing a layer changes none of its numbers: a frozen layer's
 * kernel gradient is still measured (without it, the layer read as having identical units).
 */
class FrozenDiagnosisTest {

  @Test
  void aFrozenNetIsDiagnosedAsTheSameNetUnfrozen() {
    NetSpec plain = Net.input(20).dense(16).relu().dense(4).softmax();
    NetSpec frozen = Net.input(20).dense(16).relu().frozen().dense(4).softmax();
    Probe probe = Probe.standardNormal(Shape.of(20), 64, 4, 3);
    try (Model a = Model.compile(plain, 9); Model b = Model.compile(frozen, 9)) {
      DiagnosisReport expected = Diagnosis.run(a, probe);
      DiagnosisReport actual = Diagnosis.run(b, probe);
      assertThat(actual.table()).isEqualTo(expected.table());
      assertThat(actual.ok()).isTrue();
    }
  }
}
