package dev.primer.tf.diagnose;

import dev.primer.dsl.Net;
import dev.primer.dsl.param.Mup;
import dev.primer.dsl.param.Parametrization;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link CoordinateCheck} runs: one net family ({@code net} at each width of
 * {@code widths}, see {@link NetSpec#withWidth}), under the standard parametrization and under
 * muP with base width {@code baseWidth}, from each seed, trained {@code steps} steps of
 * {@code optimizer} on one fixed batch of {@code batchSize} examples.
 *
 * @param net the family: every dense layer but the last is set to each width; it must not set
 *     a parametrization of its own
 * @param widths the widths, ascending, at least two
 * @param baseWidth muP's base width
 * @param steps training steps after the measure at initialization, &gt;= 1
 * @param seeds the seeds of the models (the batch is the same for all)
 * @param optimizer the optimizer every run uses
 * @param batchSize the batch's examples, trained on and measured on
 */
public record CoordinateCheckPlan(NetSpec net, List<Integer> widths, int baseWidth, int steps,
    List<Long> seeds, Optimizer optimizer, int batchSize) {

  /** The MLP of the paper's coordinate checks on MNIST: two hidden ReLU layers. */
  public static final NetSpec MLP =
      Net.input(784).dense(64).relu().dense(64).relu().dense(10).softmax();

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the value that is wrong
   */
  public CoordinateCheckPlan {
    Objects.requireNonNull(net, "net");
    Objects.requireNonNull(optimizer, "optimizer");
    widths = List.copyOf(widths);
    seeds = List.copyOf(seeds);
    if (!(net.parametrization() instanceof dev.primer.dsl.param.Standard)) {
      throw new IllegalArgumentException("coordinate check: the net sets its own parametrization "
          + net.parametrization().text() + "; give it without one (the check runs both)");
    }
    if (widths.size() < 2) {
      throw new IllegalArgumentException("coordinate check: needs at least two widths, got "
          + widths);
    }
    for (int i = 0; i < widths.size(); i++) {
      if (widths.get(i) <= 0 || (i > 0 && widths.get(i) <= widths.get(i - 1))) {
        throw new IllegalArgumentException("coordinate check: widths must be > 0 and ascending,"
            + " got " + widths);
      }
    }
    new Mup(baseWidth); // checks the base width
    if (steps < 1) {
      throw new IllegalArgumentException("coordinate check: steps must be >= 1, got " + steps);
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("coordinate check: needs at least one seed");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("coordinate check: batch size must be >= 1, got "
          + batchSize);
    }
    // every width must make a valid net under both parametrizations: fail before any run
    for (int w : widths) {
      net.withWidth(w).mup(baseWidth);
    }
  }

  /**
   * The defaults: {@link #MLP}, widths 64, 128, 256, 512, 1024, base width 64, 4 steps of
   * Adam at rate 0.01, seeds 1, 2, 3, batches of 64.
   */
  public static CoordinateCheckPlan defaults() {
    return new CoordinateCheckPlan(MLP, List.of(64, 128, 256, 512, 1024), 64, 4,
        List.of(1L, 2L, 3L), Optimizer.adam(0.01), 64);
  }

  /** The two parametrizations compared: standard, then muP at the base width. */
  public List<Parametrization> parametrizations() {
    return List.of(Parametrization.standard(), Parametrization.mup(baseWidth));
  }

  /** The net at {@code width} under {@code parametrization}. */
  public NetSpec netAt(int width, Parametrization parametrization) {
    return net.withWidth(width).parametrization(parametrization);
  }

  /** This plan with another net family. */
  public CoordinateCheckPlan withNet(NetSpec net) {
    return new CoordinateCheckPlan(net, widths, baseWidth, steps, seeds, optimizer, batchSize);
  }

  /** This plan with other widths. */
  public CoordinateCheckPlan withWidths(List<Integer> widths) {
    return new CoordinateCheckPlan(net, widths, baseWidth, steps, seeds, optimizer, batchSize);
  }

  /** This plan with another base width. */
  public CoordinateCheckPlan withBaseWidth(int baseWidth) {
    return new CoordinateCheckPlan(net, widths, baseWidth, steps, seeds, optimizer, batchSize);
  }

  /** This plan with another number of steps. */
  public CoordinateCheckPlan withSteps(int steps) {
    return new CoordinateCheckPlan(net, widths, baseWidth, steps, seeds, optimizer, batchSize);
  }

  /** This plan with other seeds. */
  public CoordinateCheckPlan withSeeds(List<Long> seeds) {
    return new CoordinateCheckPlan(net, widths, baseWidth, steps, seeds, optimizer, batchSize);
  }

  /** This plan with another optimizer. */
  public CoordinateCheckPlan withOptimizer(Optimizer optimizer) {
    return new CoordinateCheckPlan(net, widths, baseWidth, steps, seeds, optimizer, batchSize);
  }

  /** This plan with another batch size. */
  public CoordinateCheckPlan withBatchSize(int batchSize) {
    return new CoordinateCheckPlan(net, widths, baseWidth, steps, seeds, optimizer, batchSize);
  }

  /** The number of models the check trains. */
  public int runs() {
    return 2 * widths.size() * seeds.size();
  }
}
