package dev.primer.dsl.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.spec.NetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedNetTest {

  @Test
  void theIssuesMlp() {
    ResolvedNet net = Net.input(784).dense(256).relu().dense(10).softmax().resolve();
    assertThat(net.input()).isEqualTo(Shape.of(784));
    assertThat(net.output()).isEqualTo(Shape.of(10));
    assertThat(net.layers()).extracting(ResolvedLayer::name).containsExactly("dense_0", "dense_1");
    assertThat(net.parameters()).extracting(Parameter::name).containsExactly(
        "dense_0/kernel", "dense_0/bias", "dense_1/kernel", "dense_1/bias");
    assertThat(net.layers()).extracting(ResolvedLayer::parameterCount)
        .containsExactly(200_960L, 2_570L);
    assertThat(net.parameterCount()).isEqualTo(203_530); // Keras: 203,530
    assertThat(net.trainableCount()).isEqualTo(203_530);
  }

  @Test
  void theIssuesCnn() {
    ResolvedNet net = Net.input(28, 28, 1).conv2d(32, 5).relu().maxPool2d(2).flatten()
        .dense(10).softmax().resolve();
    assertThat(net.layers()).extracting(ResolvedLayer::output).containsExactly(
        Shape.of(24, 24, 32), Shape.of(12, 12, 32), Shape.of(4_608), Shape.of(10));
    assertThat(net.layers()).extracting(ResolvedLayer::input).containsExactly(
        Shape.of(28, 28, 1), Shape.of(24, 24, 32), Shape.of(12, 12, 32), Shape.of(4_608));
    assertThat(net.layers()).extracting(ResolvedLayer::name)
        .containsExactly("conv2d_0", "max_pool2d_0", "flatten_0", "dense_0");
    assertThat(net.layers()).extracting(ResolvedLayer::kind)
        .containsExactly("conv2d", "maxPool2d", "flatten", "dense");
    assertThat(net.layers()).extracting(ResolvedLayer::index).containsExactly(0, 1, 2, 3);
    assertThat(net.layers()).extracting(ResolvedLayer::parameterCount)
        .containsExactly(832L, 0L, 0L, 46_090L);
    assertThat(net.parameterCount()).isEqualTo(46_922); // Keras: 46,922
  }

  @Test
  void namesCountPerKind() {
    ResolvedNet net = Net.input(28, 28, 1).conv2d(8, 3).conv2d(8, 3).maxPool2d(2).conv2d(4, 3)
        .avgPool2d(2).flatten().dense(16).batchNorm().dropout(0.5).dense(16).batchNorm()
        .dense(2).resolve();
    assertThat(net.layers()).extracting(ResolvedLayer::name).containsExactly(
        "conv2d_0", "conv2d_1", "max_pool2d_0", "conv2d_2", "avg_pool2d_0", "flatten_0",
        "dense_0", "batch_norm_0", "dropout_0", "dense_1", "batch_norm_1", "dense_2");
  }

  @Test
  void batchNormCountsTwoOfItsFourVectorsAsNonTrainable() {
    ResolvedNet net = Net.input(12, 12, 32).batchNorm().resolve();
    assertThat(net.parameterCount()).isEqualTo(128);
    assertThat(net.trainableCount()).isEqualTo(64);
    assertThat(net.parameters()).extracting(Parameter::name).containsExactly(
        "batch_norm_0/gamma", "batch_norm_0/beta", "batch_norm_0/moving_mean",
        "batch_norm_0/moving_variance");
    assertThat(net.parameters()).extracting(Parameter::trainable)
        .containsExactly(true, true, false, false);
  }

  @Test
  void recurrentStacks() {
    ResolvedNet net = Net.input(28, 28).lstm(64, Returns.SEQUENCES).gru(32, Returns.SEQUENCES)
        .simpleRnn(16).dense(10).softmax().resolve();
    assertThat(net.layers()).extracting(ResolvedLayer::output).containsExactly(
        Shape.of(28, 64), Shape.of(28, 32), Shape.of(16), Shape.of(10));
    assertThat(net.layers()).extracting(ResolvedLayer::parameterCount).containsExactly(
        4L * 64 * (28 + 64 + 1),   // 23,808 (Keras)
        3L * 32 * (64 + 32 + 1),   //  9,312 (Keras, reset_after=False)
        16L * (32 + 16 + 1),       //    784 (Keras)
        16L * 10 + 10);
    assertThat(net.parameters()).extracting(Parameter::name).startsWith(
        "lstm_0/kernel", "lstm_0/recurrent_kernel", "lstm_0/bias");
    assertThat(net.parameterCount()).isEqualTo(23_808 + 9_312 + 784 + 170);
  }

  @Test
  void convWithStridesAndPadding() {
    ResolvedNet net = Net.input(32, 32, 3).conv2d(16, 3, 1, Padding.SAME).relu()
        .conv2d(32, 3, 2).relu().conv2d(64, 3, 2, Padding.SAME).maxPool2d(3, 2, Padding.SAME)
        .avgPool2d(2, 1).resolve();
    assertThat(net.layers()).extracting(ResolvedLayer::output).containsExactly(
        Shape.of(32, 32, 16),  // same, stride 1
        Shape.of(15, 15, 32),  // valid, stride 2: (32 - 3) / 2 + 1
        Shape.of(8, 8, 64),    // same, stride 2: ceil(15 / 2)
        Shape.of(4, 4, 64),    // same, stride 2: ceil(8 / 2)
        Shape.of(3, 3, 64));   // valid 2, stride 1
    assertThat(net.parameterCount())
        .isEqualTo(3 * 3 * 3 * 16 + 16 + 3 * 3 * 16 * 32 + 32 + 3 * 3 * 32 * 64 + 64);
  }

  @Test
  void reshapeAndFlattenBetweenKinds() {
    ResolvedNet net = Net.input(784).reshape(28, 28, 1).conv2d(4, 3).flatten().reshape(26, 104)
        .lstm(8).resolve();
    assertThat(net.output()).isEqualTo(Shape.of(8));
    assertThat(net.layers().get(3).output()).isEqualTo(Shape.of(26, 104));
  }

  @Test
  void aNetWithoutLayersOutputsItsInput() {
    ResolvedNet net = Net.input(28, 28, 1).resolve();
    assertThat(net.output()).isEqualTo(Shape.of(28, 28, 1));
    assertThat(net.parameterCount()).isZero();
    assertThat(net.parameters()).isEmpty();
  }

  @Test
  void findsParametersByNameAndRole() {
    ResolvedNet net = Net.input(10).dense(4).relu().dropout(0.1).resolve();
    ResolvedLayer dense = net.layers().get(0);
    assertThat(dense.parameter(Role.KERNEL)).map(Parameter::shape).contains(Shape.of(10, 4));
    assertThat(dense.parameter(Role.RECURRENT_KERNEL)).isEmpty();
    assertThat(net.parameter("dense_0/bias")).map(Parameter::size).contains(4L);
    assertThat(net.parameter("dense_1/bias")).isEmpty();
    assertThat(dense.autoActivation()).contains(Activation.relu());
    assertThat(net.layers().get(1).parameters()).isEmpty();
    assertThat(dense.spec().activation()).contains(Activation.relu());
  }

  @Test
  void resolvesFromLayersAndDefaultsDirectly() {
    NetSpec spec = Net.dense(3).relu();
    List<LayerSpec> layers = spec.layers();
    ResolvedNet net = ResolvedNet.of(Shape.of(5), layers, NetDefaults.NONE);
    assertThat(net).isEqualTo(spec.withInput(Shape.of(5)).resolve());
    assertThat(net.parameterCount()).isEqualTo(18);
  }

  @Test
  void resolvingIsDeterministic() {
    NetSpec spec = Net.input(28, 28).lstm(8).dense(3)
        .init(dev.primer.dsl.init.Inits.PYTORCH_DEFAULT);
    assertThat(spec.resolve()).isEqualTo(spec.resolve());
    assertThat(spec.summary()).isEqualTo(spec.summary());
  }
}
