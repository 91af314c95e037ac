package dev.primer.tf.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Diagnosis of residual nets without normalization, against theory: with He on both layers of a
 * {@code dense(n).relu().dense(n)} branch, the branch's output has twice the second moment of its
 * input (x W1: 2 q; relu: q; W2: 2 q), and the sum adds second moments (E[x f(x)] = 0 over the
 * zero-mean last weights), so each block multiplies the stream's by 1 + 2 = 3. The residual
 * schemes start every branch at zero, so they grow nothing, and the gradient they cut on purpose
 * is not called vanishing.
 */
class DiagnosisResidualTest {
  private static final int WIDTH = 128;
  private static final int BLOCKS = 12;

  private static DiagnosisReport diagnose(Init scheme) {
    NetSpec spec = Net.parse("input(" + WIDTH + ").dense(" + WIDTH + ").relu().repeat(" + BLOCKS
        + ",residual(dense(" + WIDTH + ").relu().dense(" + WIDTH + ")).scaled(1))"
        + ".dense(10).softmax()").withKernelInit(scheme);
    try (Model model = Model.compile(spec, 3)) {
      return Diagnosis.run(model,
          Probe.standardNormal(spec.input().orElseThrow(), 256, model.outputSize(), 5));
    }
  }

  @Test
  void heNormalGrowsTheStreamThreefoldPerBlockAndTheSummarySaysWhy() {
    DiagnosisReport report = diagnose(Inits.HE_NORMAL);
    String line = report.summary().stream().filter(s -> s.contains("residual sums"))
        .findFirst().orElseThrow(() -> new AssertionError(report.summary()));
    Matcher m = Pattern.compile("the " + BLOCKS + " residual sums grow the signal's second"
        + " moment ~([0-9.]+)x per block").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    // 3 in theory; each block's ratio is measured on 256 examples of 128 units, and the
    // fluctuations of finite width (1/n per layer) average out over 12 blocks: within 10%
    assertThat(Double.parseDouble(m.group(1))).isBetween(2.7, 3.3);
    assertThat(line).contains("start every branch at zero: fixup, zer_o, or skipinit");
    assertThat(report.layersWith(Verdict.Kind.EXPLODING)).isNotEmpty();
  }

  @Test
  void fixupAndSkipInitStartTheBranchesAtZeroAndNothingIsJudgedVanishing() {
    DiagnosisReport fixup = diagnose(Inits.FIXUP);
    assertThat(fixup.ok()).as("%s", fixup.summary()).isTrue();
    assertThat(fixup.summary().get(0)).startsWith("dense_1, the output layer, starts at zero");

    DiagnosisReport skip = diagnose(Inits.SKIPINIT);
    assertThat(skip.ok()).as("%s", skip.summary()).isTrue();
    assertThat(skip.summary().get(0)).isEqualTo(BLOCKS + " residual branches start at zero (a"
        + " zero scale, as skipinit puts it, or a zero last layer): no gradient enters them"
        + " before the first update, so the gradient gains of their " + 2 * BLOCKS
        + " layers are not judged");
    assertThat(skip.summary()).noneMatch(s -> s.contains("residual sums grow"));
  }
}
