package dev.primer.samples.report;

import java.awt.Color;

/**
 * The series colors of every chart, so a scheme keeps one color across a report's charts: the
 * ten "tableau" colors (matplotlib's tab10), chosen to stay apart for most color vision.
 */
final class Palette {
  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };

  private Palette() {
    throw new AssertionError("no instances");
  }

  /** The color of series {@code index} (from 0); after ten they repeat. */
  static Color color(int index) {
    return COLORS[Math.floorMod(index, COLORS.length)];
  }

  /** The same color with {@code alpha} (0 transparent, 255 opaque), for bands. */
  static Color translucent(int index, int alpha) {
    Color c = color(index);
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
