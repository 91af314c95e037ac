package dev.primer.dsl.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Output shape and parameters of every layer kind, against numbers worked out by hand (the
 * parameter counts are also Keras's, noted where they agree).
 */
class LayerShapesTest {

  private static long count(Layer layer, Shape input) {
    return layer.parameters(input).stream().mapToLong(p -> p.shape().size()).sum();
  }

  @Test
  void denseHoldsAKernelAndABias() {
    Dense dense = new Dense(256);
    Shape in = Shape.of(784);
    assertThat(dense.outputShape(in)).isEqualTo(Shape.of(256));
    assertThat(dense.parameters(in)).containsExactly(
        new ParameterShape(Role.KERNEL, Shape.of(784, 256)),
        new ParameterShape(Role.BIAS, Shape.of(256)));
    assertThat(count(dense, in)).isEqualTo(784 * 256 + 256).isEqualTo(200_960); // Keras: 200,960
    assertThat(count(new Dense(10), Shape.of(256))).isEqualTo(2_570);           // Keras: 2,570
  }

  @ParameterizedTest(name = "conv2d({0},{1},{2},{3}) on [{4},{5},{6}] -> [{7},{8},{0}]")
  @CsvSource({
      // filters, kernel, stride, padding, h, w, c, h', w'
      "32, 5, 1, VALID, 28, 28, 1,  24, 24",  // (28 - 5) / 1 + 1
      "32, 3, 1, SAME,  28, 28, 1,  28, 28",  // ceil(28 / 1)
      "64, 3, 2, VALID, 28, 28, 32, 13, 13",  // floor((28 - 3) / 2) + 1
      "64, 3, 2, SAME,  28, 28, 32, 14, 14",  // ceil(28 / 2)
      "16, 3, 2, SAME,  7,  7,  3,  4,  4",   // ceil(7 / 2)
      "16, 3, 3, VALID, 10, 8,  3,  3,  2",   // floor(7/3)+1, floor(5/3)+1: height and width apart
      "8,  5, 1, VALID, 5,  5,  3,  1,  1",   // a window that just fits
      "8,  7, 4, SAME,  5,  9,  3,  2,  3",   // same padding never needs the window to fit
  })
  void convOutputShapes(int filters, int kernel, int stride, Padding padding, int h, int w,
      int c, int outH, int outW) {
    Conv2d conv = new Conv2d(filters, kernel, stride, padding);
    Shape in = Shape.of(h, w, c);
    assertThat(conv.outputShape(in)).isEqualTo(Shape.of(outH, outW, filters));
    assertThat(conv.parameters(in)).containsExactly(
        new ParameterShape(Role.KERNEL, Shape.of(kernel, kernel, c, filters)),
        new ParameterShape(Role.BIAS, Shape.of(filters)));
    assertThat(count(conv, in)).isEqualTo((long) kernel * kernel * c * filters + filters);
  }

  @Test
  void convParameterCountsAgreeWithKeras() {
    assertThat(count(new Conv2d(32, 5, 1, Padding.VALID), Shape.of(28, 28, 1))).isEqualTo(832);
    assertThat(count(new Conv2d(64, 5, 1, Padding.VALID), Shape.of(12, 12, 32))).isEqualTo(51_264);
    assertThat(count(new Conv2d(16, 3, 1, Padding.SAME), Shape.of(32, 32, 3))).isEqualTo(448);
  }

  @ParameterizedTest(name = "pool({0},{1},{2}) on [{3},{4}] -> [{5},{6}]")
  @CsvSource({
      // pool, stride, padding, h, w, h', w'
      "2, 2, VALID, 24, 24, 12, 12",
      "2, 2, VALID, 7,  7,  3,  3",   // the odd row is dropped
      "2, 2, SAME,  7,  7,  4,  4",   // and kept with same padding
      "3, 2, VALID, 28, 28, 13, 13",  // overlapping windows
      "3, 2, SAME,  28, 28, 14, 14",
      "3, 1, VALID, 5,  4,  3,  2",
      "4, 4, SAME,  3,  3,  1,  1",
  })
  void poolOutputShapesKeepTheChannelsAndHoldNothing(int pool, int stride, Padding padding,
      int h, int w, int outH, int outW) {
    Shape in = Shape.of(h, w, 32);
    for (Layer layer : List.of(new MaxPool2d(pool, stride, padding),
        new AvgPool2d(pool, stride, padding))) {
      assertThat(layer.outputShape(in)).as(layer.kind()).isEqualTo(Shape.of(outH, outW, 32));
      assertThat(layer.parameters(in)).isEmpty();
    }
  }

  @Test
  void flattenMultipliesEveryAxis() {
    assertThat(new Flatten().outputShape(Shape.of(12, 12, 32))).isEqualTo(Shape.of(4_608));
    assertThat(new Flatten().outputShape(Shape.of(28, 28))).isEqualTo(Shape.of(784));
    assertThat(new Flatten().outputShape(Shape.of(10))).isEqualTo(Shape.of(10));
    assertThat(new Flatten().parameters(Shape.of(3, 3, 3))).isEmpty();
  }

  @Test
  void reshapeKeepsTheNumberOfValues() {
    Reshape reshape = new Reshape(Shape.of(28, 28, 1));
    assertThat(reshape.outputShape(Shape.of(784))).isEqualTo(Shape.of(28, 28, 1));
    assertThat(new Reshape(Shape.of(7, 112)).outputShape(Shape.of(28, 28)))
        .isEqualTo(Shape.of(7, 112));
    assertThat(reshape.parameters(Shape.of(784))).isEmpty();
  }

  @Test
  void dropoutChangesNothingAndHoldsNothing() {
    Dropout dropout = new Dropout(0.5);
    assertThat(dropout.outputShape(Shape.of(28, 28, 3))).isEqualTo(Shape.of(28, 28, 3));
    assertThat(dropout.parameters(Shape.of(256))).isEmpty();
  }

  @Test
  void batchNormHoldsFourVectorsOfTheLastAxisTwoOfThemNotTrained() {
    BatchNorm bn = new BatchNorm(0.99, 1e-3);
    Shape in = Shape.of(12, 12, 32);
    assertThat(bn.outputShape(in)).isEqualTo(in);
    assertThat(bn.parameters(in)).containsExactly(
        new ParameterShape(Role.GAMMA, Shape.of(32)),
        new ParameterShape(Role.BETA, Shape.of(32)),
        new ParameterShape(Role.MOVING_MEAN, Shape.of(32)),
        new ParameterShape(Role.MOVING_VARIANCE, Shape.of(32)));
    assertThat(count(bn, in)).isEqualTo(128); // Keras: 128, of which 64 non-trainable
    assertThat(bn.parameters(in).stream().filter(p -> !p.role().trainable())
        .mapToLong(p -> p.shape().size()).sum()).isEqualTo(64);
    assertThat(count(bn, Shape.of(256))).isEqualTo(1_024);
  }

  @Test
  void simpleRnnHasOneGate() {
    SimpleRnn rnn = new SimpleRnn(32, Returns.LAST);
    Shape in = Shape.of(28, 28);
    assertThat(rnn.outputShape(in)).isEqualTo(Shape.of(32));
    assertThat(rnn.parameters(in)).containsExactly(
        new ParameterShape(Role.KERNEL, Shape.of(28, 32)),
        new ParameterShape(Role.RECURRENT_KERNEL, Shape.of(32, 32)),
        new ParameterShape(Role.BIAS, Shape.of(32)));
    assertThat(count(rnn, in)).isEqualTo(32 * (28 + 32 + 1)).isEqualTo(1_952); // Keras: 1,952
  }

  @Test
  void lstmHasFourGates() {
    Lstm lstm = new Lstm(64, Returns.LAST);
    Shape in = Shape.of(28, 28);
    assertThat(lstm.outputShape(in)).isEqualTo(Shape.of(64));
    assertThat(lstm.parameters(in)).containsExactly(
        new ParameterShape(Role.KERNEL, Shape.of(28, 256)),
        new ParameterShape(Role.RECURRENT_KERNEL, Shape.of(64, 256)),
        new ParameterShape(Role.BIAS, Shape.of(256)));
    assertThat(count(lstm, in)).isEqualTo(4 * 64 * (28 + 64 + 1)).isEqualTo(23_808); // Keras
  }

  @Test
  void gruHasThreeGatesAndOneBias() {
    // reset_after=False: one bias per gate, 3 u (f + u + 1); Keras's reset_after=True default
    // would have a second bias, 3 u (f + u + 2)
    Gru gru = new Gru(32, Returns.LAST);
    Shape in = Shape.of(28, 28);
    assertThat(gru.outputShape(in)).isEqualTo(Shape.of(32));
    assertThat(gru.parameters(in)).containsExactly(
        new ParameterShape(Role.KERNEL, Shape.of(28, 96)),
        new ParameterShape(Role.RECURRENT_KERNEL, Shape.of(32, 96)),
        new ParameterShape(Role.BIAS, Shape.of(96)));
    assertThat(count(gru, in)).isEqualTo(3 * 32 * (28 + 32 + 1)).isEqualTo(5_856);
  }

  @Test
  void recurrentLayersReturnTheLastStateOrEveryState() {
    Shape in = Shape.of(50, 8);
    for (Returns returns : Returns.values()) {
      Shape expected = returns == Returns.LAST ? Shape.of(16) : Shape.of(50, 16);
      List<Recurrent> layers = List.of(new SimpleRnn(16, returns), new Lstm(16, returns),
          new Gru(16, returns));
      for (Recurrent r : layers) {
        assertThat(r.outputShape(in)).as("%s %s", r.kind(), returns).isEqualTo(expected);
        // what they return does not change what they hold
        assertThat(count(r, in)).isEqualTo((long) r.cell().gates() * 16 * (8 + 16 + 1));
      }
    }
  }

  @Test
  void whichLayersMixUnitsAndWhatCanBeInitialized() {
    List<Layer> mixing = List.of(new Dense(1), new Conv2d(1, 1, 1, Padding.VALID),
        new SimpleRnn(1, Returns.LAST), new Lstm(1, Returns.LAST), new Gru(1, Returns.LAST));
    List<Layer> passing = List.of(new MaxPool2d(2, 2, Padding.VALID),
        new AvgPool2d(2, 2, Padding.VALID), new Flatten(), new Reshape(Shape.of(1)),
        new Dropout(0), new BatchNorm(0.99, 1e-3));
    for (Layer l : mixing) {
      assertThat(l.mixesUnits()).as(l.kind()).isTrue();
      assertThat(l.initializable()).as(l.kind()).contains(Role.KERNEL, Role.BIAS);
    }
    for (Layer l : passing) {
      assertThat(l.mixesUnits()).as(l.kind()).isFalse();
      assertThat(l.initializable()).as(l.kind()).isEmpty();
    }
    assertThat(new Dense(1).initializable()).doesNotContain(Role.RECURRENT_KERNEL);
    assertThat(new Lstm(1, Returns.LAST).initializable()).contains(Role.RECURRENT_KERNEL);
  }

  @Test
  void parameterRanksAreKnownBeforeTheInput() {
    assertThat(new Dense(1).parameterRank(Role.KERNEL)).isEqualTo(2);
    assertThat(new Dense(1).parameterRank(Role.BIAS)).isEqualTo(1);
    assertThat(new Conv2d(1, 1, 1, Padding.VALID).parameterRank(Role.KERNEL)).isEqualTo(4);
    assertThat(new Conv2d(1, 1, 1, Padding.VALID).parameterRank(Role.BIAS)).isEqualTo(1);
    assertThat(new Lstm(1, Returns.LAST).parameterRank(Role.RECURRENT_KERNEL)).isEqualTo(2);
    assertThat(new Gru(1, Returns.LAST).parameterRank(Role.BIAS)).isEqualTo(1);
  }
}
