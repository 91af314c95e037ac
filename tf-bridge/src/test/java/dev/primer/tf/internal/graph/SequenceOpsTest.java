package dev.primer.tf.internal.graph;

import static dev.primer.dsl.init.Inits.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.layer.AttentionMask;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sequence layers' forward values against the formulas of their Javadoc, evaluated here in
 * double from the model's own weights on tiny inputs. Float32 through a few matmuls and a
 * softmax of values of order 1: agreement to 1e-5.
 */
class SequenceOpsTest {
  static final int EXAMPLES = 3;
  static final int STEPS = 5;
  static final int D = 6;
  static final double TOLERANCE = 1e-5;

  @Test
  void layerNormNormalisesEachPositionThenScalesAndShifts() {
    try (Model model = Model.compile(Net.input(STEPS, D).layerNorm(), 1)) {
      // a random gamma and beta, so a misplaced or missing one shows
      double[] gamma = randomize(model, "layer_norm_0/gamma", 2);
      double[] beta = randomize(model, "layer_norm_0/beta", 3);
      float[] x = gaussian(EXAMPLES * STEPS * D, 4, 3.0, 1.5);
      float[] y = model.predict(x);
      for (int row = 0; row < EXAMPLES * STEPS; row++) {
        double mean = 0;
        for (int i = 0; i < D; i++) {
          mean += x[row * D + i] / (double) D;
        }
        double variance = 0;
        for (int i = 0; i < D; i++) {
          variance += Math.pow(x[row * D + i] - mean, 2) / D;
        }
        for (int i = 0; i < D; i++) {
          double expected = gamma[i] * (x[row * D + i] - mean) / Math.sqrt(variance + 1e-5)
              + beta[i];
          assertThat((double) y[row * D + i]).as("row %d feature %d", row, i)
              .isCloseTo(expected, within(TOLERANCE * 10));
        }
      }
    }
  }

  @Test
  void embeddingReadsTheRowOfEachToken() {
    int vocab = 7;
    try (Model model = Model.compile(Net.input(STEPS).embedding(vocab, D), 5)) {
      float[] table = model.weights().get("embedding_0/embeddings").values();
      float[] ids = {0, 6, 3, 3, 1, 5, 2, 4, 0, 6};
      float[] y = model.predict(ids);
      assertThat(y).hasSize(ids.length * D);
      for (int p = 0; p < ids.length; p++) {
        for (int i = 0; i < D; i++) {
          assertThat(y[p * D + i]).isEqualTo(table[(int) ids[p] * D + i]);
        }
      }
    }
  }

  @Test
  void positionalEmbeddingAddsItsRowAtEachPosition() {
    try (Model model = Model.compile(Net.input(STEPS, D).positionalEmbedding(), 6)) {
      float[] table = model.weights().get("positional_embedding_0/position_embeddings").values();
      float[] x = gaussian(EXAMPLES * STEPS * D, 7, 0, 1);
      float[] y = model.predict(x);
      for (int i = 0; i < x.length; i++) {
        assertThat((double) y[i]).isCloseTo(x[i] + table[i % (STEPS * D)], within(TOLERANCE));
      }
    }
  }

  @Test
  void sinusoidalPositionAddsVaswanisEncoding() {
    int d = 8;
    try (Model model = Model.compile(Net.input(STEPS, d).sinusoidalPosition(), 6)) {
      float[] x = gaussian(EXAMPLES * STEPS * d, 8, 0, 1);
      float[] y = model.predict(x);
      for (int e = 0; e < EXAMPLES; e++) {
        for (int t = 0; t < STEPS; t++) {
          for (int i = 0; i < d / 2; i++) {
            double angle = t / Math.pow(10000, 2.0 * i / d);
            int at = (e * STEPS + t) * d + 2 * i;
            assertThat((double) y[at]).isCloseTo(x[at] + Math.sin(angle), within(TOLERANCE));
            assertThat((double) y[at + 1])
                .isCloseTo(x[at + 1] + Math.cos(angle), within(TOLERANCE));
          }
        }
      }
    }
  }

