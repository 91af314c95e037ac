package dev.primer.bench.dl4j;

import dev.primer.dsl.activation.Activation.Kind;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.layer.AvgPool2d;
import dev.primer.dsl.layer.BatchNorm;
import dev.primer.dsl.layer.Conv2d;
import dev.primer.dsl.layer.Dense;
import dev.primer.dsl.layer.Dropout;
import dev.primer.dsl.layer.Embedding;
import dev.primer.dsl.layer.Flatten;
import dev.primer.dsl.layer.Gru;
import dev.primer.dsl.layer.Layer;
import dev.primer.dsl.layer.LayerNorm;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.layer.Lstm;
import dev.primer.dsl.layer.MaxPool2d;
import dev.primer.dsl.layer.MultiHeadAttention;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.PositionalEmbedding;
import dev.primer.dsl.layer.Repeat;
import dev.primer.dsl.layer.Reshape;
import dev.primer.dsl.layer.Residual;
import dev.primer.dsl.layer.SimpleRnn;
import dev.primer.dsl.layer.SinusoidalPosition;
import dev.primer.tf.bench.ForeignStep;
import dev.primer.tf.bench.StepBenchmark;
import dev.primer.tf.train.LearningRate;
import dev.primer.tf.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Deeplearning4j (1.0.0-M2.1, ND4J's native CPU backend) as a contender of {@code primer bench
 * step}: the case's net built as a DL4J user builds it ({@link MultiLayerNetwork}: dense,
 * convolution and max-pooling layers with ReLU, a softmax output layer with multi-class
 * cross-entropy, {@link Adam} with Primer's betas and epsilon), trained from its own initial
 * weights (Xavier, DL4J's default: the speed does not depend on them) on the same examples, one
 * {@link DataSet} shuffled every epoch, one {@code fit} per batch ({@link Dl4jTrainer}).
 *
 * <p>It takes the nets made of dense, valid or same padded stride-s convolution and max-pooling
 * layers, each dense and convolution layer with ReLU or (the last) softmax, none frozen, on
 * vectors or one-channel images, under Adam at a constant rate: the MLPs and the CNN of issue
 * 12. It does
 * not take SGD with momentum (compare's net): DL4J has Nesterov momentum only, a different
 * update.
 */
public final class Dl4jStep implements ForeignStep {

  @Override
  public String name() {
    return "dl4j";
  }

  @Override
  public boolean takes(StepBenchmark.Case measured) {
    return adam(measured.optimizer()).isPresent() && layers(measured).isPresent();
  }

  @Override
  public Trainer open(StepBenchmark.Case measured, float[] features, float[] targets,
      int examples, int[] exampleShape, int classes) {
    Adam adam = adam(measured.optimizer()).orElseThrow(
        () -> new IllegalArgumentException("dl4j: Adam at a constant rate only, got "
            + measured.optimizer().describe()));
    List<org.deeplearning4j.nn.conf.layers.Layer> built = layers(measured).orElseThrow(
        () -> new IllegalArgumentException("dl4j: cannot build " + measured.net()));
    var list = new NeuralNetConfiguration.Builder().seed(1).updater(adam).list();
    built.forEach(list::layer);
    Shape input = measured.net().input().orElseThrow();
    list.setInputType(input.rank() == 1 ? InputType.feedForward(input.dim(0))
        : InputType.convolutionalFlat(input.dim(0), input.dim(1), input.dim(2)));
    MultiLayerNetwork net = new MultiLayerNetwork(list.build());
    net.init();
    int size = features.length / examples;
    DataSet all = new DataSet(Nd4j.create(features, new long[] {examples, size}, 'c'),
        Nd4j.create(targets, new long[] {examples, classes}, 'c'));
    return new Dl4jTrainer(net, all, measured.batch());
  }

  /** DL4J's Adam with the settings of {@code optimizer}, if it is Adam at a constant rate. */
  private static Optional<Adam> adam(Optimizer optimizer) {
    return optimizer.accept(new Optimizer.Visitor<Optional<Adam>>() {
      @Override
      public Optional<Adam> sgd(Optimizer.Sgd sgd) {
        return Optional.empty();
      }

      @Override
      public Optional<Adam> adam(Optimizer.Adam adam) {
        return adam.schedule() instanceof LearningRate.Constant constant
            ? Optional.of(new Adam(constant.rate(), adam.beta1(), adam.beta2(), adam.epsilon()))
            : Optional.empty();
      }

      @Override
      public Optional<Adam> rmsProp(Optimizer.RmsProp rmsProp) {
        return Optional.empty();
      }
    });
  }

  /** The case's layers in DL4J, if every one of them has a DL4J twin here. */
  private static Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> layers(
      StepBenchmark.Case measured) {
    Optional<Shape> input = measured.net().input();
    if (input.isEmpty() || input.get().rank() == 2 || input.get().rank() > 3
        || input.get().rank() == 3 && input.get().dim(2) != 1) {
      return Optional.empty();
    }
    List<LayerSpec> specs = measured.net().layers();
    if (specs.stream().anyMatch(LayerSpec::frozen)) {
      return Optional.empty(); // DL4J would train what Primer keeps
    }
    List<org.deeplearning4j.nn.conf.layers.Layer> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      LayerSpec spec = specs.get(i);
      Optional<Kind> activation = spec.activation().map(a -> a.kind());
      boolean last = i == specs.size() - 1;
      Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> twin =
          spec.layer().accept(new Twin(activation, last));
      if (twin.isEmpty()) {
        return Optional.empty();
      }
      out.addAll(twin.get());
    }
    return Optional.of(out);
  }

  /**
   * The DL4J layers of one Primer layer with its activation: one, or none for a flatten (DL4J
   * inserts its own preprocessor); empty where this contender has no twin for it.
   */
  private static final class Twin
      implements Layer.Visitor<Optional<List<org.deeplearning4j.nn.conf.layers.Layer>>> {
    private final Optional<Kind> activation;
    private final boolean last;

    Twin(Optional<Kind> activation, boolean last) {
      this.activation = activation;
      this.last = last;
    }

    private static Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> none() {
      return Optional.empty();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> dense(Dense d) {
      if (last && activation.equals(Optional.of(Kind.SOFTMAX))) {
        return Optional.of(List.of(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(d.units()).activation(Activation.SOFTMAX).build()));
      }
      return !last && activation.equals(Optional.of(Kind.RELU))
          ? Optional.of(List.of(new DenseLayer.Builder().nOut(d.units()).activation(Activation.RELU)
              .build()))
          : none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> conv2d(Conv2d c) {
      return !last && activation.equals(Optional.of(Kind.RELU))
          ? Optional.of(List.of(new ConvolutionLayer.Builder(c.kernel(), c.kernel())
              .stride(c.stride(), c.stride()).nOut(c.filters()).activation(Activation.RELU)
              .convolutionMode(mode(c.padding())).build()))
          : none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> maxPool2d(MaxPool2d p) {
      return activation.isEmpty()
          ? Optional.of(List.of(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
              .kernelSize(p.pool(), p.pool()).stride(p.stride(), p.stride())
              .convolutionMode(mode(p.padding())).build()))
          : none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> flatten(Flatten f) {
      return activation.isEmpty() ? Optional.of(List.of()) : none();
    }

    private static ConvolutionMode mode(Padding padding) {
      return padding == Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> avgPool2d(AvgPool2d p) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> reshape(Reshape r) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> dropout(Dropout d) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> batchNorm(BatchNorm b) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> simpleRnn(SimpleRnn r) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> lstm(Lstm l) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> gru(Gru g) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> residual(Residual r) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> repeat(Repeat r) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> layerNorm(LayerNorm l) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> embedding(Embedding e) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> positionalEmbedding(
        PositionalEmbedding p) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> sinusoidalPosition(
        SinusoidalPosition s) {
      return none();
    }

    @Override
    public Optional<List<org.deeplearning4j.nn.conf.layers.Layer>> multiHeadAttention(
        MultiHeadAttention a) {
      return none();
    }
  }
}
