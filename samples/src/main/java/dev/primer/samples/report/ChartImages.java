package dev.primer.samples.report;

import dev.primer.tf.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Turns XChart charts into PNG bytes and files, with one look for all of Primer's charts.
 *
 * <p>Charts are drawn off screen: loading this class sets {@code java.awt.headless=true} (unless
 * the property was set already) before any AWT class decides, so drawing works on servers with
 * no display and never opens a window or a dock icon. Every chart factory in this package
 * touches this class first.
 */
public final class ChartImages {
  /** The size of every chart, in pixels. */
  public static final int WIDTH = 960;
  public static final int HEIGHT = 540;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // Encode in memory: ImageIO's file cache registers a shutdown hook per stream, which fails
    // while the JVM shuts down, when the report of an interrupted run is written.
    javax.imageio.ImageIO.setUseCache(false);
  }

  private ChartImages() {
    throw new AssertionError("no instances");
  }

  /** Makes sure the headless property is set: call before creating any chart. */
  static void headless() {
    // The work is done once, by the static initializer.
  }

  /** The chart as a PNG image of its size. */
  public static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the chart '" + chart.getTitle()
          + "' as PNG", e);
    }
  }

  /** Writes {@code png} to {@code file} beside it first, then moves it into place. */
  public static void write(Path file, byte[] png) throws IOException {
    AtomicFiles.write(file, out -> out.write(png));
  }

  /** The common look: white, light grid, legend to the right, readable fonts. */
  static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(true);
    styler.setPlotBorderColor(new Color(0xbbbbbb));
    styler.setLegendBorderColor(new Color(0xdddddd));
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setChartTitleBoxVisible(false);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAntiAlias(true);
  }
}
