package dev.primer.samples.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Reads PNG bytes back and counts pixels, for chart tests. */
final class Pixels {
  private Pixels() {}

  static BufferedImage decode(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new AssertionError("not a readable image");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pixels within {@code tolerance} of {@code color} in each channel. */
  static long near(BufferedImage image, Color color, int tolerance) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (Math.abs(((rgb >> 16) & 0xff) - color.getRed()) <= tolerance
            && Math.abs(((rgb >> 8) & 0xff) - color.getGreen()) <= tolerance
            && Math.abs((rgb & 0xff) - color.getBlue()) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }

  /** {@code color} at {@code alpha} (0..255) painted over white. */
  static Color overWhite(Color color, int alpha) {
    double a = alpha / 255.0;
    return new Color((int) Math.round(255 - a * (255 - color.getRed())),
        (int) Math.round(255 - a * (255 - color.getGreen())),
        (int) Math.round(255 - a * (255 - color.getBlue())));
  }

  static boolean isPng(byte[] bytes) {
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    return bytes.length > 8 && java.util.Arrays.equals(
        java.util.Arrays.copyOf(bytes, 8), signature);
  }
}
