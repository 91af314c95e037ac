package dev.primer.dsl;

import static dev.primer.dsl.init.Inits.DELTA_ORTHOGONAL;
import static dev.primer.dsl.init.Inits.HE;
import static dev.primer.dsl.init.Inits.IDENTITY;
import static dev.primer.dsl.init.Inits.ORTHOGONAL;
import static dev.primer.dsl.init.Inits.ZEROS;
import static dev.primer.dsl.init.Inits.sparse;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Constant;
import dev.primer.dsl.init.DeltaOrthogonal;
import dev.primer.dsl.init.Fans;
import dev.primer.dsl.init.FrameworkDefault;
import dev.primer.dsl.init.Identity;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Normal;
import dev.primer.dsl.init.Orthogonal;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.init.Sparse;
import dev.primer.dsl.init.TruncatedNormal;
import dev.primer.dsl.init.Uniform;
import dev.primer.dsl.init.VarianceScaling;
import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;
import dev.primer.dsl.layer.InitChoices;
import dev.primer.dsl.layer.Reshape;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.text.SpecParseException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every error message of the spec language, each exact text asserted once: what went wrong and
 * where (layer index and kind, or column), the rule, the value received, and how to fix it.
 */
class ErrorMessagesTest {

  private static final String KNOWN_STEPS = "input, defaultInit, defaultBias, dense, conv2d,"
      + " maxPool2d, avgPool2d, flatten, reshape, dropout, batchNorm, simpleRnn, lstm, gru,"
      + " residual, repeat, layerNorm, embedding, positionalEmbedding, sinusoidalPosition,"
      + " multiHeadAttention, relu, leakyRelu, elu, selu, gelu, swish, tanh, sigmoid, softmax,"
      + " linear, scaled, init, bias, recurrentInit, frozen, mup";

  private static final String KNOWN_INITS = "zeros, ones, glorot_uniform, glorot_normal,"
      + " glorot_normal_untruncated, he_uniform, he_normal, he_normal_untruncated, lecun_uniform,"
      + " lecun_normal, lecun_normal_untruncated, orthogonal, identity, delta_orthogonal,"
      + " hadamard, auto, keras_default, pytorch_default, lsuv, class_prior, mimetic, fixup,"
      + " skipinit, zer_o, gpt2, t_fixup, glorot, xavier_uniform, xavier_normal,"
      + " he, kaiming_uniform, kaiming_normal, lecun, rezero, constant, normal, uniform,"
      + " uniform_sum, truncated_normal, variance_scaling, sparse, from";

  /** A rule of the spec, broken while building it in Java. */
  private static void spec(ThrowingCallable build, String message) {
    assertThatThrownBy(build).isExactlyInstanceOf(SpecException.class).hasMessage(message);
  }

  /** Text that does not read as a spec. */
  private static void text(String text, String message) {
    assertThatThrownBy(() -> Net.parse(text)).isInstanceOf(SpecParseException.class)
        .hasMessage(message);
  }

