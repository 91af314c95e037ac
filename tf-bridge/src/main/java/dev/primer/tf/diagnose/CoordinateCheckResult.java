package dev.primer.tf.diagnose;

import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The measures of a {@link CoordinateCheck}, and what they say: per parametrization, layer and
 * step, the mean over seeds of each width's size, and its growth exponent
 * <pre>
 *   slope = least-squares slope of log(size) against log(width)
 * </pre>
 * (size ~ width^slope): about 0 when a layer's coordinates keep their size as the net widens
 * (muP), about 1 when they grow in proportion to the width (the standard parametrization's
 * logits after a few Adam steps: each output weight moves by about the rate, and the logit
 * sums width such moves, all in the same direction).
 *
 * @param plan what was run
 * @param sizes every measure, in the order they were taken
 */
public record CoordinateCheckResult(CoordinateCheckPlan plan, List<CoordinateSize> sizes) {

  /** Copies {@code sizes}. */
  public CoordinateCheckResult {
    sizes = List.copyOf(sizes);
  }

  /** The parametrizations' texts, in the order run: {@code standard}, {@code mup(64)}. */
  public List<String> parametrizations() {
    return plan.parametrizations().stream().map(p -> p.text()).toList();
  }

  /** The layers measured, in the net's order ({@code dense_0 ... dense_2}). */
  public List<String> layers() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    sizes.forEach(s -> names.add(s.layer()));
    return List.copyOf(names);
  }

  /** The mean over seeds of the size of {@code layer} at {@code width} after {@code step}. */
  public double mean(String parametrization, int width, int step, String layer) {
    return sizes.stream().filter(s -> s.parametrization().equals(parametrization)
            && s.width() == width && s.step() == step && s.layer().equals(layer))
        .mapToDouble(CoordinateSize::meanAbs).average().orElse(Double.NaN);
  }

  /** The growth exponent of {@code layer}'s size with width after {@code step}: see the class. */
  public double slope(String parametrization, int step, String layer) {
    List<Integer> widths = plan.widths();
    double n = widths.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int w : widths) {
      double x = Math.log(w);
      double y = Math.log(mean(parametrization, w, step, layer));
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }

  /**
   * The table: one row per parametrization, step and layer, the mean size at each width and
   * the growth exponent; the last layer is marked {@code (logits)}.
   */
  public String table() {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("parametrization", "step", "layer"));
    plan.widths().forEach(w -> header.add("w=" + w));
    header.add("slope");
    rows.add(header);
    List<String> layers = layers();
    for (String p : parametrizations()) {
      for (int step = 0; step <= plan.steps(); step++) {
        for (String layer : layers) {
          List<String> row = new ArrayList<>(List.of(p, Integer.toString(step),
              layer.equals(layers.get(layers.size() - 1)) ? layer + " (logits)" : layer));
          for (int w : plan.widths()) {
            row.add(Numbers.threeDigits(mean(p, w, step, layer)));
          }
          row.add(String.format(java.util.Locale.ROOT, "%+.2f", slope(p, step, layer)));
          rows.add(row);
        }
      }
    }
    return TextTable.render(rows, c -> c == 1 || c >= 3, 2);
  }
}
