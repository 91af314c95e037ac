package dev.primer.samples.report;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.diagnose.Diagnosis;
import dev.primer.tf.diagnose.DiagnosisReport;
import dev.primer.tf.diagnose.Probe;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of the activation chart ({@link ActivationStdChart}): how a net's signal travels at
 * initialization under each scheme, measured by the library's {@link Diagnosis} on a probe batch
 * of real examples. Per layer it is the standard deviation of the layer's output over the whole
 * batch and all units ({@code LayerDiagnosis.output().std()}):
 * <pre>
 *   std_l = sqrt( (1/N) * sum_i (h_l[i] - mean(h_l))^2 )      over the N = batch * units values
 * </pre>
 * computed in double precision from the float32 values, in two passes (mean first). A data-dependent scheme (LSUV, class
 * prior) is measured after it has initialized on the probe batch: the weights training starts
 * from.
 */
public final class ActivationProbe {
  private ActivationProbe() {
    throw new AssertionError("no instances");
  }

  /**
   * Per scheme, in order, the standard deviation of each layer's output at initialization when
   * {@code spec} has every kernel drawn from that scheme with {@code seed}, probed with the first
   * {@code examples} examples of {@code data} and their targets. Empty when the net's output does
   * not match the data's targets (then no run could train and there is nothing to chart).
   */
  public static Map<String, double[]> atInit(NetSpec spec, Map<String, Init> schemes, long seed,
      Device device, Dataset data, int examples) {
    Map<String, double[]> result = new LinkedHashMap<>();
    if (spec.resolve().output().size() != data.targetWidth()) {
      return result;
    }
    Probe probe = Probe.from(data, examples, "the first " + examples + " training examples");
    for (Map.Entry<String, Init> scheme : schemes.entrySet()) {
      try (Model model = Model.compile(spec.withKernelInit(scheme.getValue()), seed, device)) {
        DiagnosisReport report = Diagnosis.run(model, probe);
        result.put(scheme.getKey(), report.layers().stream()
            .mapToDouble(layer -> layer.output().std()).toArray());
      }
    }
    return result;
  }
}
