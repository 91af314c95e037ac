import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Prints what a screenshot holds, for check-render.sh: its size, the share of pixels that are
 * not (near) white ("ink": text, rules, charts) and the number of saturated pixels (colour: the
 * report's own CSS is grey, so colour comes only from the embedded charts).
 *
 * <p>Usage: {@code java tools/report/ScreenshotStats.java SHOT.png}; prints
 * {@code width height inkFraction coloredPixels}. Exit 2 if the file is not a readable image.
 */
public final class ScreenshotStats {
  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = ImageIO.read(new File(args[0]));
    if (image == null) {
      System.err.println("not a readable image: " + args[0]);
      System.exit(2);
    }
    long ink = 0;
    long colored = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.min(r, Math.min(g, b)) < 235) {
          ink++;
        }
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
          colored++;
        }
      }
    }
    double total = (double) image.getWidth() * image.getHeight();
    System.out.printf(java.util.Locale.ROOT, "%d %d %.5f %d%n", image.getWidth(),
        image.getHeight(), ink / total, colored);
  }
}
