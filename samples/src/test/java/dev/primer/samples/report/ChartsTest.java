package dev.primer.samples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.tf.compare.SchemeRun;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

class ChartsTest {

  // A line or a band of a chart covers thousands of pixels at 960x540; 200 pixels of a
  // color leaves room for anti-aliasing and still cannot come from text or the legend's swatch.
  private static final long DRAWN = 200;

  @Test
  void curvesAreAPngOfTheChartSizeWithALinePerSchemeAndABandOverSeeds() {
    byte[] png = ChartImages.png(EpochCurves.chart(Runs.twoSchemesThreeSeeds(),
        Metric.TEST_ACCURACY, ""));
    assertThat(Pixels.isPng(png)).isTrue();
    BufferedImage image = Pixels.decode(png);
    assertThat(image.getWidth()).isEqualTo(ChartImages.WIDTH);
    assertThat(image.getHeight()).isEqualTo(ChartImages.HEIGHT);
    assertThat(Pixels.near(image, Palette.color(0), 10)).isGreaterThan(DRAWN);
    assertThat(Pixels.near(image, Palette.color(1), 10)).isGreaterThan(DRAWN);
    // The bands: each scheme's color at alpha 50 over the white plot.
    assertThat(Pixels.near(image, Pixels.overWhite(Palette.color(0), 50), 4)).isGreaterThan(DRAWN);
    assertThat(Pixels.near(image, Pixels.overWhite(Palette.color(1), 50), 4)).isGreaterThan(DRAWN);
  }

  @Test
  void oneSeedDrawsNoBand() {
    List<SchemeRun> runs = List.of(Runs.run("glorot_uniform", 1, 5, 2.3, 0.5));
    BufferedImage image = Pixels.decode(ChartImages.png(EpochCurves.chart(runs,
        Metric.TEST_ACCURACY, "")));
    assertThat(Pixels.near(image, Palette.color(0), 10)).isGreaterThan(DRAWN);
    // A band would cover thousands of pixels; a few may match at anti-aliased line edges.
    assertThat(Pixels.near(image, Pixels.overWhite(Palette.color(0), 50), 2)).isLessThan(50);
  }

  @Test
  void bandIsMeanMinAndMaxOverTheSeedsThatReachedTheEpoch() {
    SchemeRun longRun = Runs.run("s", 1, 3, 2.0, 0.5);
    SchemeRun shortRun = Runs.run("s", 2, 1, 4.0, 0.5);
    EpochCurves.Band band = EpochCurves.band(List.of(longRun, shortRun), Metric.TRAIN_LOSS, 3);
    double a = longRun.epochs().get(0).trainLoss();
    double b = shortRun.epochs().get(0).trainLoss();
    assertThat(band.mean()[0]).isEqualTo((a + b) / 2);
    assertThat(band.min()[0]).isEqualTo(Math.min(a, b));
    assertThat(band.max()[0]).isEqualTo(Math.max(a, b));
    assertThat(band.mean()[2]).isEqualTo(longRun.epochs().get(2).trainLoss());
  }

  @Test
  void lossesGoOnALogScaleOnlyWhenTheySpanADecade() {
    // Losses from 1.5 to about 0.1 span more than a decade.
    XYChart wide = EpochCurves.chart(Runs.twoSchemesThreeSeeds(), Metric.TRAIN_LOSS, "");
    assertThat(wide.getStyler().isYAxisLogarithmic()).isTrue();
    XYChart narrow = EpochCurves.chart(List.of(Runs.run("s", 1, 2, 2.3, 0.5)),
        Metric.TRAIN_LOSS, "");
    assertThat(narrow.getStyler().isYAxisLogarithmic()).isFalse();
    XYChart accuracy = EpochCurves.chart(Runs.twoSchemesThreeSeeds(), Metric.TEST_ACCURACY, "");
    assertThat(accuracy.getStyler().isYAxisLogarithmic()).isFalse();
  }

  @Test
  void activationStdIsOnALogScaleAndSaysWhichZerosItLeftOut() {
    Map<String, double[]> std = new LinkedHashMap<>();
    std.put("he_normal", new double[] {0.9, 0.9, 0.95, 0.9});
    std.put("glorot_uniform", new double[] {0.6, 0.4, 0.3, 0.2, 0.01});
    std.put("zeros", new double[] {0, 0, 0, 0});
    XYChart chart = ActivationStdChart.chart(std, "depth 4");
    assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
    assertThat(chart.getSeriesMap().keySet()).containsExactly("he_normal", "glorot_uniform",
        "zeros (std 0: not drawn)");
    BufferedImage image = Pixels.decode(ChartImages.png(chart));
    assertThat(Pixels.near(image, Palette.color(0), 10)).isGreaterThan(DRAWN);
    assertThat(Pixels.near(image, Palette.color(1), 10)).isGreaterThan(DRAWN);
  }

  @Test
  void activationStdWithinADecadeStaysLinearAndDrawsZeros() {
    Map<String, double[]> std = new LinkedHashMap<>();
    std.put("a", new double[] {0.9, 0.8});
    std.put("b", new double[] {0.0, 0.5});
    std.put("c", new double[] {0.7, Double.NaN});
    XYChart chart = ActivationStdChart.chart(std, "");
    assertThat(chart.getStyler().isYAxisLogarithmic()).isFalse();
    assertThat(chart.getSeriesMap().keySet()).containsExactly("a", "b", "c (1 of 2 not drawn)");
  }

  @Test
  void accuracyGridColorsChanceRedAndLearnedGreen() {
    double[][] percent = {{95.0, 96.0}, {11.0, 94.0}};
    HeatMapChart chart = AccuracyGridChart.chart("grid", "scheme",
        List.of("glorot_uniform", "he_normal"), "depth", List.of("2", "30"), percent);
    BufferedImage image = Pixels.decode(ChartImages.png(chart));
    assertThat(image.getWidth()).isEqualTo(ChartImages.WIDTH);
    // A cell is about 300 x 200 pixels; the gradient maps 11% to nearly the low end's red.
    assertThat(Pixels.near(image, new Color(0xd73027), 40)).isGreaterThan(10_000);
    assertThat(Pixels.near(image, new Color(0x1a9850), 40)).isGreaterThan(3 * 10_000);
  }
}
