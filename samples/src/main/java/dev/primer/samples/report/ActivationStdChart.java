package dev.primer.samples.report;

import java.awt.BasicStroke;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A chart of the standard deviation of each layer's output at initialization, one line per
 * scheme: a scheme that keeps the signal alive draws a flat line; one that lets
 * it vanish or explode draws a line that falls or climbs by decades (Glorot init under ReLU
 * halves the variance at every layer, He et al. 2015, section 2.2).
 *
 * <p>The y axis is logarithmic when the values span a decade or more. A standard deviation of 0
 * (zero init) has no place on a log scale: those points are then left out and the scheme's
 * legend entry says so, as it does for values that are not finite.
 */
public final class ActivationStdChart {
  private ActivationStdChart() {
    throw new AssertionError("no instances");
  }

  /**
   * The chart of {@code stdPerLayer}: per scheme, in order, the standard deviation of layer 1, 2,
   * ... 's output.
   *
   * @param context added to the title, if not empty
   */
  public static XYChart chart(Map<String, double[]> stdPerLayer, String context) {
    ChartImages.headless();
    int layers = stdPerLayer.values().stream().mapToInt(a -> a.length).max().orElse(0);
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (double[] std : stdPerLayer.values()) {
      for (double v : std) {
        if (v > 0 && Double.isFinite(v)) {
          lowest = Math.min(lowest, v);
          highest = Math.max(highest, v);
        }
      }
    }
    // A log axis labels only powers of ten: worth it when the values span a decade or more.
    boolean log = highest >= 10 * lowest;
    XYChart chart = new XYChartBuilder().width(ChartImages.WIDTH).height(ChartImages.HEIGHT)
        .title("Standard deviation of each layer's output at initialization"
            + (context.isEmpty() ? "" : " — " + context))
        .xAxisTitle("layer (1 = first layer after the input; the last is the net's output)")
        .yAxisTitle("std of the layer's output" + (log ? " (log scale)" : "")).build();
    ChartImages.style(chart.getStyler());
    chart.getStyler().setYAxisLogarithmic(log);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setXAxisMin(1.0);
    chart.getStyler().setXAxisMax((double) Math.max(layers, 2));
    chart.getStyler().setMarkerSize(layers <= 40 ? 6 : 0);
    int index = 0;
    for (Map.Entry<String, double[]> e : stdPerLayer.entrySet()) {
      double[] std = e.getValue();
      double[] x = new double[std.length];
      double[] y = new double[std.length];
      int drawn = 0;
      for (int i = 0; i < std.length; i++) {
        x[i] = i + 1;
        boolean drawable = Double.isFinite(std[i]) && (std[i] > 0 || !log && std[i] == 0);
        y[i] = drawable ? std[i] : Double.NaN;
        drawn += drawable ? 1 : 0;
      }
      String name = e.getKey();
      if (drawn < std.length) {
        boolean allZero = java.util.Arrays.stream(std).allMatch(v -> v == 0);
        name += allZero ? " (std 0: not drawn)"
            : " (" + (std.length - drawn) + " of " + std.length + " not drawn)";
      }
      XYSeries series;
      if (drawn == 0) {
        // Keeps the scheme in the legend without a point on the log axis.
        series = chart.addSeries(name, new double[] {1}, new double[] {Double.NaN});
      } else {
        series = chart.addSeries(name, x, y);
      }
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      series.setLineColor(Palette.color(index));
      series.setMarkerColor(Palette.color(index));
      series.setLineStyle(new BasicStroke(2.2f));
      series.setMarker(SeriesMarkers.CIRCLE);
      index++;
    }
    return chart;
  }
}
