package dev.primer.tf.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis's numbers against initialization theory, on a deep ReLU MLP with zero bias fed
 * standard-normal inputs.
 *
 * <p>Theory. Let q_l be the second moment of layer l's activations over the batch (q_0: the
 * input's), n the width, s^2 the weights' variance. Given the layer's input H, the pre-activation
 * of unit j on example b is z = w_j . h_b, symmetric about 0, so E[relu(z)^2 | H] = s^2 |h_b|^2 / 2
 * and E[q_l | H] = (n s^2 / 2) q_{l-1}, exactly. The ratio r_l = q_l / q_{l-1} is therefore, given
 * the past, the mean of n independent per-unit terms u_j / q_{l-1} with mean rho = n s^2 / 2:
 * rho = 1 for He (s^2 = 2/n), rho = 1/2 for Glorot on square layers (s^2 = 2/(n + n)).
 *
 * <p>Tolerance. u_j = mean_b relu(z_b)^2 with z_b Gaussian; relu(g)^2 has mean 1/2 and variance
 * 5/4 for g ~ N(0, 1), so by Cauchy-Schwarz (whatever the correlation between examples)
 * CV(u_j) &lt;= sqrt(5), and sd(r_l) &lt;= rho sqrt(5/n). In logs: ln r_l = ln rho + e_l with
 * sd(e_l) &lt;= sqrt(5/n) and a bias of at most -(5/n)/2 (delta method); the e_l are martingale
 * differences, so sd(sum of L of them) &lt;= sqrt(5 L / n). Every check allows 4 of those standard
 * deviations plus the bias. With n = 512, L = 16: the geometric-mean ratio over the depth must be
 * within a factor exp(0.104) of rho, each single ratio within rho (1 +- 0.40).
 */
class DiagnosisTheoryTest {
  private static final int WIDTH = 512;
  private static final int DEPTH = 16;
  private static final int BATCH = 256;

  /** q_0 (the input's second moment), then q_1 .. q_DEPTH. */
  private static double[] secondMoments(String kernelInit) {
    StringBuilder text = new StringBuilder("input(" + WIDTH + ")");
    for (int i = 0; i < DEPTH; i++) {
      text.append(".dense(").append(WIDTH).append(").relu().init(").append(kernelInit)
          .append(")");
    }
    NetSpec spec = Net.parse(text.append(".dense(10).softmax()").toString());
    try (Model model = Model.compile(spec, 7)) {
      DiagnosisReport report = Diagnosis.run(model,
          Probe.standardNormal(Shape.of(WIDTH), BATCH, 10, 11));
      double[] q = new double[DEPTH + 1];
      q[0] = report.input().secondMoment();
      for (int l = 1; l <= DEPTH; l++) {
        q[l] = report.layers().get(l - 1).output().secondMoment();
      }
      return q;
    }
  }

  private static final double PER_LAYER_SD = Math.sqrt(5.0 / WIDTH);
  private static final double LOG_BIAS = 2.5 / WIDTH;

  @Test
  void heNormalKeepsTheSecondMomentAcrossDepth() {
    double[] q = secondMoments("he_normal");
    for (int l = 1; l <= DEPTH; l++) {
      // cumulative: |ln(q_l / q_0)| <= 4 sqrt(5 l / n) + l * bias
      assertThat(Math.abs(Math.log(q[l] / q[0])))
          .as("ln(q_%d / q_0), q = %s", l, java.util.Arrays.toString(q))
          .isLessThanOrEqualTo(4 * Math.sqrt(l) * PER_LAYER_SD + l * LOG_BIAS);
    }
    double geometricMean = Math.exp(Math.log(q[DEPTH] / q[0]) / DEPTH);
    assertThat(Math.abs(Math.log(geometricMean)))
        .isLessThanOrEqualTo(4 * PER_LAYER_SD / Math.sqrt(DEPTH) + LOG_BIAS);
  }

  @Test
  void glorotOnSquareLayersHalvesTheSecondMomentPerLayer() {
    double[] q = secondMoments("glorot_uniform");
    for (int l = 1; l <= DEPTH; l++) {
      assertThat(q[l] / q[l - 1]).as("q_%d / q_%d", l, l - 1)
          .isBetween(0.5 * (1 - 4 * PER_LAYER_SD), 0.5 * (1 + 4 * PER_LAYER_SD));
    }
    double geometricMean = Math.exp(Math.log(q[DEPTH] / q[0]) / DEPTH);
    assertThat(Math.abs(Math.log(geometricMean / 0.5)))
        .isLessThanOrEqualTo(4 * PER_LAYER_SD / Math.sqrt(DEPTH) + LOG_BIAS);
  }
}
