package dev.primer.tf.internal.datainit;

import dev.primer.dsl.init.ClassPrior;
import dev.primer.dsl.init.DataInit;
import dev.primer.dsl.init.Lsuv;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.datainit.DataInitReport;
import dev.primer.tf.datainit.LayerScaling;
import dev.primer.tf.datainit.PriorBias;
import dev.primer.tf.internal.graph.CompiledGraph;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.types.TFloat32;

/**
 * Runs every data-dependent initializer of a compiled net on training data, inside its
 * TensorFlow session: first LSUV on each kernel that names it, layer by layer from the input (each
 * layer measured after the earlier ones were scaled), then each class-prior bias (after LSUV, so
 * the output layer's variance is measured with its bias still at zero). The ops are added to the
 * graph once, when this is built; {@link #run} may be called again (LSUV then finds the layers
 * already at unit variance and stops at once).
 *
 * <p>Every kind of {@link DataInit} is handled through its visitor, so a new kind cannot be
 * forgotten here.
 */
public final class DataInitializer {
  private final CompiledGraph graph;
  private final List<LsuvScaler> scalers;
  private final List<ClassPriorSetter> priors;

  private DataInitializer(CompiledGraph graph, List<LsuvScaler> scalers,
      List<ClassPriorSetter> priors) {
    this.graph = graph;
    this.scalers = List.copyOf(scalers);
    this.priors = List.copyOf(priors);
  }

  /** Adds the ops of every data-dependent parameter of {@code net} to {@code graph}. */
  public static DataInitializer build(CompiledGraph graph, ResolvedNet net) {
    List<LsuvScaler> scalers = new ArrayList<>();
    List<ClassPriorSetter> priors = new ArrayList<>();
    for (ResolvedLayer layer : net.layers()) {
      for (Parameter p : layer.parameters()) {
        p.dataInit().ifPresent(d -> d.accept(new DataInit.Visitor<Void>() {
          @Override
          public Void lsuv(Lsuv l) {
            scalers.add(LsuvScaler.build(graph, layer, p, l));
            return null;
          }

          @Override
          public Void classPrior(ClassPrior c) {
            priors.add(ClassPriorSetter.build(graph, layer, p));
            return null;
          }
        }));
      }
    }
    return new DataInitializer(graph, scalers, priors);
  }

  /** Whether the net has no data-dependent parameter. */
  public boolean isEmpty() {
    return scalers.isEmpty() && priors.isEmpty();
  }

  /**
   * Initializes from {@code data}, whose examples and targets the caller checked against the
   * net. LSUV measures on the {@link ProbeBatch} of {@code probeSeed}; the class prior counts
   * the whole set.
   *
   * @throws IllegalArgumentException if the targets do not suit the class prior
   */
  public DataInitReport run(Dataset data, long probeSeed) {
    List<LayerScaling> scalings = new ArrayList<>();
    int probeExamples = 0;
    if (!scalers.isEmpty()) {
      ProbeBatch batch = ProbeBatch.draw(data, probeSeed);
      probeExamples = batch.count();
      try (TFloat32 tensor = batch.tensor()) {
        for (LsuvScaler scaler : scalers) {
          scalings.add(scaler.scale(graph, tensor));
        }
      }
    }
    List<PriorBias> set = new ArrayList<>();
    for (ClassPriorSetter prior : priors) {
      set.add(prior.set(graph, data));
    }
    return new DataInitReport(probeExamples, scalings, set);
  }
}
