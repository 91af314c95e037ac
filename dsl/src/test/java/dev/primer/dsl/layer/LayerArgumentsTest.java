package dev.primer.dsl.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arguments each layer writes in the text form, trailing defaults left out. */
class LayerArgumentsTest {

  @Test
  void kindsAndNameStems() {
    List<Layer> layers = List.of(new Dense(1), new Conv2d(1, 1, 1, Padding.VALID),
        new MaxPool2d(2, 2, Padding.VALID), new AvgPool2d(2, 2, Padding.VALID), new Flatten(),
        new Reshape(Shape.of(1)), new Dropout(0.1), new BatchNorm(0.99, 1e-3),
        new SimpleRnn(1, Returns.LAST), new Lstm(1, Returns.LAST), new Gru(1, Returns.LAST));
    assertThat(layers).extracting(Layer::kind).containsExactly("dense", "conv2d", "maxPool2d",
        "avgPool2d", "flatten", "reshape", "dropout", "batchNorm", "simpleRnn", "lstm", "gru");
    assertThat(layers).extracting(Layer::nameStem).containsExactly("dense", "conv2d",
        "max_pool2d", "avg_pool2d", "flatten", "reshape", "dropout", "batch_norm",
        "simple_rnn", "lstm", "gru");
  }

  @Test
  void convLeavesOutStrideOneAndValidPadding() {
    assertThat(new Conv2d(32, 5, 1, Padding.VALID).arguments()).containsExactly(32, 5);
    assertThat(new Conv2d(32, 5, 2, Padding.VALID).arguments()).containsExactly(32, 5, 2);
    assertThat(new Conv2d(32, 5, 1, Padding.SAME).arguments())
        .containsExactly(32, 5, 1, Padding.SAME);
  }

  @Test
  void poolingLeavesOutAStrideEqualToThePoolAndValidPadding() {
    assertThat(new MaxPool2d(2, 2, Padding.VALID).arguments()).containsExactly(2);
    assertThat(new MaxPool2d(3, 2, Padding.VALID).arguments()).containsExactly(3, 2);
    assertThat(new AvgPool2d(2, 2, Padding.SAME).arguments())
        .containsExactly(2, 2, Padding.SAME);
  }

  @Test
  void batchNormLeavesOutItsDefaultsOnlyTogether() {
    assertThat(new BatchNorm(BatchNorm.DEFAULT_MOMENTUM, BatchNorm.DEFAULT_EPSILON).arguments())
        .isEmpty();
    assertThat(new BatchNorm(0.9, 1e-3).arguments()).containsExactly(0.9, 1e-3);
    assertThat(new BatchNorm(0.99, 1e-5).arguments()).containsExactly(0.99, 1e-5);
    assertThat(BatchNorm.DEFAULT_MOMENTUM).isEqualTo(0.99);
    assertThat(BatchNorm.DEFAULT_EPSILON).isEqualTo(0.001);
  }

  @Test
  void recurrentLayersLeaveOutLast() {
    assertThat(new Lstm(64, Returns.LAST).arguments()).containsExactly(64);
    assertThat(new Gru(8, Returns.SEQUENCES).arguments()).containsExactly(8, Returns.SEQUENCES);
  }

  @Test
  void residualAndRepeatWriteTheirBlockAndTheScaleApart() {
    Fragment block = new Fragment(List.of(
        LayerSpec.of(new Dense(4)).withActivation(Activation.relu()), LayerSpec.of(new Dense(4))));
    assertThat(block).hasToString("dense(4).relu().dense(4)");
    Residual residual = new Residual(block, java.util.Optional.empty());
    assertThat(residual.arguments()).containsExactly(block);
    assertThat(residual.text()).isEqualTo("residual(dense(4).relu().dense(4))");
    assertThat(residual.scaled(0).text())
        .isEqualTo("residual(dense(4).relu().dense(4)).scaled(0)");
    assertThat(residual.scaled(0.25).shortText()).isEqualTo("residual.scaled(0.25)");
    assertThat(new Repeat(3, block).text()).isEqualTo("repeat(3,dense(4).relu().dense(4))");
    assertThat(residual.nameStem()).isEqualTo("block");
  }

  @Test
  void othersWriteWhatTheyHold() {
    assertThat(new Dense(10).arguments()).containsExactly(10);
    assertThat(new Dropout(0.25).arguments()).containsExactly(0.25);
    assertThat(new Reshape(Shape.of(28, 28, 1)).arguments()).containsExactly(Shape.of(28, 28, 1));
    assertThat(new Flatten().arguments()).isEmpty();
  }

