package dev.primer.dsl;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.layer.StateActivation;
import dev.primer.dsl.spec.CheckReturnValue;
import dev.primer.dsl.spec.LayerStep;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.dsl.spec.RecurrentStep;
import dev.primer.dsl.spec.ResidualStep;
import dev.primer.dsl.spec.WeightedStep;
import dev.primer.dsl.text.SpecParser;
import java.util.Optional;

/**
 * Where every network spec starts. Static factories, written for {@code import static
 * dev.primer.dsl.init.Inits.*} beside a plain {@code Net.}:
 * <pre>
 *   NetSpec mlp = Net.input(784).dense(256).relu().init(HE).dense(10).softmax();
 *   NetSpec block = Net.dense(256).relu();            // no input yet: a reusable block
 *   NetSpec deep = Net.input(784).then(block).then(block).dense(10).softmax();
 *   NetSpec same = Net.parse("input(784).dense(256).relu().init(he_normal).dense(10).softmax()");
 *   NetSpec resnet = Net.input(784).dense(256).relu()
 *       .repeat(50, Net.residual(Net.block().dense(256).relu().dense(256))).dense(10).softmax();
 * </pre>
 * Every value is immutable; see {@link NetSpec} for the steps, {@code dev.primer.dsl.init.Inits}
 * for the initializers.
 */
public final class Net {
  private Net() {
    throw new AssertionError("no instances");
  }

  /**
   * A spec for examples of shape {@code dims}: {@code input(784)} for flat vectors,
   * {@code input(28,28,1)} for images (height, width, channels), {@code input(28,28)} for
   * sequences (steps, features).
   *
   * @throws SpecException if there is no dimension or one is not positive
   */
  @CheckReturnValue
  public static NetSpec input(int... dims) {
    try {
      return NetSpec.start(Optional.of(Shape.of(dims)));
    } catch (SpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SpecException("input: " + e.getMessage());
    }
  }

  /** A spec with no layers and no input shape yet. */
  @CheckReturnValue
  public static NetSpec empty() {
    return NetSpec.start(Optional.empty());
  }

  /**
   * An empty block: a chain without input, to be the block of {@link #residual} or
   * {@link #repeat}, or appended with {@link NetSpec#then}. The same value as {@link #empty()},
   * named for how it reads: {@code Net.residual(Net.block().dense(256).relu().dense(256))}.
   */
  @CheckReturnValue
  public static NetSpec block() {
    return empty();
  }

  /**
   * A block starting with a residual connection around {@code block}: x + f(x), see
   * {@link NetSpec#residual}. {@code Net.residual(Net.dense(64).relu().dense(64)).scaled(0)}.
   *
   * @throws SpecException if block has an input shape, net-wide defaults or no layers
   */
  @CheckReturnValue
  public static ResidualStep residual(NetSpec block) {
    return empty().residual(block);
  }

  /**
   * A block of {@code times} copies of {@code block}, see {@link NetSpec#repeat}:
   * {@code Net.input(784).dense(256).relu().repeat(50, Net.residual(Net.block().dense(256)
   * .relu().dense(256))).dense(10).softmax()}.
   *
   * @throws SpecException if times &lt; 1, or block has an input shape, defaults or no layers
   */
  @CheckReturnValue
  public static NetSpec repeat(int times, NetSpec block) {
    return empty().repeat(times, block);
  }

  /** A block starting with a dense layer; its input shape comes later. */
  @CheckReturnValue
  public static WeightedStep dense(int units) {
    return empty().dense(units);
  }

  /** A block starting with a conv layer; its input shape comes later. */
  @CheckReturnValue
  public static WeightedStep conv2d(int filters, int kernel) {
    return empty().conv2d(filters, kernel);
  }

  /** A block starting with a conv layer; its input shape comes later. */
  @CheckReturnValue
  public static WeightedStep conv2d(int filters, int kernel, int stride, Padding padding) {
    return empty().conv2d(filters, kernel, stride, padding);
  }

  /** A block starting with max pooling. */
  @CheckReturnValue
  public static LayerStep maxPool2d(int pool) {
    return empty().maxPool2d(pool);
  }

  /** A block starting with flatten. */
  @CheckReturnValue
  public static LayerStep flatten() {
    return empty().flatten();
  }

  /** A block starting with reshape. */
  @CheckReturnValue
  public static LayerStep reshape(int... dims) {
    return empty().reshape(dims);
  }

  /** A block starting with dropout. */
  @CheckReturnValue
  public static LayerStep dropout(double rate) {
    return empty().dropout(rate);
  }

  /** A block starting with batch norm. */
  @CheckReturnValue
  public static LayerStep batchNorm() {
    return empty().batchNorm();
  }

  /** A block starting with an Elman RNN. */
  @CheckReturnValue
  public static RecurrentStep simpleRnn(int units, Returns returns) {
    return empty().simpleRnn(units, returns);
  }

  /** A block starting with a simple RNN with the given recurrence nonlinearity (relu: IRNN). */
  @CheckReturnValue
  public static RecurrentStep simpleRnn(int units, Returns returns, StateActivation activation) {
    return empty().simpleRnn(units, returns, activation);
  }

  /** A block starting with an LSTM. */
  @CheckReturnValue
  public static RecurrentStep lstm(int units, Returns returns) {
    return empty().lstm(units, returns);
  }

  /** A block starting with a GRU. */
  @CheckReturnValue
  public static RecurrentStep gru(int units, Returns returns) {
    return empty().gru(units, returns);
  }

  /**
   * Reads one initializer by its text name, with arguments where it has them: {@code he_normal},
   * {@code normal(0,0.01)}, {@code orthogonal(1.2)} (see {@code dev.primer.dsl.init.InitNames}).
   *
   * @throws dev.primer.dsl.text.SpecParseException naming the column and the problem
   */
  @CheckReturnValue
  public static Init parseInit(String text) {
    return SpecParser.parseInit(text);
  }

  /**
   * Reads the text form ({@link NetSpec#toString()}): {@code parse(spec.toString())} equals
   * {@code spec}. A leading {@code Net.} is allowed, so a Java chain can be pasted.
   *
   * @throws dev.primer.dsl.text.SpecParseException naming the column and what was expected, or
   *     the layer and rule for a spec that reads but is invalid
   */
  @CheckReturnValue
  public static NetSpec parse(String text) {
    return SpecParser.parse(text);
  }
}
