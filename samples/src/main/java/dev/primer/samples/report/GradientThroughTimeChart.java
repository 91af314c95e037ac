package dev.primer.samples.report;

import java.awt.BasicStroke;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A chart of ‖∂L/∂x_t‖ at initialization against the time step t, one line per run
 * ({@code dev.primer.tf.diagnose.GradientThroughTime}): a recurrent net whose gradient carries
 * back draws a flat line; one whose gradient vanishes draws a line that climbs by decades
 * towards the last step. The y axis is logarithmic; values of 0 or not finite are left out.
 */
public final class GradientThroughTimeChart {
  private GradientThroughTimeChart() {
    throw new AssertionError("no instances");
  }

  /** The chart of {@code normsPerRun}: per run, in order, the norm at step 1, 2, ... T. */
  public static XYChart chart(Map<String, double[]> normsPerRun) {
    ChartImages.headless();
    int steps = normsPerRun.values().stream().mapToInt(a -> a.length).max().orElse(2);
    XYChart chart = new XYChartBuilder().width(ChartImages.WIDTH).height(ChartImages.HEIGHT)
        .title("How far back the gradient reaches at initialization")
        .xAxisTitle("time step t (the loss is read after the last step)")
        .yAxisTitle("mean ||dL/dx_t|| (log scale)").build();
    ChartImages.style(chart.getStyler());
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setXAxisMin(1.0);
    chart.getStyler().setXAxisMax((double) Math.max(steps, 2));
    chart.getStyler().setMarkerSize(0);
    int index = 0;
    for (Map.Entry<String, double[]> e : normsPerRun.entrySet()) {
      double[] norms = e.getValue();
      double[] x = new double[norms.length];
      double[] y = new double[norms.length];
      int drawn = 0;
      for (int t = 0; t < norms.length; t++) {
        x[t] = t + 1;
        boolean drawable = norms[t] > 0 && Double.isFinite(norms[t]);
        y[t] = drawable ? norms[t] : Double.NaN;
        drawn += drawable ? 1 : 0;
      }
      String name = e.getKey() + (drawn < norms.length
          ? " (" + (norms.length - drawn) + " of " + norms.length + " not drawn)" : "");
      XYSeries series = drawn == 0
          ? chart.addSeries(name, new double[] {1}, new double[] {Double.NaN})
          : chart.addSeries(name, x, y);
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      series.setLineColor(Palette.color(index));
      series.setMarkerColor(Palette.color(index));
      series.setLineStyle(new BasicStroke(2.2f));
      series.setMarker(SeriesMarkers.NONE);
      index++;
    }
    return chart;
  }
}
