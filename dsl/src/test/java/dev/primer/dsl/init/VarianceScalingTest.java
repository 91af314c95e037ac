package dev.primer.dsl.init;

import static dev.primer.dsl.init.InitAssertions.C;
import static dev.primer.dsl.init.InitAssertions.assertNormal;
import static dev.primer.dsl.init.InitAssertions.assertTruncatedNormal;
import static dev.primer.dsl.init.InitAssertions.assertUniform;
import static dev.primer.dsl.init.InitAssertions.kernel;
import static java.lang.Math.sqrt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every variance-scaling preset resolved on dense and conv kernels, against its formula. */
class VarianceScalingTest {

  /** Dense [784, 256], conv [5, 5, 32, 64] and [3, 3, 3, 16], one LSTM gate [28, 64]. */
  static Stream<int[]> shapes() {
    return Stream.of(new int[] {784, 256}, new int[] {5, 5, 32, 64}, new int[] {3, 3, 3, 16},
        new int[] {28, 64});
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void glorotUsesTheAverageOfTheFans(int[] shape) {
    Fans f = Fans.ofKernel(shape);
    assertUniform(Inits.GLOROT_UNIFORM.choose(kernel(shape)), sqrt(6.0 / (f.in() + f.out())));
    assertTruncatedNormal(Inits.GLOROT_NORMAL.choose(kernel(shape)),
        sqrt(2.0 / (f.in() + f.out())) / C);
    assertNormal(Inits.GLOROT_NORMAL_UNTRUNCATED.choose(kernel(shape)),
        sqrt(2.0 / (f.in() + f.out())));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void heUsesTwiceTheInverseFanIn(int[] shape) {
    Fans f = Fans.ofKernel(shape);
    assertUniform(Inits.HE_UNIFORM.choose(kernel(shape)), sqrt(6.0 / f.in()));
    assertTruncatedNormal(Inits.HE_NORMAL.choose(kernel(shape)), sqrt(2.0 / f.in()) / C);
    assertNormal(Inits.HE_NORMAL_UNTRUNCATED.choose(kernel(shape)), sqrt(2.0 / f.in()));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void lecunUsesTheInverseFanIn(int[] shape) {
    Fans f = Fans.ofKernel(shape);
    assertUniform(Inits.LECUN_UNIFORM.choose(kernel(shape)), sqrt(3.0 / f.in()));
    assertTruncatedNormal(Inits.LECUN_NORMAL.choose(kernel(shape)), sqrt(1.0 / f.in()) / C);
    assertNormal(Inits.LECUN_NORMAL_UNTRUNCATED.choose(kernel(shape)), sqrt(1.0 / f.in()));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void fanOutAndFanGeoAvgDivideByTheirFan(int[] shape) {
    Fans f = Fans.ofKernel(shape);
    double geo = sqrt((double) f.in() * f.out());
    assertUniform(vs(2, FanMode.FAN_OUT, Distribution.UNIFORM).choose(kernel(shape)),
        sqrt(6.0 / f.out()));
    assertNormal(vs(2, FanMode.FAN_OUT, Distribution.NORMAL).choose(kernel(shape)),
        sqrt(2.0 / f.out()));
    assertTruncatedNormal(vs(1, FanMode.FAN_GEO_AVG, Distribution.TRUNCATED_NORMAL)
        .choose(kernel(shape)), sqrt(1.0 / geo) / C);
    assertUniform(vs(3, FanMode.FAN_GEO_AVG, Distribution.UNIFORM).choose(kernel(shape)),
        sqrt(9.0 / geo));
  }

  @Test
  void theIssuesNumbersOnADenseKernel() {
    // he_normal on [784, 256]: TruncatedNormal(0, sqrt(2/784)/0.87962566103423978)
    assertTruncatedNormal(Inits.HE_NORMAL.choose(kernel(784, 256)),
        sqrt(2.0 / 784) / 0.87962566103423978);
    assertThat(sqrt(2.0 / 784) / 0.87962566103423978).isCloseTo(0.057419, within(1e-6));
    // glorot_uniform on [784, 256]: U(+-sqrt(6/1040)) = U(+-0.0759555...)
    assertUniform(Inits.GLOROT_UNIFORM.choose(kernel(784, 256)), sqrt(6.0 / 1040));
    assertThat(sqrt(6.0 / 1040)).isCloseTo(0.0759555, within(1e-7));
    // he_uniform on the conv kernel [5, 5, 32, 64]: fan_in 800, limit sqrt(6/800)
    assertUniform(Inits.HE_UNIFORM.choose(kernel(5, 5, 32, 64)), sqrt(6.0 / 800));
    // fan_geo_avg on [784, 256] is sqrt(784 * 256) = 448
    assertNormal(vs(1, FanMode.FAN_GEO_AVG, Distribution.NORMAL).choose(kernel(784, 256)),
        sqrt(1.0 / 448));
  }

  @Test
  void everyDistributionDrawsVarianceScaleOverN() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 2_000; i++) {
      double scale = Math.exp(random.nextDouble(-10, 10));
      int in = random.nextInt(1, 5_000);
      int out = random.nextInt(1, 5_000);
      Target t = kernel(in, out);
      for (FanMode mode : FanMode.values()) {
        double n = switch (mode) {
          case FAN_IN -> in;
          case FAN_OUT -> out;
          case FAN_AVG -> (in + out) / 2.0;
          case FAN_GEO_AVG -> sqrt((double) in * out);
        };
        double variance = scale / n;
        for (Distribution d : Distribution.values()) {
          VarianceScaling v = vs(scale, mode, d);
          assertThat(v.variance(t.fans())).isCloseTo(variance, within(variance * 1e-14));
          Sampler s = v.choose(t);
          double drawn = switch (d) {
            case UNIFORM -> {
              Uniform u = (Uniform) s;
              assertThat(u.lo()).isEqualTo(-u.hi());
              yield u.hi() * u.hi() / 3;
            }
            case NORMAL -> ((Normal) s).std() * ((Normal) s).std();
            case TRUNCATED_NORMAL ->
                ((TruncatedNormal) s).effectiveStd() * ((TruncatedNormal) s).effectiveStd();
          };
          assertThat(drawn).as("%s %s %s on %d/%d", scale, mode, d, in, out)
              .isCloseTo(variance, within(variance * 1e-13));
        }
      }
    }
  }

  @Test
  void presetsAreVarianceScalingWithFixedArguments() {
    assertThat(Inits.GLOROT_UNIFORM).isEqualTo(vs(1, FanMode.FAN_AVG, Distribution.UNIFORM));
    assertThat(Inits.GLOROT_NORMAL).isEqualTo(vs(1, FanMode.FAN_AVG,
        Distribution.TRUNCATED_NORMAL));
    assertThat(Inits.GLOROT_NORMAL_UNTRUNCATED).isEqualTo(vs(1, FanMode.FAN_AVG,
        Distribution.NORMAL));
    assertThat(Inits.HE_UNIFORM).isEqualTo(vs(2, FanMode.FAN_IN, Distribution.UNIFORM));
    assertThat(Inits.HE_NORMAL).isEqualTo(vs(2, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL));
    assertThat(Inits.HE_NORMAL_UNTRUNCATED).isEqualTo(vs(2, FanMode.FAN_IN, Distribution.NORMAL));
    assertThat(Inits.LECUN_UNIFORM).isEqualTo(vs(1, FanMode.FAN_IN, Distribution.UNIFORM));
    assertThat(Inits.LECUN_NORMAL).isEqualTo(vs(1, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL));
    assertThat(Inits.LECUN_NORMAL_UNTRUNCATED).isEqualTo(vs(1, FanMode.FAN_IN,
        Distribution.NORMAL));
  }

  @Test
  void aliasesKeepTheirFrameworksMeaning() {
    assertThat(Inits.GLOROT).isSameAs(Inits.GLOROT_UNIFORM);
    assertThat(Inits.XAVIER_UNIFORM).isSameAs(Inits.GLOROT_UNIFORM);
    assertThat(Inits.XAVIER_NORMAL)
        .isSameAs(Inits.GLOROT_NORMAL_UNTRUNCATED); // PyTorch: untruncated
    assertThat(Inits.HE).isSameAs(Inits.HE_NORMAL);                           // Keras: truncated
    assertThat(Inits.KAIMING_UNIFORM).isSameAs(Inits.HE_UNIFORM);
    assertThat(Inits.KAIMING_NORMAL)
        .isSameAs(Inits.HE_NORMAL_UNTRUNCATED);   // PyTorch: untruncated
    assertThat(Inits.LECUN).isSameAs(Inits.LECUN_NORMAL);
  }

  @Test
  void factoriesBuildTheRecords() {
    assertThat(Inits.constant(0.1)).isEqualTo(new Constant(0.1));
    assertThat(Inits.normal(0, 0.01)).isEqualTo(new Normal(0, 0.01));
    assertThat(Inits.uniform(-0.05, 0.05)).isEqualTo(new Uniform(-0.05, 0.05));
    assertThat(Uniform.symmetric(0.05)).isEqualTo(new Uniform(-0.05, 0.05));
    assertThat(Inits.truncatedNormal(0, 0.05)).isEqualTo(new TruncatedNormal(0, 0.05));
    assertThat(Inits.varianceScaling(2, FanMode.FAN_IN, Distribution.UNIFORM))
        .isEqualTo(Inits.HE_UNIFORM);
    assertThat(Inits.orthogonal(1)).isEqualTo(Inits.ORTHOGONAL);
    assertThat(Inits.identity(1)).isEqualTo(Inits.IDENTITY);
    assertThat(Inits.deltaOrthogonal(1)).isEqualTo(Inits.DELTA_ORTHOGONAL);
    assertThat(Inits.sparse(15, 1)).isEqualTo(new Sparse(15, 1));
    assertThat(Inits.ZEROS).isEqualTo(new Constant(0));
    assertThat(Inits.ONES).isEqualTo(new Constant(1));
  }

  @Test
  void modesAndDistributionsHaveTheirTextNames() {
    assertThat(FanMode.values()).extracting(FanMode::text)
        .containsExactly("fan_in", "fan_out", "fan_avg", "fan_geo_avg");
    assertThat(Distribution.values()).extracting(Distribution::text)
        .containsExactly("truncated_normal", "normal", "uniform");
  }

  private static VarianceScaling vs(double scale, FanMode mode, Distribution d) {
    return new VarianceScaling(scale, mode, d);
  }
}
