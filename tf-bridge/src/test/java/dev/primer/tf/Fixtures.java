package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.dsl.spec.WeightedStep;
import dev.primer.tf.data.InMemoryDataset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Shared setup for the bridge's tests: one-layer specs for a kernel shape, initial weights of a
 * compiled spec, seeded synthetic data sets, a digest of weights, and child JVMs.
 */
public final class Fixtures {
  private Fixtures() {
    throw new AssertionError("no instances");
  }

  // ------------------------------------------------------------------ specs and weights

  /**
   * A one-layer spec whose kernel has {@code shape}: {@code input(in).dense(out)} for
   * [in, out], {@code input(k, k, in).conv2d(out, k)} for [k, k, in, out].
   */
  public static NetSpec oneLayer(Init kernel, Optional<Activation> activation, int... shape) {
    WeightedStep layer = switch (shape.length) {
      case 2 -> Net.input(shape[0]).dense(shape[1]);
      case 4 -> {
        if (shape[0] != shape[1]) {
          throw new IllegalArgumentException("square conv kernels only: " + Arrays.toString(shape));
        }
        yield Net.input(shape[0], shape[1], shape[2]).conv2d(shape[3], shape[0]);
      }
      default -> throw new IllegalArgumentException("rank 2 or 4: " + Arrays.toString(shape));
    };
    return activation.isPresent()
        ? layer.activation(activation.get()).init(kernel)
        : layer.init(kernel);
  }

  /** The parameter name of the kernel of {@link #oneLayer}'s layer. */
  public static String kernelName(int... shape) {
    return shape.length == 2 ? "dense_0/kernel" : "conv2d_0/kernel";
  }

  /** The parameter name of the bias of {@link #oneLayer}'s layer. */
  public static String biasName(int... shape) {
    return shape.length == 2 ? "dense_0/bias" : "conv2d_0/bias";
  }

  /** The initial weights of {@code spec} compiled with {@code seed} on the CPU. */
  public static Map<String, ParameterValues> initialWeights(NetSpec spec, long seed) {
    try (Model model = Model.compile(spec, seed)) {
      return model.weights();
    }
  }

  /** A stable seed for a test case, so that cases draw independently of each other. */
  public static long seedFor(String caseName, int... shape) {
    return caseName.hashCode() * 1_000_003L + Arrays.hashCode(shape);
  }

  /** SHA-256 over every parameter's name, shape and float bits (big-endian), in order. */
  public static String sha256(Map<String, ParameterValues> weights) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (ParameterValues v : weights.values()) {
        digest.update((v.name() + v.shape()).getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(v.values().length * 4).order(ByteOrder.BIG_ENDIAN);
        bytes.asFloatBuffer().put(v.values());
        digest.update(bytes.array());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  // ------------------------------------------------------------------ data

  /**
   * Gaussian blobs: class c is centred at {@code 4 e_c} (the c-th unit vector, so centres are
   * 4 sqrt 2 apart), with unit noise on every feature; about 0.5% of points lie past the midway
   * plane of another class, so the task is nearly linearly separable. Classes cycle 0, 1, 2...
   */
  public static InMemoryDataset blobs(int n, int features, int classes, long seed) {
    if (classes > features) {
      throw new IllegalArgumentException("one feature per class at least");
    }
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * features];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
      for (int f = 0; f < features; f++) {
        x[i * features + f] = (float) (random.nextGaussian() + (f == labels[i] ? 4 : 0));
      }
    }
    return InMemoryDataset.ofClasses(x, Shape.of(features), labels, classes);
  }

  /**
   * Images [size, size, 1] of one bright bar on a noisy background: a horizontal bar (class 0)
   * or a vertical one (class 1) at a random row or column, noise N(0, 0.2^2).
   */
  public static InMemoryDataset bars(int n, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * size * size];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      int line = random.nextInt(size);
      for (int r = 0; r < size; r++) {
        for (int c = 0; c < size; c++) {
          boolean on = labels[i] == 0 ? r == line : c == line;
          x[(i * size + r) * size + c] = (float) ((on ? 1 : 0) + 0.2 * random.nextGaussian());
        }
      }
    }
    return InMemoryDataset.ofClasses(x, Shape.of(size, size, 1), labels, 2);
  }

  /**
   * Sequences [steps, features]: feature 0 has mean +0.8 at every step for class 1 and -0.8 for
   * class 0, unit noise; the other features are noise. The class shows in the running mean.
   */
  public static InMemoryDataset sequences(int n, int steps, int features, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * steps * features];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (int t = 0; t < steps; t++) {
        for (int f = 0; f < features; f++) {
          double shift = f == 0 ? (labels[i] == 1 ? 0.8 : -0.8) : 0;
          x[(i * steps + t) * features + f] = (float) (shift + random.nextGaussian());
        }
      }
    }
    return InMemoryDataset.ofClasses(x, Shape.of(steps, features), labels, 2);
  }

  /** Every feature of {@code data}, row-major. */
  public static float[] features(InMemoryDataset data) {
    float[] x = new float[(int) (data.size() * data.exampleShape().size())];
    float[] y = new float[data.size() * data.targetWidth()];
    data.read(0, data.size(), x, 0, y, 0);
    return x;
  }

  /** Every target of {@code data}, row-major. */
  public static float[] targets(InMemoryDataset data) {
    float[] x = new float[(int) (data.size() * data.exampleShape().size())];
    float[] y = new float[data.size() * data.targetWidth()];
    data.read(0, data.size(), x, 0, y, 0);
    return y;
  }

  // ------------------------------------------------------------------ child JVMs

  /** A JVM running {@code main} of the test classpath, its output going to temporary files. */
  public static final class ChildJvm {
    private final Process process;
    private final Path out;
    private final Path err;
    private final String description;

    private ChildJvm(Process process, Path out, Path err, String description) {
      this.process = process;
      this.out = out;
      this.err = err;
      this.description = description;
    }

    /** Starts {@code java -cp <this classpath> main args...} with TensorFlow's logs quiet. */
    public static ChildJvm start(Class<?> main, String... args) throws IOException {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), main.getName()));
      command.addAll(List.of(args));
      Path out = Files.createTempFile("primer-child", ".out");
      Path err = Files.createTempFile("primer-child", ".err");
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
      return new ChildJvm(builder.start(), out, err, main.getSimpleName() + " " + List.of(args));
    }

    /**
     * Waits at most {@code timeout} for the JVM to exit with status 0 and returns its standard
     * output lines; kills it and fails otherwise.
     */
    public List<String> await(Duration timeout) throws IOException, InterruptedException {
      try {
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String errors = Files.readString(err);
        assertThat(exited).as("%s finished within %s; stderr:%n%s", description, timeout, errors)
            .isTrue();
        assertThat(process.exitValue()).as("%s exit status; stderr:%n%s", description, errors)
            .isZero();
        return Files.readAllLines(out);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }
  }
}
