package dev.primer.samples.report;

import dev.primer.tf.diagnose.CoordinateCheckResult;
import java.awt.BasicStroke;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The coordinate check's chart for one parametrization (Tensor Programs V, Figure 5): the mean
 * |x W + b| of each layer against the net's width, both axes logarithmic, one colour per layer,
 * a thin line at initialization, a dashed one after the first step and a thick one after the
 * last. Flat thick lines: the
 * layer's coordinates keep their size as the net widens (muP); rising ones: they grow with it
 * (the standard parametrization's logits under Adam). Both charts of a check share the y range,
 * so they can be compared side by side.
 */
public final class CoordinateChart {
  private CoordinateChart() {
    throw new AssertionError("no instances");
  }

  /** The chart of {@code parametrization}'s measures in {@code result}. */
  public static XYChart chart(CoordinateCheckResult result, String parametrization) {
    ChartImages.headless();
    int last = result.plan().steps();
    int[] drawn = last == 1 ? new int[] {0, 1} : new int[] {0, 1, last};
    XYChart chart = new XYChartBuilder().width(ChartImages.WIDTH).height(ChartImages.HEIGHT)
        .title("Coordinate check, " + parametrization + ": layer size against width")
        .xAxisTitle("width (log scale)")
        .yAxisTitle("mean |x W + b| over the batch (log scale)").build();
    ChartImages.style(chart.getStyler());
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setXAxisDecimalPattern("0");
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (String p : result.parametrizations()) {
      for (String layer : result.layers()) {
        for (int w : result.plan().widths()) {
          for (int step : drawn) {
            double v = result.mean(p, w, step, layer);
            if (v > 0 && Double.isFinite(v)) {
              lo = Math.min(lo, v);
              hi = Math.max(hi, v);
            }
          }
        }
      }
    }
    if (hi > 0) {
      chart.getStyler().setYAxisMin(lo / 1.2);
      chart.getStyler().setYAxisMax(hi * 1.2);
    }
    List<String> layers = result.layers();
    double[] x = result.plan().widths().stream().mapToDouble(Integer::doubleValue).toArray();
    for (int i = 0; i < layers.size(); i++) {
      String layer = layers.get(i);
      String name = i == layers.size() - 1 ? layer + " (logits)" : layer;
      for (int step : drawn) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
          double v = result.mean(parametrization, (int) x[k], step, layer);
          y[k] = v > 0 && Double.isFinite(v) ? v : Double.NaN;
        }
        XYSeries series = chart.addSeries(name + (step == 0 ? ", init" : ", step " + step), x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setLineColor(Palette.color(i));
        series.setMarkerColor(Palette.color(i));
        series.setLineStyle(step == 0 ? new BasicStroke(1.0f)
            : step < last ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f)
            : new BasicStroke(2.6f));
        series.setMarker(step == last ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      }
    }
    return chart;
  }
}
