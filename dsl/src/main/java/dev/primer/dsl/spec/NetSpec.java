package dev.primer.dsl.spec;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.AttentionMask;
import dev.primer.dsl.layer.AvgPool2d;
import dev.primer.dsl.layer.BatchNorm;
import dev.primer.dsl.layer.Conv2d;
import dev.primer.dsl.layer.Dense;
import dev.primer.dsl.layer.Dropout;
import dev.primer.dsl.layer.Embedding;
import dev.primer.dsl.layer.Flatten;
import dev.primer.dsl.layer.Fragment;
import dev.primer.dsl.layer.InitChoices;
import dev.primer.dsl.layer.Gru;
import dev.primer.dsl.layer.Layer;
import dev.primer.dsl.layer.LayerNorm;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.layer.LayerText;
import dev.primer.dsl.layer.Lstm;
import dev.primer.dsl.layer.MaxPool2d;
import dev.primer.dsl.layer.MultiHeadAttention;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.PositionalEmbedding;
import dev.primer.dsl.layer.Repeat;
import dev.primer.dsl.layer.Reshape;
import dev.primer.dsl.layer.Residual;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.layer.SimpleRnn;
import dev.primer.dsl.layer.SinusoidalPosition;
import dev.primer.dsl.layer.StateActivation;
import dev.primer.dsl.param.Mup;
import dev.primer.dsl.param.Parametrization;
import dev.primer.dsl.param.Standard;
import dev.primer.dsl.resolve.Limits;
import dev.primer.dsl.resolve.NetDefaults;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A network spec: an optional input shape, a list of layers with their activations and named
 * initializers, and net-wide default initializers. Immutable: every method returns a new value,
 * so a partial chain can be kept and reused ({@code var block = Net.dense(256).relu();}).
 *
 * <p>Rules are checked as the spec is built: a bad argument, an initializer that cannot fill its
 * parameter and — once the input shape is known — a layer that cannot take the shape before it
 * all throw {@link SpecException} naming the layer by index and kind.
 *
 * <p>Each layer method returns the step that says what may follow it: {@link WeightedStep} after
 * dense and conv2d (activation, init, bias), {@link RecurrentStep} after recurrent layers (also
 * recurrentInit), {@link ResidualStep} after {@link #residual} (scaled, activation),
 * {@link LayerStep} after the others (activation). Two specs are equal when they
 * describe the same network, whatever step type holds them.
 *
 * <p>{@link #toString()} is the text form, which {@code Net.parse} reads back to an equal spec.
 */
public class NetSpec {
  private final Optional<Shape> input;
  private final Chain<LayerSpec> layers;
  private final NetDefaults defaults;
  /*
   * What a step needs to check only the layers it can change, when the input is known (null
   * otherwise): the shape entering each layer and the parameter count before it, and the one
   * earlier layer whose AUTO kernel init may still change: the last dense or conv layer, while
   * neither it nor any layer after it has an activation (-1 if there is none). Only such a
   * kernel's AUTO looks at later layers (see ResolvedNet#layer), so appending a layer changes
   * only the last one (it is no longer last) and setting the last layer's activation changes
   * only it and that open layer: each step checks at most three layers, and a chain of n steps
   * takes time linear in n instead of resolving the whole net at every step.
   */
  private final Chain<Shape> entering;
  private final Chain<Long> before;
  private final int open;

  NetSpec(Optional<Shape> input, List<LayerSpec> layers, NetDefaults defaults) {
    this.input = input;
    this.layers = Chain.of(layers);
    this.defaults = defaults;
    if (input.isPresent()) {
      try {
        Limits.checkTensor("one example", input.get());
      } catch (IllegalArgumentException e) {
        throw new SpecException("input: " + e.getMessage());
      }
      ResolvedNet resolved = ResolvedNet.of(input.get(), this.layers, defaults);
      List<Shape> shapes = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      long total = 0;
      int flat = 0;
      for (LayerSpec layer : this.layers) {
        shapes.add(resolved.layers().get(flat).input());
        counts.add(total);
        int size = (int) ResolvedNet.flatSize(layer);
        for (int j = flat; j < flat + size; j++) {
          total += resolved.layers().get(j).parameterCount();
        }
        flat += size;
      }
      this.entering = Chain.of(shapes);
      this.before = Chain.of(counts);
    } else {
      this.entering = null;
      this.before = null;
    }
    int lastOpen = -1;
    for (int i = 0; i < this.layers.size(); i++) {
      LayerSpec layer = this.layers.get(i);
      lastOpen = layer.activation().isPresent() ? -1 : layer.layer().mixesUnits() ? i : lastOpen;
    }
    this.open = lastOpen;
  }

  /**
   * {@code previous} with {@code layers}: its layers with one appended, or the last replaced by
   * itself with an activation or init added. Checks only the layers that change can reach.
   */
  private NetSpec(NetSpec previous, Chain<LayerSpec> layers) {
    this.input = previous.input;
    this.layers = layers;
    this.defaults = previous.defaults;
    int newest = layers.size() - 1;
    LayerSpec last = layers.get(newest);
    boolean appended = layers.size() > previous.layers.size();
    if (input.isPresent()) {
      Chain<Shape> shapes = previous.entering;
      Chain<Long> counts = previous.before;
      if (appended && newest > 0) {
        // the layer before is no longer the last: its only rule that can change
        Checked before = check(newest - 1, shapes.get(newest - 1), Optional.empty());
        shapes = shapes.plus(before.output());
        counts = counts.plus(counts.get(newest - 1) + before.count());
      } else if (appended) {
        shapes = shapes.plus(input.get());
        counts = counts.plus(0L);
      } else if (previous.open >= 0 && previous.open < newest
          && last.activation().isPresent()) {
        // the open dense or conv layer now looks at this activation
        check(previous.open, shapes.get(previous.open), last.activation());
      }
      this.entering = shapes;
      this.before = counts;
      Checked newestChecked = check(newest, shapes.get(newest), Optional.empty());
      ResolvedNet.checkTotal(newestChecked.last(), counts.get(newest) + newestChecked.count()
          - newestChecked.last().parameterCount());
    } else {
      this.entering = null;
      this.before = null;
    }
    this.open = last.activation().isPresent() ? -1
        : appended && last.layer().mixesUnits() ? newest : previous.open;
  }

  /**
   * What checking one layer of a spec tells: the shape leaving it, its parameter count (a
   * residual's or repeat's whole block's) and the last layer it resolves to.
   */
  private record Checked(Shape output, long count, ResolvedLayer last) {}

  /**
   * Layer {@code i} of this spec checked, when {@code shape} enters it and {@code after} is the
   * activation its AUTO finds after it, if any (its own comes first).
   */
  private Checked check(int i, Shape shape, Optional<Activation> after) {
    LayerSpec layer = layers.get(i);
    List<ResolvedLayer> resolved;
    try {
      resolved = ResolvedNet.check(i, layer, shape, after, i == layers.size() - 1, defaults);
    } catch (SpecException e) {
      if (ResolvedNet.flatSize(layer) > 1 && input.isPresent()) {
        // checked alone, a block's residuals are numbered from block_0: resolve the net up to
        // it, so the message names the block as the net does
        ResolvedNet.of(input.get(), layers.subList(0, i + 1), defaults);
      }
      throw e;
    }
    long count = 0;
    for (ResolvedLayer l : resolved) {
      count += l.parameterCount();
    }
    ResolvedLayer last = resolved.get(resolved.size() - 1);
    return new Checked(last.output(), count, last);
  }

  /** The same value under another step type; nothing is checked again. */
  NetSpec(NetSpec other) {
    this.input = other.input;
    this.layers = other.layers;
    this.defaults = other.defaults;
    this.entering = other.entering;
    this.before = other.before;
    this.open = other.open;
  }

  /** A spec with no layers, for examples of shape {@code input} (or unknown yet). */
  public static NetSpec start(Optional<Shape> input) {
    return new NetSpec(input, List.of(), NetDefaults.NONE);
  }

  // ---------------------------------------------------------------- layers

  /**
   * Fully connected layer of {@code units} outputs; takes a flat input.
   *
   * @throws SpecException if units &lt;= 0, or the input is not flat
   */
  @CheckReturnValue
  public WeightedStep dense(int units) {
    return new WeightedStep(append(Dense.SIGNATURE, units));
  }

  /** 2-D convolution: {@code filters} square kernels of {@code kernel} taps, stride 1, valid padding. */
  @CheckReturnValue
  public WeightedStep conv2d(int filters, int kernel) {
    return new WeightedStep(append(Conv2d.SIGNATURE, filters, kernel));
  }

  /** 2-D convolution with {@code stride}, valid padding. */
  @CheckReturnValue
  public WeightedStep conv2d(int filters, int kernel, int stride) {
    return new WeightedStep(append(Conv2d.SIGNATURE, filters, kernel, stride));
  }

  /**
   * 2-D convolution of an image [height, width, channels].
   *
   * @throws SpecException if a number is not positive, the input is not an image, or a valid
   *     kernel does not fit
   */
  @CheckReturnValue
  public WeightedStep conv2d(int filters, int kernel, int stride, Padding padding) {
    return new WeightedStep(append(Conv2d.SIGNATURE, filters, kernel, stride, padding));
  }

  /** Max pooling over {@code pool x pool} windows, stride {@code pool}, valid padding. */
  @CheckReturnValue
  public LayerStep maxPool2d(int pool) {
    return new LayerStep(append(MaxPool2d.SIGNATURE, pool));
  }

  /** Max pooling with {@code stride}, valid padding. */
  @CheckReturnValue
  public LayerStep maxPool2d(int pool, int stride) {
    return new LayerStep(append(MaxPool2d.SIGNATURE, pool, stride));
  }

  /** Max pooling. */
  @CheckReturnValue
  public LayerStep maxPool2d(int pool, int stride, Padding padding) {
    return new LayerStep(append(MaxPool2d.SIGNATURE, pool, stride, padding));
  }

  /** Average pooling over {@code pool x pool} windows, stride {@code pool}, valid padding. */
  @CheckReturnValue
  public LayerStep avgPool2d(int pool) {
    return new LayerStep(append(AvgPool2d.SIGNATURE, pool));
  }

  /** Average pooling with {@code stride}, valid padding. */
  @CheckReturnValue
  public LayerStep avgPool2d(int pool, int stride) {
    return new LayerStep(append(AvgPool2d.SIGNATURE, pool, stride));
  }

  /** Average pooling. */
  @CheckReturnValue
  public LayerStep avgPool2d(int pool, int stride, Padding padding) {
    return new LayerStep(append(AvgPool2d.SIGNATURE, pool, stride, padding));
  }

  /** All values of an example as one flat vector. */
  @CheckReturnValue
  public LayerStep flatten() {
    return new LayerStep(append(Flatten.SIGNATURE));
  }

  /**
   * A new shape for each example, with the same number of values.
   *
   * @throws SpecException if a dimension is not positive or the sizes differ
   */
  @CheckReturnValue
  public LayerStep reshape(int... dims) {
    return new LayerStep(append(Reshape.SIGNATURE, (Object) dims));
  }

  /**
   * Drops each value with probability {@code rate} while training.
   *
   * @throws SpecException if rate is not in [0, 1)
   */
  @CheckReturnValue
  public LayerStep dropout(double rate) {
    return new LayerStep(append(Dropout.SIGNATURE, rate));
  }

  /** Batch normalisation over the last axis, momentum 0.99, epsilon 0.001. */
  @CheckReturnValue
  public LayerStep batchNorm() {
    return new LayerStep(append(BatchNorm.SIGNATURE));
  }

  /** Batch normalisation over the last axis. */
  @CheckReturnValue
  public LayerStep batchNorm(double momentum, double epsilon) {
    return new LayerStep(append(BatchNorm.SIGNATURE, momentum, epsilon));
  }

  /** Elman RNN of {@code units}, returning the last state. */
  @CheckReturnValue
  public RecurrentStep simpleRnn(int units) {
    return new RecurrentStep(append(SimpleRnn.SIGNATURE, units));
  }

  /** Elman RNN of {@code units}. */
  @CheckReturnValue
  public RecurrentStep simpleRnn(int units, Returns returns) {
    return new RecurrentStep(append(SimpleRnn.SIGNATURE, units, returns));
  }

  /**
   * A simple recurrent layer with the given nonlinearity in its recurrence; {@code relu} with
   * {@code recurrentInit(IDENTITY)} is an IRNN (see {@link StateActivation}).
   */
  @CheckReturnValue
  public RecurrentStep simpleRnn(int units, Returns returns, StateActivation activation) {
    return new RecurrentStep(append(SimpleRnn.SIGNATURE, units, returns, activation));
  }

  /** LSTM of {@code units}, returning the last state. */
  @CheckReturnValue
  public RecurrentStep lstm(int units) {
    return new RecurrentStep(append(Lstm.SIGNATURE, units));
  }

  /** LSTM of {@code units}. */
  @CheckReturnValue
  public RecurrentStep lstm(int units, Returns returns) {
    return new RecurrentStep(append(Lstm.SIGNATURE, units, returns));
  }

  /** GRU of {@code units}, returning the last state. */
  @CheckReturnValue
  public RecurrentStep gru(int units) {
    return new RecurrentStep(append(Gru.SIGNATURE, units));
  }

  /** GRU of {@code units}. */
  @CheckReturnValue
  public RecurrentStep gru(int units, Returns returns) {
    return new RecurrentStep(append(Gru.SIGNATURE, units, returns));
  }

  /**
   * Layer normalisation over the last axis, epsilon 1e-5: see
   * {@link dev.primer.dsl.layer.LayerNorm}.
   */
  @CheckReturnValue
  public LayerStep layerNorm() {
    return new LayerStep(append(LayerNorm.SIGNATURE));
  }

  /**
   * Layer normalisation over the last axis.
   *
   * @throws SpecException if epsilon is not &gt; 0
   */
  @CheckReturnValue
  public LayerStep layerNorm(double epsilon) {
    return new LayerStep(append(LayerNorm.SIGNATURE, epsilon));
  }

  /**
   * A table of {@code vocab} learned vectors of {@code dim} values: token ids [steps] (whole
   * numbers in [0, vocab) given as input values) become [steps, dim]. See
   * {@link dev.primer.dsl.layer.Embedding}; {@code init(...)} names the table's init.
   *
   * @throws SpecException if a number is not positive or the input is not [steps]
   */
  @CheckReturnValue
  public WeightedStep embedding(int vocab, int dim) {
    return new WeightedStep(append(Embedding.SIGNATURE, vocab, dim));
  }

  /**
   * A learned [steps, dim] parameter added to a sequence: see
   * {@link dev.primer.dsl.layer.PositionalEmbedding}; {@code init(...)} names its init.
   *
   * @throws SpecException if the input is not a sequence [steps, dim]
   */
  @CheckReturnValue
  public WeightedStep positionalEmbedding() {
    return new WeightedStep(append(PositionalEmbedding.SIGNATURE));
  }

  /**
   * The fixed sinusoidal position encoding of Vaswani et al. added to a sequence: see
   * {@link dev.primer.dsl.layer.SinusoidalPosition}.
   *
   * @throws SpecException if the input is not a sequence [steps, dim]
   */
  @CheckReturnValue
  public LayerStep sinusoidalPosition() {
    return new LayerStep(append(SinusoidalPosition.SIGNATURE));
  }

  /** Self-attention of {@code heads} heads of {@code keyDim} over every position. */
  @CheckReturnValue
  public WeightedStep multiHeadAttention(int heads, int keyDim) {
    return new WeightedStep(append(MultiHeadAttention.SIGNATURE, heads, keyDim));
  }

  /**
   * Multi-head self-attention over a sequence [steps, dim], output [steps, dim]: see
   * {@link dev.primer.dsl.layer.MultiHeadAttention}. {@code init(...)} names the init of its
   * four projection kernels, {@code bias(...)} that of its four biases.
   *
   * @throws SpecException if a number is not positive or the input is not a sequence
   */
  @CheckReturnValue
  public WeightedStep multiHeadAttention(int heads, int keyDim, AttentionMask mask) {
    return new WeightedStep(append(MultiHeadAttention.SIGNATURE, heads, keyDim, mask));
  }

  /**
   * A residual connection around {@code block}: x + f(x), where f is the block, with a learned
   * linear projection (a kernel without bias) on the skip path when the block changes the last
   * dimension: {@code residual(Net.block().dense(256).relu().dense(256))}. The block's layers
   * are named inside it ({@code block_7/dense_1/kernel}); {@code scaled(v)} may follow (see
   * {@link ResidualStep}), then an activation of the sum. A block may be used any number of
   * times; each use has parameters of its own.
   *
   * @throws SpecException if block has an input shape or net-wide defaults or no layers, or (once
   *     the input is known) a layer of it cannot take the shape before it, or the block changes
   *     a dimension other than the last
   */
  @CheckReturnValue
  public ResidualStep residual(NetSpec block) {
    return new ResidualStep(appendLayer(Residual.SIGNATURE,
        List.of(fragment("residual", block))));
  }

  /**
   * {@code block} {@code times} times in a row, each copy with parameters of its own:
   * {@code repeat(50, Net.residual(Net.block().dense(256).relu().dense(256)))} is 50 residual
   * blocks, {@code block_0} to {@code block_49}. The spec keeps the repeat as written (its text
   * form is one line); resolution writes out the copies.
   *
   * @throws SpecException if times &lt; 1, block has an input shape or net-wide defaults or no
   *     layers, or (once the input is known) a copy cannot take the shape before it
   */
  @CheckReturnValue
  public NetSpec repeat(int times, NetSpec block) {
    return appendLayer(Repeat.SIGNATURE, List.of(times, fragment("repeat", block)));
  }

  /** The layers of {@code block}, checked to be a block: no input, no defaults, a layer. */
  private Fragment fragment(String step, NetSpec block) {
    Objects.requireNonNull(block, "block");
    if (block.input.isPresent()) {
      throw SpecException.atLayer(layers.size(), step, "the block starts with its own input "
          + block.input.get() + "; a block is a chain without input, such as"
          + " Net.block().dense(256).relu()");
    }
    if (!block.defaults.equals(NetDefaults.NONE)) {
      throw SpecException.atLayer(layers.size(), step, "the block sets a net-wide default"
          + " (defaultInit or defaultBias); set it on the net, or name the init of each layer");
    }
    try {
      return new Fragment(block.layers);
    } catch (IllegalArgumentException e) {
      throw SpecException.atLayer(layers.size(), step, e.getMessage());
    }
  }

  /**
   * This spec followed by the layer {@code kind} builds from {@code arguments} (typed as
   * {@link Signature#read} gives them, trailing defaults may be left out), as the step that may
   * follow it: how the text form adds the layers it reads. The Java chain's layer methods do the
   * same with typed arguments.
   *
   * @throws SpecException as the layer's own method would
   */
  @CheckReturnValue
  public NetSpec layer(Signature<? extends Layer> kind, List<?> arguments) {
    NetSpec appended = appendLayer(kind, arguments);
    Layer layer = appended.layers.get(appended.last()).layer();
    Set<Role> roles = layer.initializable();
    return layer instanceof Residual ? new ResidualStep(appended)
        : roles.contains(Role.RECURRENT_KERNEL) ? new RecurrentStep(appended)
        : roles.contains(Role.KERNEL) ? new WeightedStep(appended)
        : new LayerStep(appended);
  }

  /**
   * This spec followed by the layers of {@code block}, which must not have its own input. A
   * block may be used any number of times.
   *
   * @throws SpecException if block has an input shape, both set a net-wide default, or a layer of
   *     block cannot take the shape before it
   */
  @CheckReturnValue
  public NetSpec then(NetSpec block) {
    if (block.input.isPresent()) {
      throw new SpecException("then: the block starts with its own input " + block.input.get()
          + "; only a spec without input can be appended");
    }
    List<LayerSpec> joined = new ArrayList<>(layers);
    joined.addAll(block.layers);
    return new NetSpec(input, joined, new NetDefaults(
        merge("defaultInit", defaults.kernel(), block.defaults.kernel()),
        merge("defaultBias", defaults.bias(), block.defaults.bias()),
        mergeParametrization(defaults.parametrization(), block.defaults.parametrization())));
  }

  /**
   * Freezes the last layer: training leaves all its parameters as they are. No optimizer
   * updates them (they are not among the variables gradients are computed for), and a frozen
   * batch norm normalizes with its moving statistics and does not update them, as Keras does
   * for a layer with {@code trainable = False}. Its initializers still decide its first values:
   * name them before, typically {@code init(from(...))} for pretrained weights. It ends the
   * layer's steps: {@code dense(256).relu().init(he_normal).frozen()}.
   *
   * @throws SpecException if there is no layer before it, the last layer has no parameters
   *     (pooling, flatten, reshape, dropout) or it is frozen already
   */
  @CheckReturnValue
  public NetSpec frozen() {
    if (layers.isEmpty()) {
      throw new SpecException("frozen() has no layer before it to freeze");
    }
    LayerSpec l = layers.get(last());
    if (!l.layer().hasParameters()) {
      throw SpecException.atLayer(last(), l.layer().kind(),
          "has no parameters to freeze; frozen() applies to the layer just before it");
    }
    if (l.frozen()) {
      throw SpecException.atLayer(last(), l.layer().kind(),
          "is frozen already; frozen() is written once per layer");
    }
    return replaceLast(l.freeze());
  }

  /**
   * The first {@code count} layers of this spec, with its input and net-wide defaults: the body
   * of a trained net, without its head.
   *
   * @throws SpecException if count is negative or more than the number of layers
   */
  @CheckReturnValue
  public NetSpec firstLayers(int count) {
    if (count < 0 || count > layers.size()) {
      throw new SpecException("firstLayers: count must be between 0 and the " + layers.size()
          + " layers of the spec, got " + count);
    }
    return new NetSpec(input, layers.subList(0, count), defaults);
  }

  /**
   * The same layers as a pretrained, frozen body: every kernel, recurrent kernel and bias
   * starts from the array of the same name in {@code path} ({@code from(path, "dense_0/kernel")},
   * see {@link dev.primer.dsl.init.Pretrained}), and every layer with parameters is
   * {@link #frozen()}. With {@link #firstLayers} and {@link #then}, how a new head goes on a
   * saved net: {@code saved.firstLayers(4).frozenFrom("base").then(Net.dense(5).softmax())}.
   * A residual block's branch layers load inside it ({@code block_3/dense_1/kernel}); a repeat
   * is written out, since each copy takes arrays of its own. Names only: the file is read when
   * the net is compiled.
   *
   * @param path a {@code .npz} file or the directory a model was saved into
   * @throws SpecException for a batch norm layer (its gamma, beta and moving statistics cannot
   *     be named from a file) or a residual block with a skip projection or a learned scale,
   *     naming it; for blocks in a spec without an input shape; or a blank path
   */
  @CheckReturnValue
  public NetSpec frozenFrom(String path) {
    return new NetSpec(input, PretrainedBody.load(this, path), defaults);
  }

  // ---------------------------------------------------------------- net-wide choices

  /**
   * Sets the net-wide kernel initializer: used by every layer that names none. Set once.
   *
   * @throws SpecException if already set
   */
  @CheckReturnValue
  public NetSpec defaultInit(Init kernel) {
    return new NetSpec(input, layers,
        new NetDefaults(merge("defaultInit", defaults.kernel(), Optional.of(kernel)),
            defaults.bias(), defaults.parametrization()));
  }

  /**
   * Sets the net-wide bias initializer: used by every layer that names none. Set once.
   *
   * @throws SpecException if already set
   */
  @CheckReturnValue
  public NetSpec defaultBias(Init bias) {
    Objects.requireNonNull(bias, "bias").misfit(Role.BIAS, 1).ifPresent(rule -> {
          throw new SpecException("defaultBias: " + rule);
        });
    return new NetSpec(input, layers,
        new NetDefaults(defaults.kernel(), merge("defaultBias", defaults.bias(),
            Optional.of(bias)), defaults.parametrization()));
  }

  /**
   * Sets how the net's init, output and per-parameter learning rates scale with its width: the
   * standard parametrization (the default) or muP ({@link Parametrization#mup}, see {@link Mup}).
   * Net-wide, set once; in the text form it follows the input and the net-wide defaults,
   * {@code input(784).mup(64).dense(1024).relu().dense(10).softmax()}.
   *
   * @throws SpecException if a parametrization other than the standard one is already set, or
   *     a layer of the spec is one the parametrization does not cover (muP: any layer but dense,
   *     dropout and flatten), naming the layer
   */
  @CheckReturnValue
  public NetSpec parametrization(Parametrization parametrization) {
    Objects.requireNonNull(parametrization, "parametrization");
    return new NetSpec(input, layers, new NetDefaults(defaults.kernel(), defaults.bias(),
        mergeParametrization(defaults.parametrization(), parametrization)));
  }

  /**
   * muP with base width {@code baseWidth}: {@code parametrization(Parametrization.mup(baseWidth))}.
   *
   * @throws SpecException if baseWidth &lt;= 0, or as {@link #parametrization}
   */
  @CheckReturnValue
  public NetSpec mup(int baseWidth) {
    try {
      return parametrization(Parametrization.mup(baseWidth));
    } catch (SpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SpecException(e.getMessage());
    }
  }

  /**
   * The same net with {@code kernel} as the kernel initializer of every layer that is not
   * frozen, whatever was named: how a comparison tries one scheme on a fixed architecture.
   * Biases and recurrent kernels keep their own choices (a framework preset also decides those
   * it does not name), and so do embedding tables, which are no kernels (attention's four
   * projection kernels are). A frozen layer keeps the kernel init it had, named explicitly where it
   * came from the net-wide default or AUTO: its values are meant to stay (a pretrained body,
   * see {@link #frozen()}), so a comparison tries schemes on the layers that train.
   *
   * @throws SpecException if {@code kernel} cannot fill some layer's kernel
   */
  @CheckReturnValue
  public NetSpec withKernelInit(Init kernel) {
    return new NetSpec(input, withKernel(layers, kernel),
        new NetDefaults(Optional.of(kernel), defaults.bias(), defaults.parametrization()));
  }

  /** {@code layers} with {@code kernel} named as {@link #withKernelInit} says, blocks included. */
  private List<LayerSpec> withKernel(List<LayerSpec> layers, Init kernel) {
    List<LayerSpec> replaced = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec l = layers.get(i);
      if (l.layer() instanceof Residual r) {
        replaced.add(new LayerSpec(new Residual(new Fragment(withKernel(r.block().layers(),
            kernel)), r.scale()), l.activation(), l.inits(), l.frozen()));
      } else if (l.layer() instanceof Repeat r) {
        replaced.add(new LayerSpec(new Repeat(r.times(), new Fragment(withKernel(
            r.block().layers(), kernel))), l.activation(), l.inits(), l.frozen()));
      } else if (l.frozen() && l.layer().initializable().contains(Role.KERNEL)) {
        Init kept = l.inits().kernel().or(defaults::kernel).orElse(Inits.AUTO);
        // a net-wide default that cannot fill it is refused here, as the layer's own init(...)
        checkFits(i, l.layer(), Role.KERNEL, kept);
        replaced.add(l.withInits(l.inits().with(Role.KERNEL, kept)));
      } else if (l.layer().initializable().contains(Role.KERNEL)
          && !l.layer().chosenBy(Role.KERNEL).stream().allMatch(Role::isEmbedding)) {
        checkFits(i, l.layer(), Role.KERNEL, kernel);
        replaced.add(l.withInits(l.inits().with(Role.KERNEL, kernel)));
      } else {
        replaced.add(l);
      }
    }
    return replaced;
  }

  /**
   * The same chain with every dense layer but the last at {@code width} units: the same net at
   * another width, how a width sweep or the muP coordinate check builds its nets. Activations,
   * initializers, frozen marks, net-wide choices and the parametrization are kept; the last
   * dense layer (the output) keeps its units.
   *
   * @throws SpecException if width &lt;= 0, or a layer cannot take its new input shape
   */
  @CheckReturnValue
  public NetSpec withWidth(int width) {
    int lastDense = -1;
    for (int i = 0; i < layers.size(); i++) {
      lastDense = layers.get(i).layer() instanceof Dense ? i : lastDense;
    }
    List<LayerSpec> wider = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec l = layers.get(i);
      if (l.layer() instanceof Dense && i != lastDense) {
        Layer built;
        try {
          built = Dense.SIGNATURE.create(List.of(width));
        } catch (IllegalArgumentException e) {
          throw SpecException.atLayer(i, l.layer().kind(), e.getMessage());
        }
        wider.add(new LayerSpec(built, l.activation(), l.inits(), l.frozen()));
      } else {
        wider.add(l);
      }
    }
    return new NetSpec(input, wider, defaults);
  }

  /**
   * The same layers for examples of shape {@code shape}: how a spec written without
   * {@code input(...)} gets its shape at compile time or from data.
   *
   * @throws SpecException if the spec already has a different input, or a layer cannot take it
   */
  @CheckReturnValue
  public NetSpec withInput(Shape shape) {
    if (input.isPresent() && !input.get().equals(shape)) {
      throw new SpecException("input: the spec already takes " + input.get() + ", not " + shape);
    }
    return new NetSpec(Optional.of(shape), layers, defaults);
  }

  // ---------------------------------------------------------------- reading

  /** The shape of one input example, if known. */
  public Optional<Shape> input() {
    return input;
  }

  /** The layers, in order. */
  public List<LayerSpec> layers() {
    return layers;
  }

  /** The net-wide choices: default initializers and the parametrization. */
  public NetDefaults defaults() {
    return defaults;
  }

  /** How init, output and learning rates scale with width: see {@link #parametrization}. */
  public Parametrization parametrization() {
    return defaults.parametrization();
  }

  /**
   * Every decision made: shapes, names, parameters and their samplers.
   *
   * @throws SpecException if the spec has no input shape
   */
  public ResolvedNet resolve() {
    return ResolvedNet.of(input.orElseThrow(() -> new SpecException(
        "the spec has no input shape: start it with input(...) or give one with withInput(...)")),
        layers, defaults);
  }

  /**
   * The table of layers: kind, output shape, parameter count, fans, kernel and bias init (AUTO
   * shown as what it resolved to).
   *
   * @throws SpecException if the spec has no input shape
   */
  public String summary() {
    return resolve().summary();
  }

  /** The text form: the Java chain without {@code Net.}, which {@code Net.parse} reads back. */
  @Override
  public String toString() {
    return ChainText.of(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetSpec other && input.equals(other.input) && layers.equals(other.layers)
        && defaults.equals(other.defaults);
  }

  @Override
  public int hashCode() {
    return Objects.hash(input, layers, defaults);
  }

  // ---------------------------------------------------------------- for the steps

  /** Index of the last layer; the caller checked there is one. */
  private int last() {
    return layers.size() - 1;
  }

  NetSpec withActivation(Activation activation) {
    Objects.requireNonNull(activation, "activation");
    if (layers.isEmpty()) {
      throw new SpecException(activation.text() + " has no layer before it to activate");
    }
    LayerSpec l = layers.get(last());
    if (l.activation().isPresent()) {
      throw SpecException.atLayer(last(), l.layer().kind(), "already has activation "
          + l.activation().get().text() + "; an activation applies to the layer just before it");
    }
    return replaceLast(l.withActivation(activation));
  }

  /** The last layer, a residual, with its branch scaled by a learned scalar from {@code v}. */
  NetSpec withScale(double initial) {
    LayerSpec l = layers.get(last());
    Residual residual = (Residual) l.layer();
    if (residual.scale().isPresent()) {
      throw SpecException.atLayer(last(), residual.kind(), "is scaled already (from "
          + residual.scale().get() + "); scaled(...) is written once per residual");
    }
    try {
      return replaceLast(new LayerSpec(residual.scaled(initial), l.activation(), l.inits(),
          l.frozen()));
    } catch (IllegalArgumentException e) {
      throw SpecException.atLayer(last(), residual.kind(), e.getMessage());
    }
  }

  NetSpec withInit(Role role, Init init) {
    Objects.requireNonNull(init, role.paramName() + " init");
    if (layers.isEmpty()) {
      throw new SpecException("there is no layer before " + methodFor(role)
          + "(" + InitNames.text(init) + ") to initialize");
    }
    LayerSpec l = layers.get(last());
    if (!l.layer().initializable().contains(role)) {
      throw SpecException.atLayer(last(), l.layer().kind(),
          "has no " + role.words() + " to initialize");
    }
    Optional<Init> named = l.inits().get(role);
    if (named.isPresent()) {
      // refused like a second activation: a silent last-wins hides which one the user meant
      throw SpecException.atLayer(last(), l.layer().kind(), "already has " + role.words()
          + " init " + InitNames.text(named.get()) + "; " + methodFor(role)
          + "(...) names it once per layer");
    }
    checkFits(last(), l.layer(), role, init);
    return replaceLast(l.withInits(l.inits().with(role, init)));
  }

  /** The step method that names the init of {@code role}. */
  static String methodFor(Role role) {
    return LayerText.stepFor(role);
  }

  /** Checks {@code init} against every parameter of {@code layer} it would fill as {@code role}. */
  private static void checkFits(int index, Layer layer, Role role, Init init) {
    for (Role filled : layer.chosenBy(role)) {
      init.misfit(filled, layer.parameterRank(filled)).ifPresent(rule -> {
        throw SpecException.atLayer(index, layer.kind(), rule);
      });
    }
  }

  private NetSpec replaceLast(LayerSpec replacement) {
    return new NetSpec(this, layers.withLast(replacement));
  }

  /** This spec and the layer {@code kind} builds from {@code arguments} (defaults left out). */
  private NetSpec append(Signature<? extends Layer> kind, Object... arguments) {
    return appendLayer(kind, Arrays.asList(arguments));
  }

  private NetSpec appendLayer(Signature<? extends Layer> kind, List<?> arguments) {
    Layer built;
    try {
      built = kind.create(arguments);
    } catch (IllegalArgumentException e) {
      throw SpecException.atLayer(layers.size(), kind.name(), e.getMessage());
    } catch (ClassCastException e) {
      // only reachable through layer(kind, arguments), whose arguments are untyped
      throw SpecException.atLayer(layers.size(), kind.name(), "arguments " + arguments
          + " do not have the types of " + kind.usage());
    }
    if (defaults.parametrization() instanceof Mup m) {
      m.unsupported(built).ifPresent(rule -> {
        throw SpecException.atLayer(layers.size(), kind.name(), rule);
      });
    }
    try {
      Limits.checkLayers(ResolvedNet.flatSize(LayerSpec.of(built)));
    } catch (IllegalArgumentException e) {
      throw SpecException.atLayer(layers.size(), kind.name(), e.getMessage());
    }
    return new NetSpec(this, layers.plus(LayerSpec.of(built)));
  }

  /** The one parametrization of two specs joined: the standard one gives way to the other. */
  private Parametrization mergeParametrization(Parametrization mine, Parametrization other) {
    if (mine instanceof Standard) {
      checkSupported(other, 0);
      return other;
    }
    if (other instanceof Standard) {
      return mine;
    }
    throw new SpecException("parametrization: the net is already " + mine.text() + "; "
        + other.text() + " cannot be set as well (it is set once)");
  }

  /** Refuses the first layer from {@code from} on that {@code parametrization} does not cover. */
  private void checkSupported(Parametrization parametrization, int from) {
    if (parametrization instanceof Mup m) {
      for (int i = from; i < layers.size(); i++) {
        Layer layer = layers.get(i).layer();
        int index = i;
        m.unsupported(layer).ifPresent(rule -> {
          throw SpecException.atLayer(index, layer.kind(), rule);
        });
      }
    }
  }

  private static Optional<Init> merge(String what, Optional<Init> mine, Optional<Init> other) {
    if (mine.isPresent() && other.isPresent()) {
      throw new SpecException(what + ": the net-wide default is already "
          + InitNames.text(mine.get()) + "; it can be set once");
    }
    return mine.or(() -> other);
  }
}
