package dev.primer.tf.internal.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Mimetic;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mimetic attention init against its formula (see {@link Mimetic}): with D = heads * keyDim
 * &gt;= d the products are exactly W_q W_k^T = alpha1 Z1 + beta1 I and W_v W_o = alpha2 Z2 -
 * beta2 I, Z with N(0, 1/d) entries. So, of each product, over n = d diagonal and
 * m = d (d - 1) off-diagonal entries:
 * <pre>
 *   mean of the diagonal       beta (or -beta),  standard error alpha / d
 *   mean off the diagonal      0,                standard error alpha / sqrt(d m)
 *   variance off the diagonal  alpha^2 / d,      relative standard error sqrt(2 / m)
 * </pre>
 * each checked within 5 standard errors (a false failure about once in 1.7 million).
 */
class MimeticInitTest {

  @Test
  void productsAreTheTargetIdentitiesPlusNoise() {
    int d = 64;
    // alpha and beta differ, so a swap of the noise weight and the identity weight fails
    Mimetic m = Inits.mimetic(0.5, 0.9, 0.3, 0.6);
    try (Model model = Model.compile(
        Net.input(3, d).multiHeadAttention(4, 16).init(m), 7)) {
      Map<String, ParameterValues> w = model.weights();
      String a = "multi_head_attention_0/";
      double[][] qk = timesTransposed(w.get(a + "query_kernel"), w.get(a + "key_kernel"));
      double[][] vo = times(w.get(a + "value_kernel"), w.get(a + "output_kernel"));
      assertLooksLike(qk, m.alphaQk(), m.betaQk(), "W_q W_k^T");
      assertLooksLike(vo, m.alphaVo(), -m.betaVo(), "W_v W_o");
    }
  }

  @Test
  void widerProjectionsThanTheModelGetZeroColumnsAndTheSameProduct() {
    int d = 16;
    try (Model model = Model.compile(
        Net.input(3, d).multiHeadAttention(4, 8).init(Inits.MIMETIC), 8)) {
      Map<String, ParameterValues> w = model.weights();
      String a = "multi_head_attention_0/";
      float[] q = w.get(a + "query_kernel").values();
      int width = 32;
      for (int i = 0; i < d; i++) {
        for (int j = d; j < width; j++) {
          assertThat(q[i * width + j]).isZero();
        }
      }
      double[][] qk = timesTransposed(w.get(a + "query_kernel"), w.get(a + "key_kernel"));
      double trace = 0;
      for (int i = 0; i < d; i++) {
        trace += qk[i][i];
      }
      assertThat(trace / d).isCloseTo(Mimetic.DEFAULT_QK, within(5 * Mimetic.DEFAULT_QK / d));
    }
  }

  @Test
  void eachLayerDrawsItsOwnProducts() {
    try (Model model = Model.compile(Net.input(3, 8).multiHeadAttention(2, 4).init(Inits.MIMETIC)
        .multiHeadAttention(2, 4).init(Inits.MIMETIC), 9)) {
      Map<String, ParameterValues> w = model.weights();
      assertThat(w.get("multi_head_attention_0/query_kernel").values())
          .isNotEqualTo(w.get("multi_head_attention_1/query_kernel").values());
    }
  }

  static void assertLooksLike(double[][] product, double alpha, double diagonal, String what) {
    int d = product.length;
    double diag = 0;
    double off = 0;
    double offSquares = 0;
    long m = (long) d * (d - 1);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        if (i == j) {
          diag += product[i][j] / d;
        } else {
          off += product[i][j] / m;
          offSquares += product[i][j] * product[i][j] / m;
        }
      }
    }
    double variance = alpha * alpha / d;
    assertThat(diag).as("%s: mean of the diagonal", what)
        .isCloseTo(diagonal, within(5 * alpha / d));
    assertThat(off).as("%s: mean off the diagonal", what)
        .isCloseTo(0, within(5 * alpha / Math.sqrt(d * (double) m)));
    assertThat(offSquares - off * off).as("%s: variance off the diagonal", what)
        .isCloseTo(variance, within(5 * Math.sqrt(2.0 / m) * variance));
  }

  /** A B^T for A, B [d, D]. */
  static double[][] timesTransposed(ParameterValues a, ParameterValues b) {
    int d = a.shape().dim(0);
    int width = a.shape().dim(1);
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < width; k++) {
          out[i][j] += (double) a.values()[i * width + k] * b.values()[j * width + k];
        }
      }
    }
    return out;
  }

  /** A B for A [d, D], B [D, d]. */
  static double[][] times(ParameterValues a, ParameterValues b) {
    int d = a.shape().dim(0);
    int width = a.shape().dim(1);
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < width; k++) {
          out[i][j] += (double) a.values()[i * width + k] * b.values()[k * d + j];
        }
      }
    }
    return out;
  }
}
