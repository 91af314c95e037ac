package dev.primer.samples.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A grid of accuracies, one cell per (row, column) — per depth and scheme in a depth sweep —
 * colored from red (0%) through yellow to green (100%) with the value written in each cell; a
 * cell with no accuracy (every seed diverged in its first epoch, or failed) stays empty.
 */
public final class AccuracyGridChart {
  private AccuracyGridChart() {
    throw new AssertionError("no instances");
  }

  /**
   * The grid chart.
   *
   * @param columns labels along the x axis (schemes)
   * @param rows labels along the y axis, drawn bottom to top (depths)
   * @param percent {@code percent[row][column]} in [0, 100], NaN where there is none
   */
  public static HeatMapChart chart(String title, String columnAxis, List<String> columns,
      String rowAxis, List<String> rows, double[][] percent) {
    ChartImages.headless();
    HeatMapChart chart = new HeatMapChartBuilder().width(ChartImages.WIDTH)
        .height(ChartImages.HEIGHT).title(title).xAxisTitle(columnAxis).yAxisTitle(rowAxis)
        .build();
    ChartImages.style(chart.getStyler());
    chart.getStyler().setShowValue(true);
    chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    chart.getStyler().setValueFontColor(Color.BLACK);
    chart.getStyler().setHeatMapValueDecimalPattern("0.0'%'");
    chart.getStyler().setMin(0);
    chart.getStyler().setMax(100);
    chart.getStyler().setRangeColors(new Color[] {
      new Color(0xd73027), new Color(0xfee08b), new Color(0x1a9850)});
    chart.getStyler().setDrawBorder(true);
    chart.getStyler().setLegendVisible(true);
    List<Number[]> cells = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        if (Double.isFinite(percent[r][c])) {
          cells.add(new Number[] {c, r, percent[r][c]});
        }
      }
    }
    chart.addSeries("test accuracy (%)", columns, rows, cells);
    return chart;
  }
}
