package dev.primer.dsl.text;

import static dev.primer.dsl.init.Inits.DELTA_ORTHOGONAL;
import static dev.primer.dsl.init.Inits.GLOROT_NORMAL_UNTRUNCATED;
import static dev.primer.dsl.init.Inits.GLOROT_UNIFORM;
import static dev.primer.dsl.init.Inits.HE;
import static dev.primer.dsl.init.Inits.HE_NORMAL_UNTRUNCATED;
import static dev.primer.dsl.init.Inits.HE_UNIFORM;
import static dev.primer.dsl.init.Inits.IDENTITY;
import static dev.primer.dsl.init.Inits.LECUN_NORMAL;
import static dev.primer.dsl.init.Inits.ONES;
import static dev.primer.dsl.init.Inits.ORTHOGONAL;
import static dev.primer.dsl.init.Inits.PYTORCH_DEFAULT;
import static dev.primer.dsl.init.Inits.ZEROS;
import static dev.primer.dsl.init.Inits.constant;
import static dev.primer.dsl.init.Inits.normal;
import static dev.primer.dsl.init.Inits.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.VarianceScaling;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.layer.StateActivation;
import dev.primer.dsl.spec.NetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecParserTest {

  @Test
  void theIssuesMlp() {
    NetSpec parsed = Net.parse("input(784).dense(256).relu().init(he_normal).dense(10).softmax()");
    assertThat(parsed).isEqualTo(Net.input(784).dense(256).relu().init(HE).dense(10).softmax());
  }

  @Test
  void theIssuesCnn() {
    NetSpec parsed =
        Net.parse("input(28,28,1).conv2d(32,5).relu().maxPool2d(2).flatten().dense(10).softmax()");
    assertThat(parsed).isEqualTo(
        Net.input(28, 28, 1).conv2d(32, 5).relu().maxPool2d(2).flatten().dense(10).softmax());
    assertThat(parsed.resolve().parameterCount()).isEqualTo(46_922);
  }

  @Test
  void acceptsWhitespaceNewlinesAndALeadingNet() {
    NetSpec expected = Net.input(784).dense(256).relu().init(HE).dense(10).softmax();
    assertThat(Net.parse("""
        Net.input(784)
            .dense(256).relu().init(he_normal)
            .dense( 10 )
            .softmax()
        """)).isEqualTo(expected);
    assertThat(Net.parse("  Net . input ( 784 ) . dense(256) . relu ( ) .init( he_normal )"
        + "\t.dense(10)\r\n.softmax()  ")).isEqualTo(expected);
  }

  @Test
  void readsBlocksWithoutInput() {
    assertThat(Net.parse("dense(256).relu()")).isEqualTo(Net.dense(256).relu());
    assertThat(Net.parse("Net.dense(256)").input()).isEmpty();
    assertThat(Net.parse("defaultInit(he_uniform)")).isEqualTo(Net.empty().defaultInit(HE_UNIFORM));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "zeros", "ones", "constant(0.1)", "normal(0,0.01)", "uniform(-0.05,0.05)",
      "truncated_normal(0,0.05)", "variance_scaling(2,fan_in,uniform)", "glorot_uniform",
      "glorot_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal", "orthogonal",
      "orthogonal(1.2)", "identity", "sparse(15,1.0)", "auto", "keras_default",
      "pytorch_default", "glorot_normal_untruncated", "he_normal_untruncated",
      "lecun_normal_untruncated", "identity(0.5)", "glorot", "xavier_uniform", "xavier_normal",
      "he", "kaiming_uniform", "kaiming_normal", "lecun", "HE_NORMAL"})
  void everyInitializerNameReadsAsAKernelInit(String name) {
    NetSpec spec = Net.parse("input(784).dense(16).init(" + name + ")");
    Init init = spec.layers().get(0).inits().kernel().orElseThrow();
    String canonical = InitNames.text(init);
    assertThat(Net.parse("input(784).dense(16).init(" + canonical + ")")).isEqualTo(spec);
    assertThat(spec.resolve().parameterCount()).isEqualTo(784 * 16 + 16);
  }

  @Test
  void readsWhatEachNameMeans() {
    assertThat(kernel("zeros")).isEqualTo(ZEROS);
    assertThat(kernel("ones")).isEqualTo(ONES);
    assertThat(kernel("constant(0.1)")).isEqualTo(constant(0.1));
    assertThat(kernel("normal(0,0.01)")).isEqualTo(normal(0, 0.01));
    assertThat(kernel("uniform(-0.05,0.05)")).isEqualTo(uniform(-0.05, 0.05));
    assertThat(kernel("truncated_normal(0,0.05)")).isEqualTo(Inits.truncatedNormal(0, 0.05));
    assertThat(kernel("variance_scaling(2,fan_in,uniform)")).isEqualTo(HE_UNIFORM);
    assertThat(kernel("variance_scaling(2, FAN_IN, Uniform)")).isEqualTo(HE_UNIFORM);
    assertThat(kernel("variance_scaling(1,fan_avg,normal)")).isEqualTo(GLOROT_NORMAL_UNTRUNCATED);
    assertThat(kernel("xavier_normal")).isEqualTo(GLOROT_NORMAL_UNTRUNCATED);
    assertThat(kernel("kaiming_normal")).isEqualTo(HE_NORMAL_UNTRUNCATED);
    assertThat(kernel("he")).isEqualTo(HE);
    assertThat(kernel("lecun")).isEqualTo(LECUN_NORMAL);
    assertThat(kernel("orthogonal(1.2)")).isEqualTo(Inits.orthogonal(1.2));
    assertThat(kernel("identity")).isEqualTo(IDENTITY);
    assertThat(kernel("identity(1)")).isEqualTo(IDENTITY);
    assertThat(kernel("he_normal()")).isEqualTo(HE);
    assertThat(kernel("sparse(15,1.0)")).isEqualTo(Inits.sparse(15, 1));
    assertThat(kernel("sparse(1.5e1,1)")).isEqualTo(Inits.sparse(15, 1));
    assertThat(kernel("auto")).isEqualTo(Inits.AUTO);
    assertThat(kernel("pytorch_default")).isEqualTo(PYTORCH_DEFAULT);
    assertThat(kernel("keras_default")).isEqualTo(Inits.KERAS_DEFAULT);
    assertThat(Net.parse("input(8,8,3).conv2d(4,3).init(delta_orthogonal)").layers().get(0)
        .inits().kernel()).contains(DELTA_ORTHOGONAL);
    assertThat(Net.parse("input(8,8,3).conv2d(4,3).init(delta_orthogonal(2))").layers().get(0)
        .inits().kernel()).contains(Inits.deltaOrthogonal(2));
  }

  private static Init kernel(String name) {
    return Net.parse("input(784).dense(16).init(" + name + ")").layers().get(0).inits().kernel()
        .orElseThrow();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "glorot         | glorot_uniform",
      "xavier_uniform | glorot_uniform",
      "xavier_normal  | glorot_normal_untruncated",
      "he             | he_normal",
      "kaiming_uniform| he_uniform",
      "kaiming_normal | he_normal_untruncated",
      "lecun          | lecun_normal",
      "Lecun_Uniform  | lecun_uniform",
      "orthogonal(1)  | orthogonal",
      "constant(0)    | zeros",
      "constant(1.0)  | ones",
      "variance_scaling(1,fan_in,truncated_normal) | lecun_normal",
      "normal(0.0,1e-2) | normal(0,0.01)"})
  void aliasesAndSynonymsPrintAsTheCanonicalName(String written, String canonical) {
    assertThat(Net.parse("dense(4).init(" + written + ")"))
        .hasToString("dense(4).init(" + canonical + ")");
  }

  @Test
  void readsEveryLayerForm() {
    NetSpec image = Net.input(32, 32, 3);
    assertThat(Net.parse("input(32,32,3).conv2d(8,3)")).isEqualTo(image.conv2d(8, 3));
    assertThat(Net.parse("input(32,32,3).conv2d(8,3,2)")).isEqualTo(image.conv2d(8, 3, 2));
    assertThat(Net.parse("input(32,32,3).conv2d(8,3,2,same)"))
        .isEqualTo(image.conv2d(8, 3, 2, Padding.SAME));
    assertThat(Net.parse("input(32,32,3).conv2d(8,3,1,SAME)"))
        .isEqualTo(image.conv2d(8, 3, 1, Padding.SAME));
    assertThat(Net.parse("input(32,32,3).conv2d(8,3,1,valid)")).isEqualTo(image.conv2d(8, 3));
    assertThat(Net.parse("input(32,32,3).maxPool2d(3,2,same)"))
        .isEqualTo(image.maxPool2d(3, 2, Padding.SAME));
    assertThat(Net.parse("input(32,32,3).maxPool2d(3,2)")).isEqualTo(image.maxPool2d(3, 2));
    assertThat(Net.parse("input(32,32,3).avgPool2d(2)")).isEqualTo(image.avgPool2d(2));
    assertThat(Net.parse("input(32,32,3).avgPool2d(2,1,valid)")).isEqualTo(image.avgPool2d(2, 1));
    assertThat(Net.parse("input(32,32,3).flatten().reshape(96,32)"))
        .isEqualTo(image.flatten().reshape(96, 32));
    assertThat(Net.parse("input(32,32,3).dropout(0.25).batchNorm()"))
        .isEqualTo(image.dropout(0.25).batchNorm());
    assertThat(Net.parse("input(32,32,3).batchNorm(0.9,1e-5)"))
        .isEqualTo(image.batchNorm(0.9, 1e-5));
    NetSpec seq = Net.input(28, 28);
    assertThat(Net.parse("input(28,28).lstm(64,sequences).simpleRnn(8,sequences).gru(32,last)"))
        .isEqualTo(seq.lstm(64, Returns.SEQUENCES).simpleRnn(8, Returns.SEQUENCES).gru(32));
    NetSpec irnn = seq.simpleRnn(8, Returns.LAST, StateActivation.RELU).recurrentInit(IDENTITY);
    assertThat(Net.parse("input(28,28).simpleRnn(8,last,relu).recurrentInit(identity)"))
        .isEqualTo(irnn);
    assertThat(irnn.toString()).isEqualTo(
        "input(28,28).simpleRnn(8,last,relu).recurrentInit(identity)");
    assertThat(Net.parse("input(28,28).simpleRnn(8,last,tanh)").toString())
        .isEqualTo("input(28,28).simpleRnn(8)");
    assertThat(Net.parse("input(28,28).lstm(4).tanh().init(he).recurrentInit(identity).bias(ones)"))
        .isEqualTo(seq.lstm(4).tanh().init(HE).recurrentInit(IDENTITY).bias(ONES));
    assertThat(Net.parse("input(28,28).gru(4).recurrentInit(orthogonal).init(he).relu()"))
        .isEqualTo(seq.gru(4).recurrentInit(ORTHOGONAL).init(HE).relu());
  }

  @Test
  void readsEveryActivation() {
    var d = Net.input(4).dense(2);
    List<NetSpec> expected = List.of(d.relu(), d.leakyRelu(), d.leakyRelu(0.2), d.elu(),
        d.elu(0.5), d.selu(), d.gelu(), d.swish(), d.tanh(), d.sigmoid(), d.softmax(),
        d.linear());
    List<String> texts = List.of("relu()", "leakyRelu()", "leakyRelu(0.2)", "elu()",
        "elu(0.5)", "selu()", "gelu()", "swish()", "tanh()", "sigmoid()", "softmax()",
        "linear()");
    for (int i = 0; i < texts.size(); i++) {
      assertThat(Net.parse("input(4).dense(2)." + texts.get(i))).isEqualTo(expected.get(i));
    }
    assertThat(Net.parse("input(4).dense(2).leakyRelu()"))
        .hasToString("input(4).dense(2).leakyRelu(0.01)");
    assertThat(Net.parse("input(4).dense(2).elu(1)")).hasToString("input(4).dense(2).elu()");
  }

  @Test
  void activationsFollowEveryKindOfLayer() {
    assertThat(Net.parse("input(8,8,3).maxPool2d(2).relu().flatten().tanh()"))
        .isEqualTo(Net.input(8, 8, 3).maxPool2d(2).relu().flatten().tanh());
    assertThat(Net.parse("input(4).dropout(0.5).gelu().batchNorm().swish()"))
        .isEqualTo(Net.input(4).dropout(0.5).gelu().batchNorm().swish());
  }

  @Test
  void initMayComeBeforeTheActivation() {
    assertThat(Net.parse("dense(10).init(he).bias(ones).relu()"))
        .isEqualTo(Net.dense(10).relu().init(HE).bias(ONES))
        .hasToString("dense(10).relu().init(he_normal).bias(ones)");
  }

  @Test
  void readsNetWideDefaults() {
    assertThat(Net.parse(
            "input(4).defaultInit(pytorch_default).defaultBias(constant(0.1)).dense(2)"))
        .isEqualTo(Net.input(4).defaultInit(PYTORCH_DEFAULT).defaultBias(constant(0.1)).dense(2));
    assertThat(Net.parse("input(4).dense(2).defaultInit(glorot)"))
        .isEqualTo(Net.input(4).defaultInit(GLOROT_UNIFORM).dense(2));
  }

  @Test
  void readsNumbersInEveryWrittenForm() {
    assertThat(Net.parse("input(4).dropout(.5)")).isEqualTo(Net.input(4).dropout(0.5));
    assertThat(Net.parse("input(4).dropout(5e-1)")).isEqualTo(Net.input(4).dropout(0.5));
    assertThat(Net.parse("input(4).dropout(+0.5)")).isEqualTo(Net.input(4).dropout(0.5));
    assertThat(Net.parse("input(4).dropout(-0.0)")).isEqualTo(Net.input(4).dropout(-0.0));
    assertThat(Net.parse("input(4).dense(1E1)")).isEqualTo(Net.input(4).dense(10));
    assertThat(Net.parse("input(4).dense(10.0)")).isEqualTo(Net.input(4).dense(10));
    assertThat(Net.parse("input(2.8e1,28)").input()).contains(Shape.of(28, 28));
    assertThat(Net.parse("dense(4).init(constant(-4.9E-324))").layers().get(0).inits().kernel())
        .contains(constant(-Double.MIN_VALUE));
  }

  @Test
  void aParseErrorKnowsItsColumn() {
    assertThatThrownBy(() -> Net.parse("input(784).dence(10)"))
        .isInstanceOfSatisfying(SpecParseException.class,
            e -> assertThat(e.column()).isEqualTo(12))
        .isInstanceOf(SpecException.class);
  }

  @Test
  void printsDoublesThatReadBackExactly() {
    VarianceScaling odd = Inits.varianceScaling(1.0 / 3, VarianceScaling.FanMode.FAN_GEO_AVG,
        VarianceScaling.Distribution.NORMAL);
    NetSpec spec = Net.input(10).dense(3).init(odd).bias(uniform(-1e-300, 0.1 + 0.2));
    assertThat(spec).hasToString("input(10).dense(3)"
        + ".init(variance_scaling(0.3333333333333333,fan_geo_avg,normal))"
        + ".bias(uniform(-1.0E-300,0.30000000000000004))");
    assertThat(Net.parse(spec.toString())).isEqualTo(spec);
  }

  @Test
  void readsOneInitializerOnItsOwn() {
    assertThat(Net.parseInit("he_normal")).isEqualTo(HE);
    assertThat(Net.parseInit(" Kaiming_Normal ")).isEqualTo(HE_NORMAL_UNTRUNCATED);
    assertThat(Net.parseInit("normal(0, 0.01)")).isEqualTo(normal(0, 0.01));
    assertThat(Net.parseInit("variance_scaling(2,fan_in,uniform)")).isEqualTo(HE_UNIFORM);
    assertThat(Net.parseInit("delta_orthogonal(2)")).isEqualTo(Inits.deltaOrthogonal(2));
    assertThat(Net.parseInit("pytorch_default")).isEqualTo(PYTORCH_DEFAULT);
    for (String name : InitNames.names()) {
      try {
        Init preset = InitNames.parse(name, List.of());
        assertThat(Net.parseInit(name)).as(name).isEqualTo(preset);
        assertThat(Net.parseInit(InitNames.text(preset))).as(name).isEqualTo(preset);
      } catch (IllegalArgumentException needsArguments) {
        assertThat(List.of("constant", "normal", "uniform", "uniform_sum", "truncated_normal",
            "variance_scaling", "sparse", "from")).contains(name);
      }
    }
  }
}
