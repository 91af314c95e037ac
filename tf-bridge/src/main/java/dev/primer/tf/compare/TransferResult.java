package dev.primer.tf.compare;

import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.train.Evaluation;
import java.nio.file.Path;
import java.util.List;

/**
 * What a transfer comparison ({@link Transfer#run}) found.
 *
 * @param pretrained the pretrained net on the test images of its own digits
 * @param saved the directory the pretrained model was saved into (spec.txt, weights.npz)
 * @param fineTuneSpec the net every head scheme fine-tuned: the frozen body from
 *     {@code saved}, then the head
 * @param runs one run per head scheme and seed, in the plan's order, on the fine-tuning digits
 */
public record TransferResult(Evaluation pretrained, Path saved, NetSpec fineTuneSpec,
    List<SchemeRun> runs) {

  /** Copies {@code runs}. */
  public TransferResult {
    runs = List.copyOf(runs);
  }
}
