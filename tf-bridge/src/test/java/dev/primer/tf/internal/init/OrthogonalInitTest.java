package dev.primer.tf.internal.init;

import static dev.primer.dsl.init.Inits.deltaOrthogonal;
import static dev.primer.dsl.init.Inits.identity;
import static dev.primer.dsl.init.Inits.orthogonal;
import static dev.primer.tf.internal.init.InitStatistics.KS_ALPHA;
import static dev.primer.tf.internal.init.InitStatistics.assertKolmogorovSmirnov;
import static dev.primer.tf.internal.init.InitStatistics.assertSemiOrthogonal;
import static dev.primer.tf.internal.init.InitStatistics.matrix;
import static dev.primer.tf.internal.init.InitStatistics.toDoubles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.tf.Fixtures;
import dev.primer.tf.internal.init.InitStatistics.SphereCoordinate;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix-structured initializers drawn through a compiled model: orthogonal (flattened like
 * Keras to [product of all dimensions but the last, last]), identity and delta-orthogonal.
 */
class OrthogonalInitTest {

  static Stream<Arguments> orthogonalShapes() {
    int[][] shapes = {
        {784, 256}, {256, 10}, {5, 5, 32, 64}, {3, 3, 3, 16}, // tall: rows >= cols
        {10, 256}, {3, 3, 2, 64}, {64, 64}};                 // wide, and square
    return Stream.of(1.0, 1.2).flatMap(gain -> Arrays.stream(shapes)
        .map(shape -> Arguments.of(gain, Arrays.toString(shape), shape)));
  }

  @ParameterizedTest(name = "orthogonal({0}) on {1}")
  @MethodSource("orthogonalShapes")
  void orthogonalIsSemiOrthogonalTimesGainAndHaarDistributed(
      double gain, String shapeText, int[] shape) {
    float[] w = Fixtures.initialWeights(
            Fixtures.oneLayer(orthogonal(gain), Optional.empty(), shape),
            Fixtures.seedFor("orthogonal" + gain, shape))
        .get(Fixtures.kernelName(shape)).values();
    int cols = shape[shape.length - 1];
    int rows = w.length / cols;
    String what = "orthogonal(" + gain + ") " + shapeText + " as [" + rows + ", " + cols + "]";

    // rows >= cols: W^T W = gain^2 I; rows < cols: W W^T = gain^2 I
    assertSemiOrthogonal(matrix(w, rows, cols), gain, what);

    // Haar: each orthonormal column (or row) is a uniform point on the sphere of radius gain in
    // R^max(rows, cols), so every entry has that coordinate distribution
    assertKolmogorovSmirnov(toDoubles(w), new SphereCoordinate(Math.max(rows, cols), gain), what);

    // and is symmetric about 0, the diagonal too: without the sign fix Q := Q sign(diag R) a
    // Householder QR gives a diagonal biased to one sign. Two-sided sign test; with fewer than 16
    // entries it could not reach p < 1e-4, so it is only done where it can fail.
    int m = Math.min(rows, cols);
    if (m >= 16) {
      int positive = 0;
      for (int i = 0; i < m; i++) {
        positive += w[i * cols + i] > 0 ? 1 : 0;
      }
      double p = new BinomialTest().binomialTest(m, positive, 0.5,
          AlternativeHypothesis.TWO_SIDED);
      assertThat(p).as("%s: sign test on the diagonal (%d of %d positive)", what, positive, m)
          .isGreaterThan(KS_ALPHA);
    }
  }

  static Stream<Arguments> identityShapes() {
    int[][] shapes = {{784, 256}, {256, 10}, {10, 256}, {64, 64}};
    return Stream.of(1.0, 0.5, -2.0).flatMap(gain -> Arrays.stream(shapes)
        .map(shape -> Arguments.of(gain, Arrays.toString(shape), shape)));
  }

