package dev.primer.tf.internal.stacked;

import dev.primer.dsl.layer.AvgPool2d;
import dev.primer.dsl.layer.BatchNorm;
import dev.primer.dsl.layer.Conv2d;
import dev.primer.dsl.layer.Dense;
import dev.primer.dsl.layer.Dropout;
import dev.primer.dsl.layer.Flatten;
import dev.primer.dsl.layer.Gru;
import dev.primer.dsl.layer.Layer;
import dev.primer.dsl.layer.Lstm;
import dev.primer.dsl.layer.MaxPool2d;
import dev.primer.dsl.layer.Reshape;
import dev.primer.dsl.layer.SimpleRnn;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import java.util.Optional;

/**
 * Which nets {@link StackedGraph} trains with exactly the separate path's meaning: a chain of
 * dense layers on a flat input, each followed by an activation or none (every activation of the
 * library is elementwise, softmax along the last axis), at least one layer, no data-dependent
 * initializer. Everything else (convolutions, pooling, batch norm, dropout, recurrent layers,
 * LSUV and the class prior) trains one run at a time; {@link #whyNot} says why, in words a
 * listener can show.
 */
public final class StackedNet {
  private StackedNet() {
    throw new AssertionError("no instances");
  }

  /**
   * The most parameter values {@code runs x parameters} held together, 2^26 (256 MiB of
   * float32 per copy; the graph holds about four: weights, optimizer slots, gradients, the
   * step's temporaries). Above it the runs train one by one, within {@code MemoryBudget}'s
   * per-model check.
   */
  public static final long MAX_VALUES = 1L << 26;

  /**
   * Why {@code runs} runs of {@code net} cannot be trained together, or empty when they can:
   * the first layer that cannot be stacked ({@code layer 1 (batchNorm) is not stacked}), a net
   * with no layer or an input that is not flat, or more than {@link #MAX_VALUES} parameter
   * values in all.
   */
  public static Optional<String> whyNot(ResolvedNet net, int runs) {
    long values = runs * net.parameterCount();
    if (values > MAX_VALUES) {
      return Optional.of(runs + " runs x " + net.parameterCount() + " parameters are more than "
          + MAX_VALUES + " values held together");
    }
    if (net.layers().isEmpty()) {
      return Optional.of("the net has no layer");
    }
    if (net.input().rank() != 1) {
      return Optional.of("the input " + net.input() + " is not flat");
    }
    for (ResolvedLayer layer : net.layers()) {
      boolean stacked = layer.spec().layer().accept(STACKED);
      if (!stacked) {
        return Optional.of("layer " + layer.index() + " (" + layer.kind() + ") is not stacked"
            + " (only dense layers are)");
      }
    }
    return Optional.empty();
  }

  /**
   * Why a scheme's resolved {@code net} cannot train with the others in one graph, or empty:
   * a data-dependent initializer (LSUV, class prior) finishes on training data per model, so
   * those schemes train one run at a time.
   */
  public static Optional<String> whyNotScheme(ResolvedNet net) {
    return net.dataDependent().stream().findFirst().map(StackedNet::dataDependent);
  }

  private static String dataDependent(Parameter p) {
    return p.name() + " initializes from data (" + p.label() + ")";
  }

  /** Whether a layer kind has a stacked form: dense only. */
  private static final Layer.Visitor<Boolean> STACKED = new Layer.Visitor<>() {
    @Override
    public Boolean dense(Dense d) {
      return true;
    }

    @Override
    public Boolean conv2d(Conv2d c) {
      return false;
    }

    @Override
    public Boolean maxPool2d(MaxPool2d p) {
      return false;
    }

    @Override
    public Boolean avgPool2d(AvgPool2d p) {
      return false;
    }

    @Override
    public Boolean flatten(Flatten f) {
      return false;
    }

    @Override
    public Boolean reshape(Reshape r) {
      return false;
    }

    @Override
    public Boolean dropout(Dropout d) {
      return false;
    }

    @Override
    public Boolean batchNorm(BatchNorm b) {
      return false;
    }

    @Override
    public Boolean simpleRnn(SimpleRnn r) {
      return false;
    }

    @Override
    public Boolean lstm(Lstm l) {
      return false;
    }

    @Override
    public Boolean gru(Gru g) {
      return false;
    }
  };
}
