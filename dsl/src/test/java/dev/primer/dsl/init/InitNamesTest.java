package dev.primer.dsl.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.init.VarianceScaling.Distribution;
import dev.primer.dsl.init.VarianceScaling.FanMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InitNamesTest {

  /** Every name of the issue, as written, with the value it means and its canonical text. */
  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("zeros", List.of(), new Constant(0), "zeros"),
        Arguments.of("ones", List.of(), new Constant(1), "ones"),
        Arguments.of("constant", List.of(0.1), new Constant(0.1), "constant(0.1)"),
        Arguments.of("normal", List.of(0.0, 0.01), new Normal(0, 0.01), "normal(0,0.01)"),
        Arguments.of("uniform", List.of(-0.05, 0.05), new Uniform(-0.05, 0.05),
            "uniform(-0.05,0.05)"),
        Arguments.of("truncated_normal", List.of(0.0, 0.05), new TruncatedNormal(0, 0.05),
            "truncated_normal(0,0.05)"),
        Arguments.of("variance_scaling", List.of(2.0, "fan_in", "uniform"),
            new VarianceScaling(2, FanMode.FAN_IN, Distribution.UNIFORM), "he_uniform"),
        Arguments.of("variance_scaling", List.of(3.0, "fan_geo_avg", "normal"),
            new VarianceScaling(3, FanMode.FAN_GEO_AVG, Distribution.NORMAL),
            "variance_scaling(3,fan_geo_avg,normal)"),
        Arguments.of("variance_scaling", List.of(0.5, "FAN_OUT", "Truncated_Normal"),
            new VarianceScaling(0.5, FanMode.FAN_OUT, Distribution.TRUNCATED_NORMAL),
            "variance_scaling(0.5,fan_out,truncated_normal)"),
        Arguments.of("glorot_uniform", List.of(), Inits.GLOROT_UNIFORM, "glorot_uniform"),
        Arguments.of("glorot_normal", List.of(), Inits.GLOROT_NORMAL, "glorot_normal"),
        Arguments.of("glorot_normal_untruncated", List.of(), Inits.GLOROT_NORMAL_UNTRUNCATED,
            "glorot_normal_untruncated"),
        Arguments.of("he_uniform", List.of(), Inits.HE_UNIFORM, "he_uniform"),
        Arguments.of("he_normal", List.of(), Inits.HE_NORMAL, "he_normal"),
        Arguments.of("he_normal_untruncated", List.of(), Inits.HE_NORMAL_UNTRUNCATED,
            "he_normal_untruncated"),
        Arguments.of("lecun_uniform", List.of(), Inits.LECUN_UNIFORM, "lecun_uniform"),
        Arguments.of("lecun_normal", List.of(), Inits.LECUN_NORMAL, "lecun_normal"),
        Arguments.of("lecun_normal_untruncated", List.of(), Inits.LECUN_NORMAL_UNTRUNCATED,
            "lecun_normal_untruncated"),
        Arguments.of("orthogonal", List.of(), new Orthogonal(1), "orthogonal"),
        Arguments.of("orthogonal", List.of(1.2), new Orthogonal(1.2), "orthogonal(1.2)"),
        Arguments.of("orthogonal", List.of(1.0), new Orthogonal(1), "orthogonal"),
        Arguments.of("identity", List.of(), new Identity(1), "identity"),
        Arguments.of("identity", List.of(0.5), new Identity(0.5), "identity(0.5)"),
        Arguments.of("delta_orthogonal", List.of(), new DeltaOrthogonal(1), "delta_orthogonal"),
        Arguments.of("delta_orthogonal", List.of(2.0), new DeltaOrthogonal(2),
            "delta_orthogonal(2)"),
        Arguments.of("sparse", List.of(15.0, 1.0), new Sparse(15, 1), "sparse(15,1)"),
        Arguments.of("sparse", List.of(15.0, 0.25), new Sparse(15, 0.25), "sparse(15,0.25)"),
        Arguments.of("auto", List.of(), new Auto(), "auto"),
        Arguments.of("keras_default", List.of(), Inits.KERAS_DEFAULT, "keras_default"),
        Arguments.of("pytorch_default", List.of(), Inits.PYTORCH_DEFAULT, "pytorch_default"),
        // aliases, written under their canonical name
        Arguments.of("glorot", List.of(), Inits.GLOROT_UNIFORM, "glorot_uniform"),
        Arguments.of("xavier_uniform", List.of(), Inits.GLOROT_UNIFORM, "glorot_uniform"),
        Arguments.of("xavier_normal", List.of(), Inits.GLOROT_NORMAL_UNTRUNCATED,
            "glorot_normal_untruncated"),
        Arguments.of("he", List.of(), Inits.HE_NORMAL, "he_normal"),
        Arguments.of("kaiming_uniform", List.of(), Inits.HE_UNIFORM, "he_uniform"),
        Arguments.of("kaiming_normal", List.of(), Inits.HE_NORMAL_UNTRUNCATED,
            "he_normal_untruncated"),
        Arguments.of("lecun", List.of(), Inits.LECUN_NORMAL, "lecun_normal"),
        Arguments.of("hadamard", List.of(), new Hadamard(1), "hadamard"),
        Arguments.of("hadamard", List.of(0.0625), new Hadamard(0.0625), "hadamard(0.0625)"),
        Arguments.of("fixup", List.of(), Inits.FIXUP, "fixup"),
        Arguments.of("skipinit", List.of(), new SkipInit(0), "skipinit"),
        Arguments.of("skipinit", List.of(0.1), new SkipInit(0.1), "skipinit(0.1)"),
        Arguments.of("rezero", List.of(), Inits.SKIPINIT, "skipinit"),
        Arguments.of("zer_o", List.of(), Inits.ZER_O, "zer_o"),
        Arguments.of("ZER_O", List.of(), new ZerO(), "zer_o"),
        Arguments.of("gpt2", List.of(), new Gpt2(0.02), "gpt2"),
        Arguments.of("gpt2", List.of(0.01), new Gpt2(0.01), "gpt2(0.01)"),
        Arguments.of("t_fixup", List.of(), new TFixup(TFixup.Stack.ENCODER), "t_fixup"),
        Arguments.of("t_fixup", List.of("decoder"), new TFixup(TFixup.Stack.DECODER),
            "t_fixup(decoder)"),
        // Java constant names, read case-insensitively
        Arguments.of("HE_NORMAL", List.of(), Inits.HE_NORMAL, "he_normal"),
        Arguments.of("Glorot_Uniform", List.of(), Inits.GLOROT_UNIFORM, "glorot_uniform"),
        Arguments.of("CONSTANT", List.of(-2.5), new Constant(-2.5), "constant(-2.5)"));
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("names")
  void readsEveryNameAndWritesItsCanonicalName(
      String name, List<Object> arguments, Init expected, String text) {
    Init parsed = InitNames.parse(name, arguments);
    assertThat(parsed).isEqualTo(expected);
    assertThat(InitNames.text(parsed)).isEqualTo(text);
    String bare = text.contains("(") ? text.substring(0, text.indexOf('(')) : text;
    assertThat(InitNames.names()).contains(bare);
  }

  @Test
  void constantsOfZeroAndOneAreWrittenByName() {
    assertThat(InitNames.text(new Constant(0))).isEqualTo("zeros");
    assertThat(InitNames.text(new Constant(1))).isEqualTo("ones");
    assertThat(InitNames.parse("constant", List.of(0.0))).isEqualTo(Inits.ZEROS);
    assertThat(InitNames.parse("constant", List.of(1.0))).isEqualTo(Inits.ONES);
  }

  @Test
  void negativeZeroIsKeptAndWrittenWithItsSign() {
    assertThat(InitNames.text(new Constant(-0.0))).isEqualTo("constant(-0.0)");
    assertThat(InitNames.parse("constant", List.of(-0.0))).isEqualTo(new Constant(-0.0))
        .isNotEqualTo(Inits.ZEROS);
    assertThat(InitNames.text(new Normal(-0.0, 1))).isEqualTo("normal(-0.0,1)");
    assertThat(InitNames.text(new Identity(-0.0))).isEqualTo("identity(-0.0)");
  }

  @Test
  void extremeValuesAreWrittenSoThatTheyReadBack() {
    for (Init init : new Init[] {
        new Constant(Double.MAX_VALUE), new Constant(-Double.MIN_VALUE),
        new Normal(1e300, 1e-300), new Uniform(-Double.MAX_VALUE, Double.MAX_VALUE),
        new TruncatedNormal(-1e-7, 123456.789), new Orthogonal(Double.MIN_VALUE),
        new VarianceScaling(1e-300, FanMode.FAN_AVG, Distribution.NORMAL),
        new Sparse(Integer.MAX_VALUE, 1e10), new Identity(-3)}) {
      String text = InitNames.text(init);
      String name = text.substring(0, text.indexOf('('));
      List<Object> arguments = Stream.of(
              text.substring(text.indexOf('(') + 1, text.length() - 1).split(","))
          .map(a -> Character.isLetter(a.charAt(0)) ? (Object) a : (Object) Double.parseDouble(a))
          .toList();
      assertThat(InitNames.parse(name, arguments)).as(text).isEqualTo(init);
    }
  }

  @Test
  void namesListsCanonicalNamesFirstThenAliasesThenFactories() {
    assertThat(InitNames.names()).containsExactly(
        "zeros", "ones", "glorot_uniform", "glorot_normal", "glorot_normal_untruncated",
        "he_uniform", "he_normal", "he_normal_untruncated", "lecun_uniform", "lecun_normal",
        "lecun_normal_untruncated", "orthogonal", "identity", "delta_orthogonal", "hadamard",
        "auto", "keras_default", "pytorch_default", "lsuv", "class_prior", "mimetic", "fixup",
        "skipinit", "zer_o", "gpt2", "t_fixup", "glorot", "xavier_uniform", "xavier_normal", "he",
        "kaiming_uniform", "kaiming_normal", "lecun", "rezero", "constant", "normal",
        "uniform", "uniform_sum", "truncated_normal", "variance_scaling", "sparse", "from");
  }

  @Test
  void presetNameFindsTheCanonicalNameOfAPreset() {
    Map<Init, String> presets = Map.of(
        Inits.HE, "he_normal", Inits.KAIMING_NORMAL, "he_normal_untruncated",
        Inits.ZEROS, "zeros", Inits.ORTHOGONAL, "orthogonal", Inits.AUTO, "auto");
    presets.forEach((init, name) -> assertThat(InitNames.presetName(init)).contains(name));
    assertThat(InitNames.presetName(new Orthogonal(2))).isEmpty();
    assertThat(InitNames.presetName(new Normal(0, 1))).isEmpty();
  }

  @Test
  void everyInitializerRecordIsWrittenByAName() {
    List<Init> samples = List.of(new Constant(0.5), new Normal(1, 2), new Uniform(-1, 2),
        new UniformSum(2, 0.25),
        new TruncatedNormal(0, 3), new Orthogonal(2), new Identity(2), new DeltaOrthogonal(2),
        new Sparse(3, 0.5), new VarianceScaling(3, FanMode.FAN_OUT, Distribution.NORMAL),
        new Auto(), Inits.PYTORCH_DEFAULT, new Lsuv(0.2, 5), new ClassPrior(),
        new Pretrained("base/weights.npz", "dense_0/kernel"), new Mimetic(0.5, 0.6, 0.3, -0.2),
        new Hadamard(0.5), new Fixup(), new SkipInit(0.25), new ZerO(), new Gpt2(0.01),
        new TFixup(TFixup.Stack.DECODER));
    java.util.Set<Class<?>> records = dev.primer.dsl.SealedRecords.of(Init.class);
    assertThat(samples.stream().map(Object::getClass).collect(java.util.stream.Collectors.toSet()))
        .as("a sample of every initializer record").isEqualTo(records);
    for (Init init : samples) {
      String text = InitNames.text(init);
      assertThat(dev.primer.dsl.Net.parseInit(text)).as(text).isEqualTo(init);
    }
  }
}
