package dev.primer.samples.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.tf.datainit.DataInitReport;
import dev.primer.tf.datainit.LayerScaling;
import dev.primer.tf.datainit.PriorBias;
import java.util.Locale;

/**
 * A run's data-dependent initialization in {@code results.json}:
 * <pre>
 *   "data_init": {
 *     "summary": "lsuv on 512 examples: 3/3 layers within 0.1 of unit variance after 1 iteration",
 *     "probe_examples": 512,
 *     "lsuv": [ {"parameter": "dense_0/kernel", "layer": 0, "kind": "dense", "tolerance": 0.1,
 *                "max_iterations": 10, "iterations": 1, "initial_variance": 6.52,
 *                "final_variance": 1.0, "converged": true}, ... ],
 *     "class_prior": [ {"parameter": "dense_2/bias", "layer": 2, "link": "log",
 *                       "examples": 10000, "absent_classes": 0,
 *                       "frequencies": [...], "bias": [...]} ]
 *   }
 * </pre>
 * Variances are those of the layer's output before activation on the probe batch.
 */
final class DataInitJson {
  private DataInitJson() {
    throw new AssertionError("no instances");
  }

  /** What {@link #of} wrote, read back. */
  static DataInitReport read(com.fasterxml.jackson.databind.JsonNode node) {
    java.util.List<LayerScaling> scalings = new java.util.ArrayList<>();
    for (var l : node.path("lsuv")) {
      scalings.add(new LayerScaling(l.path("parameter").asText(), l.path("layer").asInt(),
          l.path("kind").asText(), SavedResults.number(l, "tolerance"),
          l.path("max_iterations").asInt(), l.path("iterations").asInt(),
          SavedResults.number(l, "initial_variance"), SavedResults.number(l, "final_variance"),
          l.path("converged").asBoolean()));
    }
    java.util.List<PriorBias> priors = new java.util.ArrayList<>();
    for (var c : node.path("class_prior")) {
      java.util.List<Double> frequencies = new java.util.ArrayList<>();
      c.path("frequencies").forEach(f -> frequencies.add(f.doubleValue()));
      java.util.List<Double> bias = new java.util.ArrayList<>();
      c.path("bias").forEach(b -> bias.add(b.doubleValue()));
      priors.add(new PriorBias(c.path("parameter").asText(), c.path("layer").asInt(),
          dev.primer.dsl.init.ClassPrior.Link.valueOf(c.path("link").asText()
              .toUpperCase(Locale.ROOT)), frequencies, c.path("examples").asInt(),
          c.path("absent_classes").asInt(), bias));
    }
    return new DataInitReport(node.path("probe_examples").asInt(), scalings, priors);
  }

  static ObjectNode of(DataInitReport report) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode node = mapper.createObjectNode();
    node.put("summary", report.describe());
    node.put("probe_examples", report.probeExamples());
    ArrayNode lsuv = node.putArray("lsuv");
    for (LayerScaling s : report.scalings()) {
      ObjectNode l = lsuv.addObject();
      l.put("parameter", s.parameter());
      l.put("layer", s.layerIndex());
      l.put("kind", s.layerKind());
      l.put("tolerance", s.tolerance());
      l.put("max_iterations", s.maxIterations());
      l.put("iterations", s.iterations());
      JsonNumbers.putFiniteOrNull(l, "initial_variance", s.initialVariance());
      JsonNumbers.putFiniteOrNull(l, "final_variance", s.finalVariance());
      l.put("converged", s.converged());
    }
    ArrayNode priors = node.putArray("class_prior");
    for (PriorBias p : report.priors()) {
      ObjectNode c = priors.addObject();
      c.put("parameter", p.parameter());
      c.put("layer", p.layerIndex());
      c.put("link", p.link().name().toLowerCase(Locale.ROOT));
      c.put("examples", p.examples());
      c.put("absent_classes", p.absentClasses());
      ArrayNode frequencies = c.putArray("frequencies");
      p.frequencies().forEach(frequencies::add);
      ArrayNode bias = c.putArray("bias");
      p.bias().forEach(bias::add);
    }
    return node;
  }
}