  @Test
  void enumsHaveLowerCaseTextNames() {
    assertThat(Padding.VALID.text()).isEqualTo("valid");
    assertThat(Padding.SAME.text()).isEqualTo("same");
    assertThat(Returns.LAST.text()).isEqualTo("last");
    assertThat(Returns.SEQUENCES.text()).isEqualTo("sequences");
  }

  @Test
  void layerSpecAddsAnActivationAndInitsToALayer() {
    LayerSpec plain = LayerSpec.of(new Dense(3));
    assertThat(plain.activation()).isEmpty();
    assertThat(plain.inits()).isEqualTo(InitChoices.NONE);
    LayerSpec relu = plain.withActivation(Activation.relu());
    assertThat(relu.activation()).contains(Activation.relu());
    assertThat(plain.activation()).isEmpty();
    InitChoices he = InitChoices.NONE.with(Role.KERNEL,
        Inits.HE);
    assertThat(he.get(Role.KERNEL)).contains(Inits.HE);
    assertThat(he.get(Role.BIAS)).isEmpty();
    assertThat(he.get(Role.GAMMA)).isEmpty();
    assertThat(InitChoices.NONE.get(Role.KERNEL)).isEmpty();
  }

  @Test
  void everyLayerReachesItsOwnVisitorMethod() {
    Layer.Visitor<String> kindOf = new Layer.Visitor<>() {
      @Override public String dense(Dense d) { return "dense"; }
      @Override public String conv2d(Conv2d c) { return "conv2d"; }
      @Override public String maxPool2d(MaxPool2d p) { return "maxPool2d"; }
      @Override public String avgPool2d(AvgPool2d p) { return "avgPool2d"; }
      @Override public String flatten(Flatten f) { return "flatten"; }
      @Override public String reshape(Reshape r) { return "reshape"; }
      @Override public String dropout(Dropout d) { return "dropout"; }
      @Override public String batchNorm(BatchNorm b) { return "batchNorm"; }
      @Override public String simpleRnn(SimpleRnn r) { return "simpleRnn"; }
      @Override public String lstm(Lstm l) { return "lstm"; }
      @Override public String gru(Gru g) { return "gru"; }
      @Override public String residual(Residual r) { return "residual"; }
      @Override public String repeat(Repeat r) { return "repeat"; }
    };
    Fragment block = new Fragment(List.of(LayerSpec.of(new Dense(1))));
    for (Layer layer : List.of(new Dense(1), new Conv2d(1, 1, 1, Padding.VALID),
        new MaxPool2d(2, 2, Padding.VALID), new AvgPool2d(2, 2, Padding.VALID), new Flatten(),
        new Reshape(Shape.of(1)), new Dropout(0.1), new BatchNorm(0.99, 1e-3),
        new SimpleRnn(1, Returns.LAST), new Lstm(1, Returns.LAST), new Gru(1, Returns.LAST),
        new Residual(block, java.util.Optional.empty()), new Repeat(2, block))) {
      assertThat(layer.accept(kindOf)).isEqualTo(layer.kind());
    }
  }

  @Test
  void everyLayerRecordHasItsSignatureInTheOneList() throws ReflectiveOperationException {
    java.util.Set<Class<?>> records = dev.primer.dsl.SealedRecords.of(Layer.class);
    assertThat(records).hasSize(LayerKinds.ALL.size());
    for (Class<?> record : records) {
      Object signature = record.getField("SIGNATURE").get(null);
      assertThat(LayerKinds.ALL).as(record.getSimpleName()).contains(
          (dev.primer.dsl.base.Signature<? extends Layer>) signature);
    }
  }

  @Test
  void signaturesReadWhatTheyWrite() {
    List<Layer> layers = List.of(new Dense(7), new Conv2d(8, 3, 2, Padding.SAME),
        new MaxPool2d(3, 2, Padding.VALID), new AvgPool2d(2, 2, Padding.SAME),
        new Reshape(Shape.of(4, 7)), new Dropout(0.25), new BatchNorm(0.9, 1e-3),
        new Lstm(5, Returns.SEQUENCES), new Gru(3, Returns.LAST));
    for (Layer layer : layers) {
      // the arguments as the parser hands them over: numbers as doubles, words as strings
      List<Object> raw = new java.util.ArrayList<>();
      for (Object a : layer.arguments()) {
        if (a instanceof Shape shape) {
          java.util.Arrays.stream(shape.toArray()).forEach(d -> raw.add((double) d));
        } else if (a instanceof Integer i) {
          raw.add((double) i);
        } else if (a instanceof Enum<?> e) {
          raw.add(e.name().toLowerCase(java.util.Locale.ROOT));
        } else {
          raw.add(a);
        }
      }
      assertThat(layer.signature().parse(raw)).as(layer.text()).isEqualTo(layer);
    }
  }
}