  @ParameterizedTest(name = "identity({0}) on {1}")
  @MethodSource("identityShapes")
  void identityIsExactlyGainOnTheMainDiagonal(double gain, String shapeText, int[] shape) {
    float[] w = Fixtures.initialWeights(
            Fixtures.oneLayer(identity(gain), Optional.empty(), shape), 7)
        .get(Fixtures.kernelName(shape)).values();
    int rows = shape[0];
    int cols = shape[1];

    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        float expected = i == j ? (float) gain : 0f;
        if (w[i * cols + j] != expected) {
          throw new AssertionError("identity(" + gain + ") " + shapeText + ": W[" + i + "][" + j
              + "] = " + w[i * cols + j] + ", expected " + expected);
        }
      }
    }
  }

  static Stream<Arguments> deltaShapes() {
    int[][] shapes = {{5, 5, 32, 64}, {3, 3, 3, 16}, {4, 4, 8, 8}, {2, 2, 4, 6}, {1, 1, 16, 16}};
    return Stream.of(1.0, 1.2).flatMap(gain -> Arrays.stream(shapes)
        .map(shape -> Arguments.of(gain, Arrays.toString(shape), shape)));
  }

  @ParameterizedTest(name = "delta_orthogonal({0}) on {1}")
  @MethodSource("deltaShapes")
  void deltaOrthogonalHasAnOrthogonalCentreTapAndZerosElsewhere(
      double gain, String shapeText, int[] shape) {
    float[] w = Fixtures.initialWeights(
            Fixtures.oneLayer(deltaOrthogonal(gain), Optional.empty(), shape),
            Fixtures.seedFor("delta" + gain, shape))
        .get(Fixtures.kernelName(shape)).values();
    int kh = shape[0];
    int kw = shape[1];
    int in = shape[2];
    int out = shape[3];
    String what = "delta_orthogonal(" + gain + ") " + shapeText;

    double[][] centre = new double[in][out];
    for (int i = 0; i < kh; i++) {
      for (int j = 0; j < kw; j++) {
        // (k - 1) / 2, where same padding puts the pixel itself (as JAX's delta_orthogonal)
        boolean isCentre = i == (kh - 1) / 2 && j == (kw - 1) / 2;
        for (int c = 0; c < in; c++) {
          for (int o = 0; o < out; o++) {
            float v = w[((i * kw + j) * in + c) * out + o];
            if (isCentre) {
              centre[c][o] = v;
            } else if (v != 0f) {
              throw new AssertionError(what + ": tap [" + i + "][" + j + "][" + c + "][" + o
                  + "] = " + v + ", expected exactly 0 off the centre [" + (kh - 1) / 2 + "]["
                  + (kw - 1) / 2 + "]");
            }
          }
        }
      }
    }
    assertSemiOrthogonal(centre, gain, what + " centre tap");
  }

  /**
   * With same padding, TensorFlow pads (k - 1) / 2 before and the rest after, so output pixel p
   * reads input pixel p through tap (k - 1) / 2. A delta-orthogonal kernel with in = out channels
   * must then map each pixel's channel vector by the orthogonal centre tap alone: every output
   * pixel has the norm of the input pixel at the same place (a one-pixel shift would give the
   * norm of a neighbour, and zero on one border).
   */
  @ParameterizedTest(name = "delta_orthogonal on a {0}x{0} kernel with same padding")
  @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3, 4, 5})
  void deltaOrthogonalWithSamePaddingIsAPassThroughPerPixel(int k) {
    int size = 7;
    int channels = 6;
    var spec = dev.primer.dsl.Net.input(size, size, channels)
        .conv2d(channels, k, 1, dev.primer.dsl.layer.Padding.SAME).init(deltaOrthogonal(1))
        .bias(dev.primer.dsl.init.Inits.ZEROS);
    java.util.SplittableRandom random = new java.util.SplittableRandom(k);
    float[] x = new float[size * size * channels];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    float[] y;
    try (dev.primer.tf.Model model = dev.primer.tf.Model.compile(spec, 17 + k)) {
      y = model.predict(x);
    }
    assertThat(y).hasSize(x.length);
    for (int p = 0; p < size * size; p++) {
      double in = 0;
      double out = 0;
      for (int c = 0; c < channels; c++) {
        in += x[p * channels + c] * (double) x[p * channels + c];
        out += y[p * channels + c] * (double) y[p * channels + c];
      }
      // float32 sums of 6 products: relative error well under 1e-5
      assertThat(Math.sqrt(out)).as("%dx%d kernel, pixel (%d, %d): |y| vs |x|", k, k,
          p / size, p % size).isCloseTo(Math.sqrt(in), org.assertj.core.data.Offset.offset(
              1e-5 * Math.sqrt(in) + 1e-6));
    }
  }
}
