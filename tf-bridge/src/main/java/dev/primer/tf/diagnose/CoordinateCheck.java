package dev.primer.tf.diagnose;

import dev.primer.dsl.param.Parametrization;
import dev.primer.tf.Model;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.FitOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The coordinate check of Tensor Programs V (Yang et al. 2022, Section 7 and Figure 5; the
 * {@code mup} package's {@code get_coord_data}): train the same net at several widths for a
 * few steps and measure how large each layer's coordinates are. Under a parametrization that
 * trains well at every width, the size of each layer's values after a step does not depend on
 * the width; under the standard parametrization with Adam the logits (and the hidden layers'
 * values) grow with the width from the first step on, which is why the best learning rate
 * shrinks as nets widen and muP's stays put.
 *
 * <p>For each parametrization (standard, muP at the plan's base width), width and seed: a
 * model, then for t = 0 .. steps the mean |x W + b| of every dense layer on the plan's batch
 * (the first {@code batchSize} examples of the data; the training-mode pass, as a step sees
 * it), followed by one training step on that batch, with the loss the diagnosis uses for the
 * net ({@link Diagnosis#lossFor}: softmax cross-entropy for logits). What it measures is
 * {@link CoordinateSize}; what the measures say, {@link CoordinateCheckResult#slope}.
 */
public final class CoordinateCheck {
  private CoordinateCheck() {
    throw new AssertionError("no instances");
  }

  /**
   * Runs {@code plan} on the first {@code plan.batchSize()} examples of {@code data}.
   *
   * @throws IllegalArgumentException if the data does not fit the net
   */
  public static CoordinateCheckResult run(CoordinateCheckPlan plan, Dataset data) {
    return run(plan, data, size -> { });
  }

  /**
   * As {@link #run(CoordinateCheckPlan, Dataset)}, handing each measure to {@code progress} as
   * it is taken.
   */
  public static CoordinateCheckResult run(CoordinateCheckPlan plan, Dataset data,
      Consumer<CoordinateSize> progress) {
    dev.primer.dsl.resolve.ResolvedNet first = plan.net().withWidth(plan.widths().get(0))
        .resolve();
    Dataset.checkFits(data, first.input(), first.output());
    Probe probe = Probe.from(data, plan.batchSize(), "coordinate check batch");
    Dataset batch = InMemoryDataset.ofTargets(probe.examples(), probe.exampleShape(),
        probe.targets(), probe.targetWidth());
    FitOptions oneStep = FitOptions.defaults().withBatchSize(probe.count())
        .withOptimizer(plan.optimizer()).withShuffleSeed(0)
        .withLoss(Diagnosis.lossFor(first));
    List<CoordinateSize> sizes = new ArrayList<>();
    for (Parametrization p : plan.parametrizations()) {
      for (int width : plan.widths()) {
        for (long seed : plan.seeds()) {
          try (Model model = Model.compile(plan.netAt(width, p), seed)) {
            LayerSizes layers = LayerSizes.of(model);
            for (int step = 0; step <= plan.steps(); step++) {
              for (var e : layers.measure(probe).entrySet()) {
                CoordinateSize size =
                    new CoordinateSize(p.text(), width, seed, step, e.getKey(), e.getValue());
                sizes.add(size);
                progress.accept(size);
              }
              if (step < plan.steps()) {
                model.fit(batch, oneStep);
              }
            }
          }
        }
      }
    }
    return new CoordinateCheckResult(plan, sizes);
  }
}