  /** A value rejected by its own record, before any spec holds it. */
  private static void value(ThrowingCallable build, String message) {
    assertThatThrownBy(build).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Nested
  class Shapes {

    @Test
    void noDimensions() {
      value(() -> Shape.of(), "a shape needs at least one dimension");
      spec(() -> Net.input(), "input: a shape needs at least one dimension");
      spec(() -> Net.input(784).reshape(),
          "layer 0 (reshape): a shape needs at least one dimension");
    }

    @Test
    void nonPositiveDimensions() {
      value(() -> Shape.of(2, 0), "dimensions must be > 0, got [2, 0]");
      spec(() -> Net.input(28, -28), "input: dimensions must be > 0, got [28, -28]");
      spec(() -> Net.input(784).reshape(28, 0, 28),
          "layer 0 (reshape): dimensions must be > 0, got [28, 0, 28]");
      text("input(28,0)", "column 1: input: dimensions must be > 0, got [28, 0]");
    }
  }

  @Nested
  class LayerArguments {

    @Test
    void nonPositiveUnitsFiltersKernelsStridesAndPools() {
      spec(() -> Net.input(784).dense(0), "layer 0 (dense): units must be > 0, got 0");
      spec(() -> Net.input(784).dense(256).relu().dense(-3),
          "layer 1 (dense): units must be > 0, got -3");
      spec(() -> Net.input(28, 28, 1).conv2d(0, 5), "layer 0 (conv2d): filters must be > 0, got 0");
      spec(() -> Net.input(28, 28, 1).conv2d(32, 0),
          "layer 0 (conv2d): kernel size must be > 0, got 0");
      spec(() -> Net.input(28, 28, 1).conv2d(32, 3, 0),
          "layer 0 (conv2d): stride must be > 0, got 0");
      spec(() -> Net.input(28, 28, 1).maxPool2d(0),
          "layer 0 (maxPool2d): pool size must be > 0, got 0");
      spec(() -> Net.input(28, 28, 1).avgPool2d(2, -1),
          "layer 0 (avgPool2d): stride must be > 0, got -1");
      spec(() -> Net.input(28, 28).simpleRnn(0), "layer 0 (simpleRnn): units must be > 0, got 0");
      spec(() -> Net.input(28, 28).lstm(-1), "layer 0 (lstm): units must be > 0, got -1");
      spec(() -> Net.input(28, 28).gru(0, Returns.SEQUENCES),
          "layer 0 (gru): units must be > 0, got 0");
    }

    @Test
    void missingEnums() {
      spec(() -> Net.conv2d(8, 3, 1, null),
          "layer 0 (conv2d): padding must be valid or same, got null");
      spec(() -> Net.input(4, 4, 1).maxPool2d(2, 2, null),
          "layer 0 (maxPool2d): padding must be valid or same, got null");
      spec(() -> Net.lstm(8, null), "layer 0 (lstm): returns must be last or sequences, got null");
      value(() -> new Reshape(null), "reshape needs a target shape");
    }

    @Test
    void dropoutRateOutsideZeroToOne() {
      spec(() -> Net.input(784).dropout(1.0), "layer 0 (dropout): rate must be in [0, 1), got 1.0");
      spec(() -> Net.input(784).dense(10).dropout(-0.1),
          "layer 1 (dropout): rate must be in [0, 1), got -0.1");
      spec(() -> Net.dropout(Double.NaN), "layer 0 (dropout): rate must be in [0, 1), got NaN");
    }

    @Test
    void batchNormMomentumAndEpsilon() {
      spec(() -> Net.input(10).batchNorm(1.0, 1e-3),
          "layer 0 (batchNorm): momentum must be in [0, 1), got 1.0");
      spec(() -> Net.input(10).batchNorm(0.99, 0),
          "layer 0 (batchNorm): epsilon must be > 0 and finite, got 0.0");
      spec(() -> Net.empty().batchNorm(0.99, Double.POSITIVE_INFINITY),
          "layer 0 (batchNorm): epsilon must be > 0 and finite, got Infinity");
    }
  }

  @Nested
  class LayerInputs {

    @Test
    void convAfterAFlatInputWithoutReshape() {
      spec(() -> Net.input(784).conv2d(32, 5), "layer 0 (conv2d): needs an image input"
          + " [height, width, channels], got [784]; add reshape(height,width,channels) before it");
    }

    @Test
    void poolingAfterASequence() {
      spec(() -> Net.input(28, 28).maxPool2d(2), "layer 0 (maxPool2d): needs an image input"
          + " [height, width, channels], got [28, 28]; reshape it to rank 3 first");
    }

    @Test
    void denseAfterAnImageWithoutFlatten() {
      spec(() -> Net.input(28, 28, 1).conv2d(32, 5).relu().maxPool2d(2).dense(10),
          "layer 2 (dense): needs a flat input [features], got [12, 12, 32];"
              + " add flatten() before it");
    }

    @Test
    void recurrentOnANonSequence() {
      spec(() -> Net.input(784).lstm(64), "layer 0 (lstm): needs a sequence input"
          + " [steps, features], got [784]; add reshape(steps,features) before it");
    }

    @Test
    void reshapeSizeMismatch() {
      spec(() -> Net.input(784).reshape(28, 27),
          "layer 0 (reshape): cannot reshape [784] (784 values) to [28, 27] (756 values)");
    }

    @Test
    void validWindowLargerThanTheInput() {
      spec(() -> Net.input(4, 8, 1).conv2d(8, 5), "layer 0 (conv2d): window 5 is larger than the"
          + " input's height 4 with valid padding; use same padding or a smaller window");
      spec(() -> Net.input(8, 2, 1).avgPool2d(3), "layer 0 (avgPool2d): window 3 is larger than"
          + " the input's width 2 with valid padding; use same padding or a smaller window");
    }

    @Test
    void flattenBeyondAnInt() {
      // no shape past the tensor limit gets as far as flatten: the input is refused first
      assertThatThrownBy(() -> Net.input(65_536, 65_536, 1).flatten())
          .isExactlyInstanceOf(SpecException.class)
          .hasMessageStartingWith("input: one example [65536, 65536, 1] would hold");
    }

    @Test
    void aBlockIsCheckedWhenItGetsItsInput() {
      spec(() -> Net.dense(10).withInput(Shape.of(28, 28, 1)),
          "layer 0 (dense): needs a flat input [features], got [28, 28, 1];"
              + " add flatten() before it");
    }
  }

  @Nested
  class InitializerFits {

    @Test
    void identityOnAConvKernel() {
      spec(() -> Net.input(28, 28, 1).conv2d(8, 3).init(IDENTITY),
          "layer 0 (conv2d): identity needs a 2-D parameter, kernel has rank 4");
    }

    @Test
    void orthogonalOnABias() {
      spec(() -> Net.input(784).dense(10).bias(ORTHOGONAL),
          "layer 0 (dense): orthogonal needs a parameter of rank >= 2, bias has rank 1");
    }

    @Test
    void deltaOrthogonalOnADenseKernel() {
      spec(() -> Net.input(784).dense(256).relu().init(DELTA_ORTHOGONAL),
          "layer 0 (dense): delta_orthogonal needs a conv kernel [kh, kw, in, out], kernel has"
              + " rank 2");
    }

    @Test
    void sparseOnABias() {
      spec(() -> Net.lstm(4, Returns.LAST).bias(sparse(2, 1)),
          "layer 0 (lstm): sparse needs a kernel of rank >= 2, bias has rank 1");
    }

    @Test
    void sparseCountAboveFanIn() {
      spec(() -> Net.input(10).dense(5).init(sparse(15, 1.0)), "layer 0 (dense): sparse(15,1)"
          + " needs at most fan_in = 10 nonzero incoming weights per unit, got count 15");
      spec(() -> Net.input(28, 28).lstm(4).recurrentInit(sparse(5, 0.5)), "layer 0 (lstm):"
          + " sparse(5,0.5) needs at most fan_in = 4 nonzero incoming weights per unit,"
          + " got count 5");
    }

    @Test
    void aNetWideDefaultThatCannotFillAKernel() {
      spec(() -> Net.input(28, 28, 1).defaultInit(IDENTITY).conv2d(8, 3),
          "layer 0 (conv2d): identity needs a 2-D parameter, kernel has rank 4"
              + " (from the net-wide default)");
    }

    @Test
    void aNetWideBiasThatCannotFillABias() {
      spec(() -> Net.empty().defaultBias(IDENTITY),
          "defaultBias: identity needs a 2-D parameter, bias has rank 1");
    }

    @Test
    void withKernelInitOnAKernelItCannotFill() {
      spec(() -> Net.input(28, 28, 1).maxPool2d(2).conv2d(8, 3).withKernelInit(IDENTITY),
          "layer 1 (conv2d): identity needs a 2-D parameter, kernel has rank 4");
    }
  }

  @Nested
  class InitializerValues {

    @Test
    void constant() {
      value(() -> new Constant(Double.NaN), "constant: value must be finite, got NaN");
    }

    @Test
    void normal() {
      value(() -> new Normal(Double.POSITIVE_INFINITY, 1),
          "normal: mean must be finite, got Infinity");
      value(() -> new Normal(0, -0.01), "normal: std must be >= 0 and finite, got -0.01");
    }

    @Test
    void truncatedNormal() {
      value(() -> new TruncatedNormal(Double.NaN, 1),
          "truncated_normal: mean must be finite, got NaN");
      value(() -> new TruncatedNormal(0, 0),
          "truncated_normal: std must be > 0 and finite, got 0.0");
    }

    @Test
    void uniform() {
      value(() -> new Uniform(0.05, -0.05), "uniform: needs finite lo < hi, got lo=0.05, hi=-0.05");
      value(() -> new Uniform(1, 1), "uniform: needs finite lo < hi, got lo=1.0, hi=1.0");
    }

    @Test
    void gains() {
      value(() -> new Orthogonal(0), "orthogonal: gain must be > 0, got 0.0");
      value(() -> new DeltaOrthogonal(-1), "delta_orthogonal: gain must be > 0, got -1.0");
      value(() -> new Identity(Double.NEGATIVE_INFINITY),
          "identity: gain must be finite, got -Infinity");
    }

    @Test
    void sparse() {
      value(() -> new Sparse(0, 1), "sparse: count must be > 0, got 0");
      value(() -> new Sparse(15, 0), "sparse: std must be > 0 and finite, got 0.0");
    }

    @Test
    void varianceScaling() {
      value(() -> new VarianceScaling(0, FanMode.FAN_IN, Distribution.NORMAL),
          "variance_scaling: scale must be > 0, got 0.0");
      value(() -> new VarianceScaling(1, null, Distribution.NORMAL),
          "variance_scaling: mode and distribution are required");
    }

    @Test
    void frameworkDefault() {
      value(() -> new FrameworkDefault(null), "framework must not be null");
    }

    @Test
    void fans() {
      value(() -> new Fans(0, 5), "fans must be > 0, got (0, 5)");
      value(() -> Fans.ofKernel(new int[] {5}), "a kernel has rank >= 2, got shape [5]");
    }

    @Test
    void choosingTheInitOfAFixedParameter() {
      value(() -> InitChoices.NONE.with(Role.GAMMA, ZEROS),
          "the initializer of gamma cannot be chosen");
    }
  }

  @Nested
  class InitializerNames {

    @Test
    void unknownNameWithASuggestion() {
      value(() -> InitNames.parse("he_norml", List.of()), "unknown initializer 'he_norml';"
          + " did you mean 'he_normal'? (known: " + KNOWN_INITS + ")");
    }

    @Test
    void unknownNameInParsedTextWithItsColumn() {
      text("input(784).dense(10).init(Glorot_Unifrom)", "column 27: unknown initializer"
          + " 'Glorot_Unifrom'; did you mean 'glorot_uniform'? (known: " + KNOWN_INITS + ")");
      text("dense(10).bias(foo)",
          "column 16: unknown initializer 'foo' (known: " + KNOWN_INITS + ")");
    }

    @Test
    void wrongArgumentCounts() {
      assertThatThrownBy(() -> InitNames.parse("he_normal", List.of(2.0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("he_normal takes no arguments, got 1");
      text("dense(10).init(normal(0))",
          "column 16: normal takes 2 arguments: normal(mean,std), got 1");
      text("dense(10).init(constant)",
          "column 16: constant takes 1 argument: constant(value), got 0");
      text("dense(10).init(orthogonal(1,2))",
          "column 16: orthogonal takes 0 or 1 argument: orthogonal([gain]), got 2");
      text("dense(10).init(variance_scaling(2,fan_in))", "column 16: variance_scaling takes 3"
          + " arguments: variance_scaling(scale,fan_in|fan_out|fan_avg|fan_geo_avg,"
          + "truncated_normal|normal|uniform), got 2");
    }

    @Test
    void argumentsOfTheWrongKind() {
      text("dense(10).init(normal(zero,1))",
          "column 16: normal: argument 1 must be a number, got 'zero'");
      text("dense(10).init(sparse(1.5,1))",
          "column 16: sparse: argument 1 must be a whole number, got 1.5");
      text("dense(10).init(variance_scaling(2,1,uniform))",
          "column 16: variance_scaling: argument 2 must be one of fan_in, fan_out, fan_avg,"
              + " fan_geo_avg, got 1");
      text("dense(10).init(variance_scaling(2,fan_mid,uniform))", "column 16: variance_scaling:"
          + " argument 2 must be one of fan_in, fan_out, fan_avg, fan_geo_avg, got 'fan_mid'");
      text("dense(10).init(variance_scaling(2,fan_in,gauss))", "column 16: variance_scaling:"
          + " argument 3 must be one of truncated_normal, normal, uniform, got 'gauss'");
      text("dense(10).init(normal(0,he_normal(1)))",
          "column 25: normal: arguments must be numbers, words or quoted texts, got 'he_normal(...)'");
      text("dense(10).init(5)",
          "column 16: init: expected an initializer such as he_normal, got 5");
      text("dense(10).init()",
          "column 11: init takes 1 argument: init(initializer), got 0");
    }

    @Test
    void aSingleInitializerThatDoesNotRead() {
      init("", "column 1: expected an initializer such as he_normal, got nothing");
      init("he_normal)", "column 10: expected the end of the initializer, got ')'");
      init("he_normal.relu()", "column 10: expected the end of the initializer, got '.'");
      init("0.5", "column 1: initializer: expected an initializer such as he_normal, got 0.5");
      init("normal(0,", "column 10: expected a number, a word, a quoted text or an initializer, got the end"
          + " of the text");
      init("he_normall", "column 1: unknown initializer 'he_normall'; did you mean 'he_normal'?"
          + " (known: " + KNOWN_INITS + ")");
    }

    private void init(String text, String message) {
      assertThatThrownBy(() -> Net.parseInit(text)).isInstanceOf(SpecParseException.class)
          .hasMessage(message);
    }

    @Test
    void invalidArgumentValues() {
      text("dense(10).init(normal(0,-1))",
          "column 16: normal: std must be >= 0 and finite, got -1.0");
      text("dense(10).init(uniform(0.05,-0.05))",
          "column 16: uniform: needs finite lo < hi, got lo=0.05, hi=-0.05");
      text("dense(10).init(sparse(0,1))", "column 16: sparse: count must be > 0, got 0");
      text("dense(10).init(truncated_normal(0,0))",
          "column 16: truncated_normal: std must be > 0 and finite, got 0.0");
      text("dense(10).init(orthogonal(-1.2))",
          "column 16: orthogonal: gain must be > 0, got -1.2");
      text("dense(10).init(variance_scaling(-2,fan_in,uniform))",
          "column 16: variance_scaling: scale must be > 0, got -2.0");
    }
  }

  @Nested
  class Activations {

    @Test
    void alphasOutOfRange() {
      value(() -> Net.input(784).dense(10).leakyRelu(1.0),
          "leakyRelu: alpha must be in [0, 1), got 1.0");
      value(() -> Activation.elu(0), "elu: alpha must be > 0, got 0.0");
      value(() -> new Activation(Activation.Kind.RELU, 0.5), "relu takes no alpha, got 0.5");
      value(() -> new Activation(null, 0), "activation kind must not be null");
      text("input(4).dense(2).leakyRelu(-0.2)",
          "column 19: leakyRelu: alpha must be in [0, 1), got -0.2");
    }

    @Test
    void anActivationWithNoLayerBeforeIt() {
      text("relu()", "column 1: relu() has no layer before it to activate");
      text("input(784).leakyRelu(0.2)",
          "column 12: leakyRelu(0.2) has no layer before it to activate");
    }

    @Test
    void aSecondActivationOnTheSameLayer() {
      text("input(784).dense(10).relu().softmax()", "column 29: layer 0 (dense): already has"
          + " activation relu(); an activation applies to the layer just before it");
      text("input(4).flatten().tanh().sigmoid()", "column 27: layer 0 (flatten): already has"
          + " activation tanh(); an activation applies to the layer just before it");
    }

    @Test
    void anActivationSeparatedFromItsLayer() {
      text("input(4).dense(2).defaultInit(he).relu()",
          "column 35: relu() must follow a layer; put it right after the layer it activates");
    }
  }

  @Nested
  class InitSteps {

    @Test
    void initOnALayerWithoutKernel() {
      text("input(784).dropout(0.5).init(he_normal)",
          "column 25: layer 0 (dropout): has no kernel to initialize");
      text("input(4).batchNorm().bias(zeros)",
          "column 22: layer 0 (batchNorm): has no bias to initialize");
    }

    @Test
    void recurrentInitOnADenseLayer() {
      text("input(784).dense(10).recurrentInit(orthogonal)",
          "column 22: layer 0 (dense): has no recurrent kernel to initialize");
    }

    @Test
    void initWithNoLayerBeforeIt() {
      text("input(784).init(he_normal)", "column 12: there is no layer before init(...) to"
          + " initialize; to set a net-wide default use defaultInit(...) or defaultBias(...)");
    }

    @Test
    void initSeparatedFromItsLayer() {
      text("input(4).dense(2).defaultInit(he_normal).init(he_uniform)",
          "column 42: init(...) must follow a layer; put it right after the layer it initializes");
    }
  }

  @Nested
  class NetRules {

    @Test
    void defaultInitSetTwice() {
      spec(() -> Net.input(784).defaultInit(HE).dense(10).defaultInit(ORTHOGONAL),
          "defaultInit: the net-wide default is already he_normal; it can be set once");
      spec(() -> Net.empty().defaultBias(ZEROS).then(Net.empty().defaultBias(ZEROS)),
          "defaultBias: the net-wide default is already zeros; it can be set once");
    }

    @Test
    void thenWithABlockThatHasAnInput() {
      spec(() -> Net.input(784).then(Net.input(784).dense(10)), "then: the block starts with its"
          + " own input [784]; only a spec without input can be appended");
    }

    @Test
    void withInputConflicting() {
      spec(() -> Net.input(784).dense(10).withInput(Shape.of(28, 28)),
          "input: the spec already takes [784], not [28, 28]");
    }

    @Test
    void summaryWithoutInput() {
      spec(() -> Net.dense(10).softmax().summary(), "the spec has no input shape: start it with"
          + " input(...) or give one with withInput(...)");
    }
  }

  @Nested
  class Text {

    @Test
    void unknownStepWithItsColumnAndASuggestion() {
      text("input(784).dence(10)", "column 12: unknown step 'dence'; did you mean 'dense'?"
          + " (known: " + KNOWN_STEPS + ")");
      text("input(784).dense(10).Relu()", "column 22: unknown step 'Relu'; did you mean 'relu'?"
          + " (known: " + KNOWN_STEPS + ")");
    }

    @Test
    void unknownStepThatDiffersInCaseOrBySwappedLetters() {
      text("input(784).dense(10).RELU()", "column 22: unknown step 'RELU'; did you mean 'relu'?"
          + " (known: " + KNOWN_STEPS + ")");
      text("input(784).dense(10).rleu()", "column 22: unknown step 'rleu'; did you mean 'relu'?"
          + " (known: " + KNOWN_STEPS + ")");
      text("input(784).DENSE(10)", "column 12: unknown step 'DENSE'; did you mean 'dense'?"
          + " (known: " + KNOWN_STEPS + ")");
    }

    @Test
    void unknownStepWithoutASuggestion() {
      text("input(784).transformer(8)",
          "column 12: unknown step 'transformer' (known: " + KNOWN_STEPS + ")");
    }

    @Test
    void emptyText() {
      text("", "column 1: the spec is empty; expected a chain such as"
          + " input(784).dense(10).softmax()");
      text(" \n ", "column 4: the spec is empty; expected a chain such as"
          + " input(784).dense(10).softmax()");
      text("Net.", "column 5: the spec is empty; expected a chain such as"
          + " input(784).dense(10).softmax()");
    }

    @Test
    void unexpectedCharacters() {
      text("input(784);dense(10)", "column 11: unexpected character ';'");
      text("dense(10).init(he_normal * 2)", "column 26: unexpected character '*'");
    }

    @Test
    void invisibleCharactersAreShownEscaped() {
      text("input(784)\u0007.dense(10)", "column 11: unexpected character '\\u0007'");
      text("input(784).dense(10)\u0000", "column 21: unexpected character '\\u0000'");
      text("input(784).dense\u200B(10)", "column 17: unexpected character '\\u200B'");
      text("input(784).dense(10)\u001B[31m", "column 21: unexpected character '\\u001B'");
      text("input(784).dense(10)\uD800", "column 21: unexpected character '\\uD800'");
      assertThatThrownBy(() -> Net.parseInit("he_normal\u0085"))
          .isInstanceOf(SpecParseException.class)
          .hasMessage("column 10: unexpected character '\\u0085'");
    }

    @Test
    void callsNestedTooDeep() {
      String deep = "input(4).dense(2).init(" + "orthogonal(".repeat(3000) + ")".repeat(3001);
      text(deep, "column " + (24 + 11 * 64) + ": calls nest more than 64 deep here;"
          + " blocks nest a few deep and an initializer such as normal(0,1) takes only numbers"
          + " and words");
      assertThatThrownBy(() -> Net.parseInit("normal(".repeat(100_000)))
          .isInstanceOf(SpecParseException.class)
          .hasMessage("column " + (1 + 7 * 64) + ": calls nest more than 64 deep here;"
              + " blocks nest a few deep and an initializer such as normal(0,1) takes only"
              + " numbers and words");
      // 64 deep is read, and then refused for what it says
      text("input(4).dense(2).init(" + "orthogonal(".repeat(64) + ")".repeat(65),
          "column 35: orthogonal: arguments must be numbers, words or quoted texts, got 'orthogonal(...)'");
    }

    @Test
    void badNumbers() {
      text("input(7.8.4)", "column 7: '7.8.4' is not a number");
      text("dense(-)", "column 7: '-' is not a number");
      text("dropout(1e)", "column 9: '1e' is not a number");
    }

    @Test
    void grammar() {
      text("input(784) dense(10)", "column 12: expected '.' between steps, got 'dense'");
      text("input(784).dense.relu()", "column 17: expected '(' after dense, got '.'");
      text("input(784).(10)", "column 12: expected a step such as dense(10), got '('");
      text("input(784", "column 10: expected ',' or ')', got the end of the text");
      text("dense(10 20)", "column 10: expected ',' or ')', got '20'");
      text("dense(,)", "column 7: expected a number, a word, a quoted text or an initializer, got ','");
      text("input(784).", "column 12: expected a step such as dense(10), got the end of the text");
    }

    @Test
    void inputNotFirst() {
      text("dense(10).input(784)", "column 11: input(...) must come first");
    }

    @Test
    void wrongArgumentCounts() {
      text("input()", "column 1: input takes at least 1 argument: input(dims...), got 0");
      text("input(784).dense(10,20)", "column 12: dense takes 1 argument: dense(units), got 2");
      text("input(28,28,1).conv2d(32)", "column 16: conv2d takes 2 to 4 arguments:"
          + " conv2d(filters,kernel[,stride[,valid|same]]), got 1");
      text("input(28,28,1).maxPool2d(2,2,same,1)", "column 16: maxPool2d takes 1 to 3"
          + " arguments: maxPool2d(pool[,stride[,valid|same]]), got 4");
      text("input(784).flatten(1)", "column 12: flatten takes no arguments, got 1");
      text("input(784).reshape()",
          "column 12: reshape takes at least 1 argument: reshape(dims...), got 0");
      text("input(784).dropout()", "column 12: dropout takes 1 argument: dropout(rate), got 0");
      text("input(784).batchNorm(0.9)", "column 12: batchNorm takes 0 or 2 arguments:"
          + " batchNorm([momentum,epsilon]), got 1");
      text("input(28,28).lstm(4,last,1)",
          "column 14: lstm takes 1 or 2 arguments: lstm(units[,last|sequences]), got 3");
      text("input(784).dense(10).relu(1)", "column 22: relu takes no arguments, got 1");
      text("input(784).dense(10).leakyRelu(0.1,0.2)",
          "column 22: leakyRelu takes 0 or 1 argument: leakyRelu([alpha]), got 2");
    }

    @Test
    void nonNumberArguments() {
      text("input(784).dense(ten)", "column 18: dense: argument 1 must be a number, got 'ten'");
      text("input(784).dropout(he_normal(1))",
          "column 20: dropout: argument 1 must be a number, got 'he_normal(...)'");
      text("input(a)", "column 7: input: argument 1 must be a number, got 'a'");
    }

    @Test
    void nonWholeNumbersForIntegerArguments() {
      text("input(784).dense(10.5)",
          "column 18: dense: argument 1 must be a whole number, got 10.5");
      text("input(28.5)", "column 7: input: argument 1 must be a whole number, got 28.5");
    }

    @Test
    void wholeNumbersOutsideTheIntRange() {
      text("input(28,28,1).conv2d(32,5,1e10)",
          "column 28: conv2d: argument 3 is too large: at most 2147483647, got 10000000000");
      text("input(784).dense(1e12)",
          "column 18: dense: argument 1 is too large: at most 2147483647, got 1000000000000");
      text("input(784).dense(2147483648)",
          "column 18: dense: argument 1 is too large: at most 2147483647, got 2147483648");
      text("input(784).dense(-1e12)",
          "column 18: dense: argument 1 is too small: at least -2147483647, got -1000000000000");
    }

    @Test
    void unknownPaddingAndReturnsWords() {
      text("input(28,28,1).conv2d(32,5,1,full)",
          "column 30: conv2d: argument 4 must be valid or same, got 'full'");
      text("input(28,28,1).avgPool2d(2,2,3)",
          "column 30: avgPool2d: argument 3 must be valid or same, got 3");
      text("input(28,28).gru(32,all)",
          "column 21: gru: argument 2 must be last or sequences, got 'all'");
    }

    @Test
    void specRulesInParsedTextNameTheColumnAndTheLayer() {
      text("input(784).dense(0)", "column 12: layer 0 (dense): units must be > 0, got 0");
      text("input(784).conv2d(32,5)", "column 12: layer 0 (conv2d): needs an image input"
          + " [height, width, channels], got [784]; add reshape(height,width,channels) before it");
      text("input(784).defaultInit(he).defaultInit(he)",
          "column 28: defaultInit: the net-wide default is already he_normal; it can be set once");
      text("defaultBias(orthogonal)",
          "column 1: defaultBias: orthogonal needs a parameter of rank >= 2, bias has rank 1");
    }
  }
  @Nested
  class Sizes {

    @Test
    void aTensorPastTheLimitNamesTheLayerAndTheSize() {
      spec(() -> Net.input(4).dense(2147483647), "layer 0 (dense): kernel [4, 2147483647] would"
          + " hold 8,589,934,588 values, too large: one tensor may hold at most 2,147,483,647"
          + " (TensorFlow's 32-bit sizes)");
      text("input(4).dense(200000).dense(200000)", "column 24: layer 1 (dense): kernel"
          + " [200000, 200000] would hold 40,000,000,000 values, too large: one tensor may hold"
          + " at most 2,147,483,647 (TensorFlow's 32-bit sizes)");
      spec(() -> Net.input(2000, 2000, 1).conv2d(1000, 1), "layer 0 (conv2d): output"
          + " [2000, 2000, 1000] would hold 4,000,000,000 values, too large: one tensor may hold"
          + " at most 2,147,483,647 (TensorFlow's 32-bit sizes)");
    }

    @Test
    void anInputPastTheLimit() {
      spec(() -> Net.input(46341, 46341), "input: one example [46341, 46341] would hold"
          + " 2,147,488,281 values, too large: one tensor may hold at most 2,147,483,647"
          + " (TensorFlow's 32-bit sizes)");
      text("input(46341,46341).flatten()", "column 1: input: one example [46341, 46341] would"
          + " hold 2,147,488,281 values, too large: one tensor may hold at most 2,147,483,647"
          + " (TensorFlow's 32-bit sizes)");
    }

    @Test
    void aNetPastTheParameterLimitNamesTheLayerWhereItCrosses() {
      text("input(40000).dense(40000).dense(40000).dense(40000)", "column 40: layer 2 (dense):"
          + " the net would have 4,800,120,000 parameters up to here, too large: a net may have"
          + " at most 4,294,967,296");
      spec(() -> Net.dense(40000).dense(40000).dense(40000).withInput(Shape.of(40000)),
          "layer 2 (dense): the net would have 4,800,120,000 parameters up to here, too large:"
              + " a net may have at most 4,294,967,296");
    }
  }
}
