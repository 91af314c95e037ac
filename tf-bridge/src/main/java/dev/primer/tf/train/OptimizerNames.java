package dev.primer.tf.train;

import java.util.List;
import java.util.Locale;

/**
 * Optimizers by name, with a default learning rate each: how a program (or the {@code primer}
 * command's {@code --optimizer NAME --lr X}) picks an {@link Optimizer} from text.
 *
 * <table>
 *   <caption>names and defaults</caption>
 *   <tr><th>name</th><th>optimizer</th><th>default learning rate</th></tr>
 *   <tr><td>{@code sgd}</td><td>{@link Optimizer#sgd}</td><td>0.1</td></tr>
 *   <tr><td>{@code momentum}</td><td>{@link Optimizer#momentum}, momentum 0.9</td><td>0.01</td></tr>
 *   <tr><td>{@code nesterov}</td><td>{@link Optimizer#nesterov}, momentum 0.9</td><td>0.01</td></tr>
 *   <tr><td>{@code adam}</td><td>{@link Optimizer#adam}</td><td>0.001</td></tr>
 *   <tr><td>{@code rmsprop}</td><td>{@link Optimizer#rmsProp}</td><td>0.001</td></tr>
 * </table>
 * Names are case-insensitive.
 */
public final class OptimizerNames {
  private OptimizerNames() {
    throw new AssertionError("no instances");
  }

  /**
   * Every name as text, {@code sgd, momentum, nesterov, adam, rmsprop}: a constant, so that
   * annotations (a command-line option's help) can quote it.
   */
  public static final String NAMES_TEXT = "sgd, momentum, nesterov, adam, rmsprop";

  /** Every name, in the order of {@link #NAMES_TEXT}. */
  public static final List<String> NAMES = List.of(NAMES_TEXT.split(", "));

  /** The momentum of {@code momentum} and {@code nesterov}. */
  public static final double MOMENTUM = 0.9;

  /** Whether {@code name} (in any case) is one of {@link #NAMES}. */
  public static boolean knows(String name) {
    return NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The default learning rate of {@code name}: 0.1 for sgd, 0.01 for momentum and nesterov,
   * 0.001 for adam and rmsprop.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static double defaultLearningRate(String name) {
    return switch (key(name)) {
      case "sgd" -> 0.1;
      case "momentum", "nesterov" -> 0.01;
      default -> 0.001;
    };
  }

  /** The optimizer {@code name} with its {@link #defaultLearningRate default learning rate}. */
  public static Optimizer of(String name) {
    return of(name, defaultLearningRate(name));
  }

  /**
   * The optimizer {@code name} with {@code learningRate}.
   *
   * @throws IllegalArgumentException for an unknown name ({@code unknown optimizer 'x'; allowed:
   *     sgd, ...}) or a learning rate the optimizer refuses
   */
  public static Optimizer of(String name, double learningRate) {
    return switch (key(name)) {
      case "sgd" -> Optimizer.sgd(learningRate);
      case "momentum" -> Optimizer.momentum(learningRate, MOMENTUM);
      case "nesterov" -> Optimizer.nesterov(learningRate, MOMENTUM);
      case "adam" -> Optimizer.adam(learningRate);
      case "rmsprop" -> Optimizer.rmsProp(learningRate);
      default -> throw new IllegalStateException("checked by key: " + name);
    };
  }

  /**
   * The optimizer {@code name} with the learning-rate schedule {@code schedule}.
   *
   * @throws IllegalArgumentException for an unknown name ({@code unknown optimizer 'x'; allowed:
   *     sgd, ...})
   */
  public static Optimizer of(String name, LearningRate schedule) {
    return switch (key(name)) {
      case "sgd" -> Optimizer.sgd(schedule);
      case "momentum" -> Optimizer.momentum(schedule, MOMENTUM);
      case "nesterov" -> Optimizer.nesterov(schedule, MOMENTUM);
      case "adam" -> Optimizer.adam(schedule);
      case "rmsprop" -> Optimizer.rmsProp(schedule);
      default -> throw new IllegalStateException("checked by key: " + name);
    };
  }

  private static String key(String name) {
    if (!knows(name)) {
      throw new IllegalArgumentException("unknown optimizer '" + name + "'; allowed: "
          + NAMES_TEXT);
    }
    return name.toLowerCase(Locale.ROOT);
  }
}
