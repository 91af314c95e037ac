package dev.primer.tf;

import static dev.primer.dsl.init.Inits.DELTA_ORTHOGONAL;
import static dev.primer.dsl.init.Inits.GLOROT_NORMAL;
import static dev.primer.dsl.init.Inits.HE_UNIFORM;
import static dev.primer.dsl.init.Inits.IDENTITY;
import static dev.primer.dsl.init.Inits.ORTHOGONAL;
import static dev.primer.dsl.init.Inits.PYTORCH_DEFAULT;
import static dev.primer.dsl.init.Inits.sparse;

import dev.primer.dsl.Net;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.FitResult;
import dev.primer.tf.train.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Digests of initial and trained weights, printed one per line ({@code name sha256}) when run as
 * a program: a test compares them across JVMs.
 */
public final class ReproducibilityProbe {
  private ReproducibilityProbe() {
    throw new AssertionError("no instances");
  }

  /** Every sampler kind: delta-orthogonal, sparse, orthogonal, uniform, truncated normal... */
  static final NetSpec SAMPLERS = Net.input(8, 8, 3)
      .conv2d(8, 3).init(DELTA_ORTHOGONAL).relu()
      .conv2d(8, 3).init(sparse(5, 1.0)).relu()
      .flatten()
      .dense(32).init(ORTHOGONAL).tanh()
      .dense(32).init(IDENTITY)
      .dense(16).init(HE_UNIFORM).relu()
      .dense(10).init(GLOROT_NORMAL).softmax();

  /** Recurrent blocks per gate, and PyTorch's uniform. */
  static final NetSpec RECURRENT = Net.input(5, 4).lstm(8, Returns.SEQUENCES).gru(6).init(PYTORCH_DEFAULT);

  /** What is trained: conv, batch norm and dropout (its masks keyed by the step). */
  static final NetSpec TRAINED = Net.input(6, 6, 1).conv2d(4, 3).relu().flatten().dropout(0.2)
      .dense(8).batchNorm().relu().dense(2).softmax();

  static final long SEED = 1234;

  /** The optimizers by name, each with a learning rate that trains {@link #TRAINED}. */
  static Map<String, Optimizer> optimizers() {
    Map<String, Optimizer> o = new LinkedHashMap<>();
    o.put("sgd", Optimizer.sgd(0.1));
    o.put("momentum", Optimizer.momentum(0.05, 0.9));
    o.put("nesterov", Optimizer.nesterov(0.05, 0.9));
    o.put("adam", Optimizer.adam(0.01));
    o.put("rmsprop", Optimizer.rmsProp(0.01));
    return o;
  }

  /** Digests of the initial weights of two specs and of the trained weights per optimizer. */
  public static Map<String, String> digests() {
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put("init/samplers", Fixtures.sha256(Fixtures.initialWeights(SAMPLERS, SEED)));
    digests.put("init/recurrent", Fixtures.sha256(Fixtures.initialWeights(RECURRENT, SEED)));
    InMemoryDataset data = Fixtures.bars(96, 6, 77);
    for (Map.Entry<String, Optimizer> o : optimizers().entrySet()) {
      try (Model model = Model.compile(TRAINED, SEED)) {
        FitResult result = model.fit(data, FitOptions.defaults().withOptimizer(o.getValue())
            .withBatchSize(16).withEpochs(2));
        if (!(result instanceof FitResult.Completed)) {
          throw new IllegalStateException(o.getKey() + ": " + result.describe());
        }
        digests.put("trained/" + o.getKey(), Fixtures.sha256(model.weights()));
      }
    }
    return digests;
  }

  public static void main(String[] args) {
    digests().forEach((name, digest) -> System.out.println(name + " " + digest));
  }
}
