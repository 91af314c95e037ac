package dev.primer.tf.diagnose;

import dev.primer.tf.train.Loss;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What {@link Diagnosis#run} found: per layer statistics and verdicts, and the net-level gradient
 * ratios, at initialization on one probe batch. An immutable value.
 *
 * @param probe how the probe batch was made, for people ({@link Probe#description()})
 * @param examples number of examples in the probe batch
 * @param loss the loss the backward pass differentiated (see {@link Diagnosis})
 * @param lossValue its mean over the batch at initialization
 * @param input moments of the probe's input values
 * @param layers one per layer, in order
 * @param gradientNormRatio Frobenius norm of the first kernel's gradient over the last kernel's;
 *     empty with fewer than two layers with a kernel, or when the last one's is zero. Reported,
 *     not judged: it also depends on the layers' sizes and on how alike the batch's examples
 *     look to each layer; the verdicts judge {@link LayerDiagnosis#gradientGain()} instead
 * @param thresholds what the verdicts were judged by
 * @param summary one line per kind of verdict that fired, with advice; or one line saying all is
 *     ok
 */
public record DiagnosisReport(
    String probe, int examples, Loss loss, double lossValue, Moments input,
    List<LayerDiagnosis> layers, OptionalDouble gradientNormRatio, Thresholds thresholds,
    List<String> summary) {

  /** Copies {@code layers} and {@code summary}. */
  public DiagnosisReport {
    layers = List.copyOf(layers);
    summary = List.copyOf(summary);
  }

  /** Whether no verdict fired in any layer. */
  public boolean ok() {
    return layers.stream().allMatch(LayerDiagnosis::ok);
  }

  /** The layers where a verdict of this kind fired. */
  public List<LayerDiagnosis> layersWith(Verdict.Kind kind) {
    return layers.stream().filter(l -> l.verdict(kind).isPresent()).toList();
  }

  /** The report as an aligned text table, one row per layer, and the summary lines. */
  public String table() {
    return DiagnosisTable.of(this);
  }

  @Override
  public String toString() {
    return table();
  }
}
