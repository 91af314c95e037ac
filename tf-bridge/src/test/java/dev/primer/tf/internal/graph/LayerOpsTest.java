package dev.primer.tf.internal.graph;

import static dev.primer.dsl.init.Inits.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.ParameterValues;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spatial and shape layers at inference against direct computations here: images are
 * [height, width, channels], row-major, and SAME padding puts the odd padding row or column at
 * the end (TensorFlow's convention), output size ceil(n / stride).
 */
class LayerOpsTest {
  static final int H = 6;
  static final int W = 6;
  static final int C = 2;
  static final int EXAMPLES = 3;

  static float[] images(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[EXAMPLES * H * W * C];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  static float at(float[] x, int e, int r, int c, int ch) {
    return x[((e * H + r) * W + c) * C + ch];
  }

  /** Size and leading padding of one axis: VALID none; SAME as TensorFlow. */
  static int[] geometry(Padding padding, int n, int k, int stride) {
    if (padding == Padding.VALID) {
      return new int[] {(n - k) / stride + 1, 0};
    }
    int out = (n + stride - 1) / stride;
    int total = Math.max((out - 1) * stride + k - n, 0);
    return new int[] {out, total / 2};
  }

  static Stream<Arguments> convolutions() {
    return Stream.of(Arguments.of(3, 1, Padding.VALID), Arguments.of(3, 2, Padding.SAME),
        Arguments.of(2, 1, Padding.SAME), Arguments.of(4, 2, Padding.SAME));
  }

  @ParameterizedTest(name = "conv2d(4,{0},{1},{2})")
  @MethodSource("convolutions")
  void conv2dIsACrossCorrelationPlusBias(int k, int stride, Padding padding) {
    int filters = 4;
    NetSpec spec = Net.input(H, W, C).conv2d(filters, k, stride, padding)
        .bias(uniform(-0.5, 0.5));
    float[] x = images(1);
    int[] rows = geometry(padding, H, k, stride);
    int[] cols = geometry(padding, W, k, stride);

    try (Model model = Model.compile(spec, 4)) {
      Map<String, ParameterValues> w = model.weights();
      float[] kernel = w.get("conv2d_0/kernel").values();
      float[] bias = w.get("conv2d_0/bias").values();
      float[] y = model.predict(x);

      assertThat(y).hasSize(EXAMPLES * rows[0] * cols[0] * filters);
      for (int e = 0; e < EXAMPLES; e++) {
        for (int r = 0; r < rows[0]; r++) {
          for (int c = 0; c < cols[0]; c++) {
            for (int f = 0; f < filters; f++) {
              double sum = bias[f];
              for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                  int rr = r * stride + i - rows[1];
                  int cc = c * stride + j - cols[1];
                  if (rr < 0 || rr >= H || cc < 0 || cc >= W) {
                    continue; // zero padding
                  }
                  for (int ch = 0; ch < C; ch++) {
                    sum += at(x, e, rr, cc, ch) * kernel[((i * k + j) * C + ch) * filters + f];
                  }
                }
              }
              int index = ((e * rows[0] + r) * cols[0] + c) * filters + f;
              assertThat((double) y[index]).as("[%d][%d][%d][%d]", e, r, c, f)
                  .isCloseTo(sum, within(1e-5));
            }
          }
        }
      }
    }
  }

  static Stream<Arguments> poolings() {
    return Stream.of(Arguments.of(true, 2, 2, Padding.VALID), Arguments.of(true, 3, 2, Padding.SAME),
        Arguments.of(false, 2, 2, Padding.VALID), Arguments.of(false, 3, 2, Padding.SAME),
        Arguments.of(false, 3, 1, Padding.VALID));
  }

  @ParameterizedTest(name = "max {0}, pool {1}, stride {2}, {3}")
  @MethodSource("poolings")
  void poolingTakesTheMaxOrTheMeanOfEachWindowPerChannel(
      boolean max, int pool, int stride, Padding padding) {
    NetSpec spec = max
        ? Net.input(H, W, C).maxPool2d(pool, stride, padding)
        : Net.input(H, W, C).avgPool2d(pool, stride, padding);
    float[] x = images(2);
    int[] rows = geometry(padding, H, pool, stride);
    int[] cols = geometry(padding, W, pool, stride);

    try (Model model = Model.compile(spec, 0)) {
      float[] y = model.predict(x);

      assertThat(y).hasSize(EXAMPLES * rows[0] * cols[0] * C);
      for (int e = 0; e < EXAMPLES; e++) {
        for (int r = 0; r < rows[0]; r++) {
          for (int c = 0; c < cols[0]; c++) {
            for (int ch = 0; ch < C; ch++) {
              double best = Double.NEGATIVE_INFINITY;
              double sum = 0;
              int count = 0;
              for (int i = 0; i < pool; i++) {
                for (int j = 0; j < pool; j++) {
                  int rr = r * stride + i - rows[1];
                  int cc = c * stride + j - cols[1];
                  if (rr >= 0 && rr < H && cc >= 0 && cc < W) {
                    best = Math.max(best, at(x, e, rr, cc, ch));
                    sum += at(x, e, rr, cc, ch);
                    count++;
                  }
                }
              }
              // padded positions take part in neither (TensorFlow's average excludes them)
              double expected = max ? best : sum / count;
              int index = ((e * rows[0] + r) * cols[0] + c) * C + ch;
              assertThat((double) y[index]).as("[%d][%d][%d][%d]", e, r, c, ch)
                  .isCloseTo(expected, within(1e-6));
            }
          }
        }
      }
    }
  }

  @Test
  void flattenAndReshapeKeepTheRowMajorOrder() {
    float[] x = images(3);
    try (Model flat = Model.compile(Net.input(H, W, C).flatten(), 0);
         Model reshaped = Model.compile(Net.input(H, W, C).reshape(C, W, H), 0);
         Model both = Model.compile(Net.input(H, W, C).flatten().reshape(W * H, C), 0)) {
      assertThat(flat.outputSize()).isEqualTo(H * W * C);
      assertThat(flat.net().output().toArray()).containsExactly(H * W * C);
      assertThat(flat.predict(x)).isEqualTo(x);
      assertThat(reshaped.predict(x)).isEqualTo(x);
      assertThat(both.net().output().toArray()).containsExactly(W * H, C);
      assertThat(both.predict(x)).isEqualTo(x);
    }
  }
}
