package dev.primer.tf.internal.init;

import static dev.primer.dsl.init.Inits.sparse;
import static dev.primer.tf.internal.init.InitStatistics.KS_ALPHA;
import static dev.primer.tf.internal.init.InitStatistics.Z;
import static dev.primer.tf.internal.init.InitStatistics.assertDrawnFrom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.base.SpecException;
import dev.primer.tf.Fixtures;
import dev.primer.tf.internal.init.InitStatistics.NormalWith;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sparse init (Martens 2010) drawn through a compiled model: the kernel flattened to
 * [fan_in, units] has exactly {@code count} nonzeros in every column, at rows chosen uniformly,
 * and the nonzeros are N(0, std^2).
 */
class SparseInitTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(15, 1.0, new int[] {784, 256}),
        Arguments.of(15, 0.5, new int[] {256, 10}),
        Arguments.of(15, 1.0, new int[] {5, 5, 32, 64}),
        Arguments.of(15, 2.0, new int[] {3, 3, 3, 16}),
        Arguments.of(1, 1.0, new int[] {784, 256}),
        Arguments.of(256, 0.1, new int[] {256, 10})); // count = fan_in: dense
  }

  @ParameterizedTest(name = "sparse({0},{1}) on {2}")
  @MethodSource("cases")
  void everyUnitHasExactlyCountNormalIncomingWeights(int count, double std, int[] shape) {
    float[] w = Fixtures.initialWeights(
            Fixtures.oneLayer(sparse(count, std), Optional.empty(), shape),
            Fixtures.seedFor("sparse" + count + "," + std, shape))
        .get(Fixtures.kernelName(shape)).values();
    int units = shape[shape.length - 1];
    int fanIn = w.length / units;
    String what = "sparse(" + count + "," + std + ") " + Arrays.toString(shape);

    float[] nonzeros = new float[count * units];
    long[] perRow = new long[fanIn];
    Set<BitSet> patterns = new HashSet<>();
    double rowIndexSum = 0;
    int k = 0;
    for (int unit = 0; unit < units; unit++) {
      BitSet rows = new BitSet(fanIn);
      for (int row = 0; row < fanIn; row++) {
        float v = w[row * units + unit];
        if (v != 0f) {
          assertThat(k).as("%s: more than %d nonzeros in total", what, count * units)
              .isLessThan(nonzeros.length);
          nonzeros[k++] = v;
          rows.set(row);
          perRow[row]++;
          rowIndexSum += row;
        }
      }
      assertThat(rows.cardinality()).as("%s: nonzeros of unit %d", what, unit).isEqualTo(count);
      patterns.add(rows);
    }

    assertDrawnFrom(nonzeros, new NormalWith(0, std), what + " nonzeros");
    if (count < fanIn) {
      // each unit draws its own rows: with C(fan_in, count) >= 27 patterns at least, the chance
      // that two of the units here share one is far below 1e-4 for every case above
      if (units * (double) units / 2 / binomial(fanIn, count) < 1e-4) {
        assertThat(patterns).as("%s: distinct row patterns", what).hasSize(units);
      }
      // rows are uniform: the mean chosen row index is (fan_in - 1) / 2, standard error
      // sqrt((fan_in^2 - 1) / 12 / (count units)) (draws without replacement vary less)
      int total = count * units;
      double sd = Math.sqrt((fanIn * (double) fanIn - 1) / 12 / total);
      assertThat(rowIndexSum / total).as("%s: mean chosen row", what)
          .isCloseTo((fanIn - 1) / 2.0, within(Z * sd));
      // and evenly spread: chi-square over bins of consecutive rows, each expecting >= 5 hits
      int bins = (int) Math.min(fanIn, total / 5);
      if (bins >= 2) {
        long[] observed = new long[bins];
        double[] expected = new double[bins];
        for (int row = 0; row < fanIn; row++) {
          int bin = (int) ((long) row * bins / fanIn);
          observed[bin] += perRow[row];
          expected[bin] += (double) total / fanIn;
        }
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertThat(p).as("%s: chi-square of chosen rows over %d bins", what, bins)
            .isGreaterThan(KS_ALPHA);
      }
    }
  }

  private static double binomial(int n, int k) {
    double c = 1;
    for (int i = 0; i < Math.min(k, n - k); i++) {
      c = c * (n - i) / (i + 1);
    }
    return c;
  }

  @Test
  void moreNonzerosThanFanInIsRejectedWhenTheShapeIsKnown() {
    assertThatThrownBy(
        () -> Fixtures.oneLayer(sparse(28, 1.0), Optional.empty(), 3, 3, 3, 16))
        .isInstanceOf(SpecException.class)
        .hasMessage("layer 0 (conv2d): sparse(28,1) needs at most fan_in = 27 nonzero incoming"
            + " weights per unit, got count 28");
  }
}
