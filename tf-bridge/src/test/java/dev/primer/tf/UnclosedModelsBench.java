package dev.primer.tf;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.compare.ComparisonPlan;
import dev.primer.tf.data.Dataset;
import dev.primer.tf.data.EmbeddedMnist;
import dev.primer.tf.data.ImageDataset;
import dev.primer.tf.data.MnistSplit;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.OptimizerNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * Benchmark, not a test: how much native memory models that nobody closes keep. Compiles N
 * models of the comparison's default net ({@link ComparisonPlan#DEFAULT_NET}), fits each for
 * one epoch on 1,000 embedded MNIST images (its session then holds that training set, the
 * weights and the optimizer's slots; argument {@code predict}: one prediction instead), never
 * closes them, and prints the process's resident memory (VmRSS),
 * JavaCPP's {@code physicalBytes} and {@code totalBytes} every 20 models, then once more after a
 * collection. Without a cleaner the models live until the JVM exits, and JavaCPP refuses to
 * allocate once {@code physicalBytes} passes {@code maxPhysicalBytes} (by default twice the
 * heap): the run ends with its {@code OutOfMemoryError}. Uses only public API, so the same
 * source runs against any build; the cleaner's count is read by reflection where it exists.
 *
 * <pre>
 *   ./primer --version                        # builds the jars and samples/target/primer-cpu.classpath
 *   mvn -B -o -q -pl tf-bridge -am test-compile
 *   java -Xmx64m -cp tf-bridge/target/test-classes:tf-bridge/target/classes:$(cat samples/target/primer-cpu.classpath) \
 *       dev.primer.tf.UnclosedModelsBench 200 [fit|predict]
 * </pre>
 * Figures are in BENCHMARKS.md.
 */
public final class UnclosedModelsBench {
  private static final long MIB = 1 << 20;
  private static final int TRAIN_EXAMPLES = 1000;

  private UnclosedModelsBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    boolean fit = args.length < 2 || args[1].equals("fit");
    NetSpec net = Net.parse(ComparisonPlan.DEFAULT_NET);
    float[] example = new float[784];
    MnistSplit mnist = EmbeddedMnist.load();
    Dataset train = new ImageDataset(mnist.train().subset(0, TRAIN_EXAMPLES),
        Shape.of(784), 10);
    FitOptions options = FitOptions.defaults().withBatchSize(64)
        .withOptimizer(OptimizerNames.of(ComparisonPlan.DEFAULT_OPTIMIZER));
    System.out.println("TensorFlow " + org.tensorflow.TensorFlow.version()); // loads the natives
    System.out.println(fit ? "each model fit for one epoch on " + TRAIN_EXAMPLES
        + " embedded MNIST images (batch 64, " + options.optimizer().describe() + ")"
        : "each model runs one prediction");
    System.out.printf(Locale.ROOT, "%d unclosed models of %s; heap max %d MiB, JavaCPP"
            + " maxPhysicalBytes %d MiB%n", n, net, Runtime.getRuntime().maxMemory() / MIB,
        Pointer.maxPhysicalBytes() / MIB);
    System.out.println("models   RSS MiB   physicalBytes MiB   totalBytes MiB   released unclosed");
    line(0);
    int made = 0;
    long started = System.nanoTime();
    try {
      for (int i = 1; i <= n; i++) {
        Model model = Model.compile(net, i);
        if (fit) {
          model.fit(train, options);
        } else {
          model.predict(example);
        }
        made = i;
        if (i % 20 == 0) {
          line(i);
        }
      }
    } catch (OutOfMemoryError e) {
      System.out.println("OutOfMemoryError after " + made + " models: " + e.getMessage());
    }
    System.out.printf(Locale.ROOT, "%d models in %.1f s%n", made,
        (System.nanoTime() - started) / 1e9);
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(100);
    }
    System.out.print("after System.gc(): ");
    line(made);
  }

  private static void line(int models) throws IOException {
    System.out.printf(Locale.ROOT, "%6d %9d %19d %16d %19s%n", models, rssBytes() / MIB,
        Pointer.physicalBytes() / MIB, Pointer.totalBytes() / MIB, releasedUnclosed());
  }

  private static long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  /** The cleaner's count, or {@code -} on a build without one. */
  private static String releasedUnclosed() {
    try {
      return String.valueOf(Class.forName("dev.primer.tf.internal.graph.GraphRelease")
          .getMethod("releasedUnclosedCount").invoke(null));
    } catch (ReflectiveOperationException e) {
      return "-";
    }
  }
}
