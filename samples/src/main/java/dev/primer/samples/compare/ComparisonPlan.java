package dev.primer.samples.compare;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import java.util.Map;

/**
 * What a comparison trains: one net, once per scheme and seed, with the same batches in the same
 * order for every scheme.
 *
 * @param spec the net, with its input shape
 * @param schemes by text name, in order; each replaces every kernel init of the net
 * @param epochs passes over the training set
 * @param batchSize examples per step
 * @param optimizer the same for every run
 * @param seeds one run per scheme and seed
 * @param device where TensorFlow runs
 */
public record ComparisonPlan(NetSpec spec, Map<String, Init> schemes, int epochs, int batchSize,
    Optimizer optimizer, List<Long> seeds, Device device) {

  public ComparisonPlan {
    schemes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(schemes));
    seeds = List.copyOf(seeds);
    if (schemes.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one scheme");
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one seed");
    }
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("epochs and batch size must be >= 1, got "
          + epochs + " and " + batchSize);
    }
  }

  /** Number of runs: schemes times seeds. */
  public int runs() {
    return schemes.size() * seeds.size();
  }
}
