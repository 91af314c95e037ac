package dev.primer.samples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.tf.Device;
import dev.primer.tf.diagnose.DiagnosisReport;
import dev.primer.tf.diagnose.GradientStat;
import dev.primer.tf.diagnose.LayerDiagnosis;
import dev.primer.tf.diagnose.Moments;
import dev.primer.tf.diagnose.Thresholds;
import dev.primer.tf.diagnose.Verdict;
import dev.primer.tf.train.Loss;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The JSON document of {@code primer diagnose --json} (format {@code primer-diagnose/1}): the
 * run's settings, the probe, the loss, the input's moments, one object per layer with its numbers
 * and verdicts, the thresholds and the summary lines. Numbers that do not apply to a layer are
 * null; a number that overflowed is the string "Infinity" or "NaN".
 */
final class DiagnosisJson {
  private DiagnosisJson() {
    throw new AssertionError("no instances");
  }

  static ObjectNode of(DiagnosisReport report, String net, String scheme, long seed,
      Device device, String probeKind, boolean probeChosen, String data) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("format", "primer-diagnose/1");
    root.put("net", net);
    root.put("scheme", scheme);
    root.put("seed", seed);
    root.put("device", device.name().toLowerCase(Locale.ROOT));
    ObjectNode probe = root.putObject("probe");
    probe.put("kind", probeKind);
    probe.put("chosen_by", probeChosen ? "option" : "default");
    probe.put("description", report.probe());
    probe.put("data", data);
    probe.put("examples", report.examples());
    ObjectNode loss = root.putObject("loss");
    loss.put("kind", report.loss() == Loss.SOFTMAX_CROSS_ENTROPY ? "softmax_cross_entropy"
        : "mean_squared_error");
    number(loss, "value", report.lossValue());
    moments(root.putObject("input"), report.input());
    root.put("ok", report.ok());
    ArrayNode layers = root.putArray("layers");
    for (LayerDiagnosis l : report.layers()) {
      ObjectNode o = layers.addObject();
      o.put("index", l.index());
      o.put("name", l.name());
      o.put("kind", l.kind());
      o.put("activation", l.activation().map(a -> a.text()).orElse(null));
      ArrayNode shape = o.putArray("output_shape");
      for (int d : l.outputShape().toArray()) {
        shape.add(d);
      }
      o.put("units", l.units());
      moments(o.putObject("pre_activation"), l.preActivation());
      moments(o.putObject("output"), l.output());
      number(o, "signal_gain", l.signalGain());
      optional(o, "gradient_gain", l.gradientGain());
      optional(o, "dead_fraction", l.deadFraction());
      optional(o, "saturated_fraction", l.saturatedFraction());
      if (l.identicalUnits().isPresent()) {
        o.put("identical_units", l.identicalUnits().getAsInt());
      } else {
        o.putNull("identical_units");
      }
      ArrayNode gradients = o.putArray("gradients");
      for (GradientStat g : l.gradients()) {
        ObjectNode go = gradients.addObject();
        go.put("parameter", g.parameter());
        number(go, "norm", g.norm());
        number(go, "rms", g.rms());
      }
      o.put("ok", l.ok());
      ArrayNode verdicts = o.putArray("verdicts");
      for (Verdict v : l.verdicts()) {
        ObjectNode vo = verdicts.addObject();
        vo.put("kind", v.kind().word());
        vo.put("measure", v.measure().key());
        number(vo, "value", v.value());
        vo.put("comparison", v.comparison());
        number(vo, "threshold", v.threshold());
        vo.put("text", v.describe());
      }
    }
    optional(root, "gradient_norm_ratio_first_last", report.gradientNormRatio());
    Thresholds t = report.thresholds();
    ObjectNode thresholds = root.putObject("thresholds");
    thresholds.put("vanishing_gain", t.vanishingGain());
    thresholds.put("exploding_gain", t.explodingGain());
    thresholds.put("dead_fraction", t.deadFraction());
    thresholds.put("saturated_fraction", t.saturatedFraction());
    thresholds.put("identical_units", t.identicalUnits());
    thresholds.put("identical_tolerance", t.identicalTolerance());
    ArrayNode summary = root.putArray("summary");
    report.summary().forEach(summary::add);
    return root;
  }

  private static void moments(ObjectNode o, Moments m) {
    number(o, "mean", m.mean());
    number(o, "std", m.std());
    number(o, "second_moment", m.secondMoment());
  }

  private static void optional(ObjectNode o, String key, OptionalDouble value) {
    if (value.isPresent()) {
      number(o, key, value.getAsDouble());
    } else {
      o.putNull(key);
    }
  }

  /** Finite numbers as numbers; NaN and infinities as strings, which JSON can hold. */
  private static void number(ObjectNode o, String key, double value) {
    if (Double.isFinite(value)) {
      o.put(key, value);
    } else {
      o.put(key, Double.toString(value));
    }
  }
}
