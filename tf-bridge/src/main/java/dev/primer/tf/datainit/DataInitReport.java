package dev.primer.tf.datainit;

import dev.primer.dsl.base.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What data-dependent initialization did to a model: one {@link LayerScaling} per kernel LSUV
 * rescaled, in layer order, and one {@link PriorBias} per bias set from the class frequencies.
 *
 * @param probeExamples examples in the batch LSUV measured on (0 when no kernel uses LSUV)
 * @param scalings per LSUV kernel, in layer order
 * @param priors per class-prior bias
 */
public record DataInitReport(int probeExamples, List<LayerScaling> scalings,
    List<PriorBias> priors) {

  /** Copies {@code scalings} and {@code priors}. */
  public DataInitReport {
    scalings = List.copyOf(scalings);
    priors = List.copyOf(priors);
  }

  /** Whether nothing was done: the net has no data-dependent initializer. */
  public boolean isEmpty() {
    return scalings.isEmpty() && priors.isEmpty();
  }

  /** Whether every LSUV layer ended within its tolerance of unit variance. */
  public boolean converged() {
    return scalings.stream().allMatch(LayerScaling::converged);
  }

  /**
   * One line for people: {@code lsuv on 512 examples: 3/3 layers within 0.1 of unit variance
   * after 1-2 iterations; class prior: log frequencies of 10 classes}.
   */
  public String describe() {
    if (isEmpty()) {
      return "no data-dependent initializer";
    }
    List<String> parts = new ArrayList<>();
    if (!scalings.isEmpty()) {
      long ok = scalings.stream().filter(LayerScaling::converged).count();
      List<Double> tolerances = scalings.stream().map(LayerScaling::tolerance).distinct()
          .toList();
      int fewest = scalings.stream().mapToInt(LayerScaling::iterations).min().orElse(0);
      int most = scalings.stream().mapToInt(LayerScaling::iterations).max().orElse(0);
      parts.add("lsuv on " + probeExamples + " examples: " + ok + "/" + scalings.size()
          + " layers within " + (tolerances.size() == 1 ? Numbers.format(tolerances.get(0))
              : "their tolerance") + " of unit variance after "
          + (fewest == most ? Integer.toString(most) : fewest + "-" + most) + " iteration"
          + (most == 1 ? "" : "s") + (ok == scalings.size() ? "" : "; not converged: "
              + scalings.stream().filter(s -> !s.converged()).map(s -> s.parameter()
                  + " (variance " + String.format(java.util.Locale.ROOT, "%.4g",
                  s.finalVariance()) + ")").collect(Collectors.joining(", "))));
    }
    for (PriorBias p : priors) {
      parts.add("class prior: " + (p.link() == dev.primer.dsl.init.ClassPrior.Link.LOG ? "log"
          : "logit") + " frequencies of " + p.frequencies().size() + " classes"
          + (p.absentClasses() == 0 ? "" : " (" + p.absentClasses() + " absent)"));
    }
    return String.join("; ", parts);
  }

  /** One line per parameter, as {@link LayerScaling#describe} and {@link PriorBias#describe}. */
  public String table() {
    StringBuilder out = new StringBuilder();
    scalings.forEach(s -> out.append(s.describe()).append('\n'));
    priors.forEach(p -> out.append(p.describe()).append('\n'));
    return out.toString();
  }
}