  @Test
  void denseOnASequenceMapsEachPositionAlike() {
    int units = 4;
    try (Model model = Model.compile(
        Net.input(STEPS, D).dense(units).bias(uniform(-0.5, 0.5)), 9)) {
      float[] w = model.weights().get("dense_0/kernel").values();
      float[] b = model.weights().get("dense_0/bias").values();
      float[] x = gaussian(EXAMPLES * STEPS * D, 10, 0, 1);
      float[] y = model.predict(x);
      assertThat(y).hasSize(EXAMPLES * STEPS * units);
      for (int row = 0; row < EXAMPLES * STEPS; row++) {
        for (int u = 0; u < units; u++) {
          double expected = b[u];
          for (int i = 0; i < D; i++) {
            expected += x[row * D + i] * w[i * units + u];
          }
          assertThat((double) y[row * units + u]).isCloseTo(expected, within(TOLERANCE));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(AttentionMask.class)
  void attentionComputesScaledDotProductAttentionPerHead(AttentionMask mask) {
    int heads = 2;
    int k = 3;
    NetSpec spec = Net.input(STEPS, D).multiHeadAttention(heads, k, mask)
        .bias(uniform(-0.5, 0.5));
    try (Model model = Model.compile(spec, 11)) {
      Map<String, ParameterValues> w = model.weights();
      String name = "multi_head_attention_0/";
      float[] x = gaussian(EXAMPLES * STEPS * D, 12, 0, 1);
      float[] y = model.predict(x);
      for (int e = 0; e < EXAMPLES; e++) {
        double[][] xe = new double[STEPS][D];
        for (int t = 0; t < STEPS; t++) {
          for (int i = 0; i < D; i++) {
            xe[t][i] = x[(e * STEPS + t) * D + i];
          }
        }
        double[][] q = affine(xe, w.get(name + "query_kernel"), w.get(name + "query_bias"));
        double[][] kk = affine(xe, w.get(name + "key_kernel"), w.get(name + "key_bias"));
        double[][] v = affine(xe, w.get(name + "value_kernel"), w.get(name + "value_bias"));
        double[][] mixed = new double[STEPS][heads * k];
        for (int h = 0; h < heads; h++) {
          for (int t = 0; t < STEPS; t++) {
            int seen = mask == AttentionMask.CAUSAL ? t + 1 : STEPS;
            double[] score = new double[seen];
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < seen; s++) {
              for (int j = 0; j < k; j++) {
                score[s] += q[t][h * k + j] * kk[s][h * k + j] / Math.sqrt(k);
              }
              max = Math.max(max, score[s]);
            }
            double total = 0;
            for (int s = 0; s < seen; s++) {
              score[s] = Math.exp(score[s] - max);
              total += score[s];
            }
            for (int s = 0; s < seen; s++) {
              for (int j = 0; j < k; j++) {
                mixed[t][h * k + j] += score[s] / total * v[s][h * k + j];
              }
            }
          }
        }
        double[][] out = affine(mixed, w.get(name + "output_kernel"), w.get(name + "output_bias"));
        for (int t = 0; t < STEPS; t++) {
          for (int i = 0; i < D; i++) {
            assertThat((double) y[(e * STEPS + t) * D + i])
                .as("%s example %d step %d feature %d", mask, e, t, i)
                .isCloseTo(out[t][i], within(TOLERANCE));
          }
        }
      }
    }
  }

  /** x W + b for rows x, W [in, out] row-major. */
  static double[][] affine(double[][] x, ParameterValues kernel, ParameterValues bias) {
    int in = kernel.shape().dim(0);
    int out = kernel.shape().dim(1);
    double[][] y = new double[x.length][out];
    for (int r = 0; r < x.length; r++) {
      for (int o = 0; o < out; o++) {
        y[r][o] = bias.values()[o];
        for (int i = 0; i < in; i++) {
          y[r][o] += x[r][i] * kernel.values()[i * out + o];
        }
      }
    }
    return y;
  }

  /** Sets parameter {@code name} to uniform(-1, 2) values; returns them. */
  static double[] randomize(Model model, String name, long seed) {
    ParameterValues p = model.weights().get(name);
    float[] values = new float[p.values().length];
    double[] out = new double[values.length];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextDouble() * 3 - 1);
      out[i] = values[i];
    }
    model.setWeights(List.of(new ParameterValues(name, p.shape(), values)));
    return out;
  }

  static float[] gaussian(int n, long seed, double mean, double std) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (mean + std * random.nextGaussian());
    }
    return x;
  }

}
