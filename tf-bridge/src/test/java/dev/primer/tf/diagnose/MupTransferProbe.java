package dev.primer.tf.diagnose;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.param.Parametrization;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Model;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.train.Evaluation;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Optimizer;
import java.util.Locale;

/**
 * The hyperparameter-transfer demonstration of docs/MUP.md, run as a program (not a test): a
 * small sweep of Adam's learning rate for the coordinate check's MLP at widths 64 and 512,
 * under the standard parametrization and under mup(64), one epoch on the embedded MNIST digits;
 * prints the test loss of each run and the best rate per width and parametrization.
 */
public final class MupTransferProbe {
  private MupTransferProbe() {
    throw new AssertionError("no instances");
  }

  /** Runs the sweep; arguments: epochs (default 1), seed (default 1). */
  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    double[] rates = {1e-3, 3e-3, 1e-2, 3e-2, 1e-1};
    int[] widths = {64, 512};
    MnistSplit mnist = EmbeddedMnist.load();
    ImageDataset train = new ImageDataset(mnist.train(), Shape.of(784), MnistSplit.CLASSES);
    ImageDataset test = new ImageDataset(mnist.test(), Shape.of(784), MnistSplit.CLASSES);
    long start = System.nanoTime();
    for (Parametrization p : new Parametrization[] {Parametrization.standard(),
        Parametrization.mup(64)}) {
      for (int w : widths) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s w=%-4d", p.text(),
            w));
        double best = Double.POSITIVE_INFINITY;
        double bestRate = 0;
        for (double lr : rates) {
          NetSpec spec = CoordinateCheckPlan.MLP.withWidth(w).parametrization(p);
          try (Model model = Model.compile(spec, seed)) {
            model.fit(train, FitOptions.defaults().withEpochs(epochs).withShuffleSeed(seed)
                .withOptimizer(Optimizer.adam(lr)));
            Evaluation e = model.evaluate(test);
            line.append(String.format(Locale.ROOT, "  lr %-6s loss %.4f acc %.2f%%",
                lr, e.loss(), 100 * e.accuracy()));
            if (e.loss() < best) {
              best = e.loss();
              bestRate = lr;
            }
          }
        }
        System.out.println(line + "  best lr " + bestRate);
      }
    }
    System.out.printf(Locale.ROOT, "time %.1f s%n", (System.nanoTime() - start) / 1e9);
  }
}
