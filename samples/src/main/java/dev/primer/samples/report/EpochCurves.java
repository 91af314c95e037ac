package dev.primer.samples.report;

import dev.primer.tf.compare.EpochRow;
import dev.primer.tf.compare.SchemeRun;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A chart of one {@link Metric} per epoch, one line per scheme: the mean over the scheme's seeds
 * and, with more than one seed, a translucent band from the lowest to the highest seed (min–max,
 * not a standard deviation: with two or three seeds the range is what was seen). A run that
 * diverged stops counting after its last completed epoch; an epoch no run of a scheme completed
 * is a gap. Losses are drawn on a log scale.
 */
public final class EpochCurves {
  private EpochCurves() {
    throw new AssertionError("no instances");
  }

  /** Mean, lowest and highest value of a scheme at each epoch (from 1); NaN where none. */
  record Band(double[] mean, double[] min, double[] max, int seeds) {}

  /** The chart of {@code metric} for {@code runs}, titled with {@code context} if not empty. */
  public static XYChart chart(List<SchemeRun> runs, Metric metric, String context) {
    ChartImages.headless();
    Map<String, List<SchemeRun>> byScheme = new LinkedHashMap<>();
    runs.forEach(r -> byScheme.computeIfAbsent(r.scheme(), k -> new ArrayList<>()).add(r));
    int epochs = runs.stream().mapToInt(r -> r.epochs().size()).max().orElse(0);
    int seeds = byScheme.values().stream().mapToInt(List::size).max().orElse(1);

    String title = metric.title() + " per epoch"
        + (seeds > 1 ? " (mean of " + seeds + " seeds, band: min–max)" : "")
        + (context.isEmpty() ? "" : " — " + context);
    XYChart chart = new XYChartBuilder().width(ChartImages.WIDTH).height(ChartImages.HEIGHT)
        .title(title).xAxisTitle("epoch").yAxisTitle(metric.axis()).build();
    ChartImages.style(chart.getStyler());
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setXAxisMin(1.0);
    chart.getStyler().setXAxisMax((double) Math.max(epochs, 2));
    chart.getStyler().setMarkerSize(6);

    Map<String, Band> bands = new LinkedHashMap<>();
    boolean positive = true;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, List<SchemeRun>> e : byScheme.entrySet()) {
      Band band = band(e.getValue(), metric, epochs);
      bands.put(e.getKey(), band);
      for (int i = 0; i < epochs; i++) {
        if (!Double.isNaN(band.min()[i])) {
          positive &= band.min()[i] > 0;
          lowest = Math.min(lowest, band.min()[i]);
          highest = Math.max(highest, band.max()[i]);
        }
      }
    }
    // A log axis labels only powers of ten: worth it when the values span a decade or more.
    boolean log = metric.logScale() && positive && highest >= 10 * lowest;
    chart.getStyler().setYAxisLogarithmic(log);
    if (log) {
      chart.setYAxisTitle(metric.axis() + " (log scale)");
    }

    // Bands first, so that every line is drawn over them.
    int index = 0;
    for (Map.Entry<String, Band> e : bands.entrySet()) {
      addBand(chart, e.getKey(), e.getValue(), index++);
    }
    index = 0;
    for (Map.Entry<String, Band> e : bands.entrySet()) {
      double[] x = new double[epochs];
      for (int i = 0; i < epochs; i++) {
        x[i] = i + 1;
      }
      if (epochs == 0 || allNaN(e.getValue().mean())) {
        index++;
        continue;
      }
      XYSeries line = chart.addSeries(e.getKey(), x, e.getValue().mean());
      line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      line.setLineColor(Palette.color(index));
      line.setMarkerColor(Palette.color(index));
      line.setLineStyle(new BasicStroke(2.2f));
      line.setMarker(epochs <= 20 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      index++;
    }
    return chart;
  }

  /** The mean, min and max over {@code group}'s runs at each epoch. */
  static Band band(List<SchemeRun> group, Metric metric, int epochs) {
    double[] mean = new double[epochs];
    double[] min = new double[epochs];
    double[] max = new double[epochs];
    for (int e = 0; e < epochs; e++) {
      double sum = 0;
      int n = 0;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (SchemeRun run : group) {
        if (run.epochs().size() > e) {
          double v = metric.charted(run.epochs().get(e));
          if (Double.isFinite(v)) {
            sum += v;
            n++;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      mean[e] = n == 0 ? Double.NaN : sum / n;
      min[e] = n == 0 ? Double.NaN : lo;
      max[e] = n == 0 ? Double.NaN : hi;
    }
    return new Band(mean, min, max, group.size());
  }

  /** The band as a closed polygon: along the maxima, back along the minima. */
  private static void addBand(XYChart chart, String scheme, Band band, int index) {
    if (band.seeds() < 2) {
      return;
    }
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int e = 0; e < band.max().length; e++) {
      if (!Double.isNaN(band.max()[e])) {
        x.add(e + 1.0);
        y.add(band.max()[e]);
      }
    }
    for (int e = band.min().length - 1; e >= 0; e--) {
      if (!Double.isNaN(band.min()[e])) {
        x.add(e + 1.0);
        y.add(band.min()[e]);
      }
    }
    if (x.size() < 4) {
      return;
    }
    XYSeries area = chart.addSeries(scheme + " (min–max)", x, y);
    area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    area.setFillColor(Palette.translucent(index, 50));
    area.setLineColor(Palette.translucent(index, 0));
    area.setMarker(SeriesMarkers.NONE);
    area.setShowInLegend(false);
  }

  private static boolean allNaN(double[] values) {
    for (double v : values) {
      if (!Double.isNaN(v)) {
        return false;
      }
    }
    return true;
  }
}
