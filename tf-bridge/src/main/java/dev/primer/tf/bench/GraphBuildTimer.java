package dev.primer.tf.bench;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import java.time.Duration;

/**
 * How long {@link Model#compile} takes to build the graph of a deep net, for the benchmark of
 * graph-building time against depth: an MLP of {@code depth} dense relu layers of {@code width}
 * units on a {@code width}-wide input. Compiling builds the variables with their initial values
 * and the inference pass (about 30 ops per layer) and opens the session; no op runs.
 */
public final class GraphBuildTimer {
  private GraphBuildTimer() {}

  /**
   * One measurement.
   *
   * @param depth the number of dense layers
   * @param width units per layer, and the input's width
   * @param compile wall time of {@link Model#compile} (graph and session), the model's close not
   *     included
   */
  public record Timing(int depth, int width, Duration compile) {}

  /**
   * The net measured: {@code input(width)} followed by {@code depth} times {@code
   * dense(width).relu()}.
   *
   * @throws IllegalArgumentException if {@code depth} or {@code width} is below 1
   */
  public static NetSpec deepMlp(int depth, int width) {
    if (depth < 1 || width < 1) {
      throw new IllegalArgumentException("depth and width must be >= 1, got " + depth + " and "
          + width);
    }
    var net = Net.input(width);
    for (int i = 0; i < depth; i++) {
      net = net.dense(width).relu();
    }
    return net;
  }

  /**
   * Compiles {@link #deepMlp} of {@code depth} and {@code width} with seed 1 on {@code device},
   * timing the compile, then closes the model.
   */
  public static Timing time(int depth, int width, Device device) {
    NetSpec spec = deepMlp(depth, width);
    long start = System.nanoTime();
    Model model = Model.compile(spec, 1, device);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    model.close();
    return new Timing(depth, width, took);
  }
}
