package dev.primer.dsl.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.init.ClassPrior.Link;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The data-dependent initializers as values: defaults, validation, names, the prior's formula. */
class DataInitTest {

  @Test
  void lsuvDefaultsAreThePapers() {
    assertThat(Inits.LSUV).isEqualTo(new Lsuv(0.1, 10));
    assertThat(Inits.lsuv(0.05, 20)).isEqualTo(new Lsuv(0.05, 20));
  }

  @Test
  void lsuvRejectsAToleranceOutsideZeroToOne() {
    assertThatThrownBy(() -> new Lsuv(0, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lsuv: tolerance must be > 0 and < 1, got 0");
    assertThatThrownBy(() -> new Lsuv(1, 10)).hasMessageContaining("got 1");
    assertThatThrownBy(() -> new Lsuv(Double.NaN, 10)).hasMessageContaining("got NaN");
  }

  @Test
  void lsuvRejectsMaxIterationsOutsideOneToAThousand() {
    assertThatThrownBy(() -> new Lsuv(0.1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lsuv: max iterations must be 1 to 1000, got 0");
    assertThatThrownBy(() -> new Lsuv(0.1, 1001)).hasMessageContaining("got 1001");
    assertThat(new Lsuv(0.1, 1000).maxIterations()).isEqualTo(1000);
  }

  @Test
  void namesReadAndWriteBothWays() {
    assertThat(InitNames.parse("lsuv", List.of())).isEqualTo(Inits.LSUV);
    assertThat(InitNames.parse("LSUV", List.of())).isEqualTo(Inits.LSUV);
    assertThat(InitNames.text(Inits.LSUV)).isEqualTo("lsuv");
    assertThat(InitNames.parse("lsuv", List.of(0.05, 20.0))).isEqualTo(new Lsuv(0.05, 20));
    assertThat(InitNames.text(new Lsuv(0.05, 20))).isEqualTo("lsuv(0.05,20)");
    assertThat(InitNames.parse("lsuv", List.of(0.05))).isEqualTo(new Lsuv(0.05, 10));
    assertThat(InitNames.parse("lsuv", List.of(0.1, 10.0))).isEqualTo(Inits.LSUV);
    assertThat(InitNames.parse("class_prior", List.of())).isEqualTo(Inits.CLASS_PRIOR);
    assertThat(InitNames.text(Inits.CLASS_PRIOR)).isEqualTo("class_prior");
    for (Init init : List.of(Inits.LSUV, new Lsuv(0.05, 20), new Lsuv(0.3, 1),
        Inits.CLASS_PRIOR)) {
      String text = InitNames.text(init);
      assertThat(InitNames.parse(text.replaceFirst("\\(.*", ""), arguments(text)))
          .as(text).isEqualTo(init);
    }
    assertThat(InitNames.names()).contains("lsuv", "class_prior");
  }

  /** The arguments of a written call, as the parser hands them over (numbers as doubles). */
  private static List<Object> arguments(String text) {
    int open = text.indexOf('(');
    if (open < 0) {
      return List.of();
    }
    return List.of(text.substring(open + 1, text.length() - 1).split(",")).stream()
        .<Object>map(Double::parseDouble).toList();
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> InitNames.parse("lsuv", List.of(0.1, 10.0, 3.0)))
        .hasMessage("lsuv takes 0 to 2 arguments: lsuv([tolerance[,max_iterations]]), got 3");
    assertThatThrownBy(() -> InitNames.parse("lsuv", List.of(0.1, 2.5)))
        .hasMessage("lsuv: argument 2 must be a whole number, got 2.5");
    assertThatThrownBy(() -> InitNames.parse("class_prior", List.of(1.0)))
        .hasMessage("class_prior takes no arguments, got 1");
  }

  @Test
  void eachReachesItsOwnVisitorMethod() {
    DataInit.Visitor<String> visitor = new DataInit.Visitor<>() {
      @Override public String lsuv(Lsuv l) { return "lsuv"; }
      @Override public String classPrior(ClassPrior c) { return "classPrior"; }
    };
    assertThat(Inits.LSUV.accept(visitor)).isEqualTo("lsuv");
    assertThat(Inits.CLASS_PRIOR.accept(visitor)).isEqualTo("classPrior");
  }

  @Test
  void fitOnlyTheirRole() {
    assertThat(Inits.LSUV.misfit(Role.KERNEL, 4)).isEmpty();
    assertThat(Inits.LSUV.misfit(Role.BIAS, 1)).contains("lsuv scales kernels, not a bias");
    assertThat(Inits.CLASS_PRIOR.misfit(Role.BIAS, 1)).isEmpty();
    assertThat(Inits.CLASS_PRIOR.misfit(Role.KERNEL, 2))
        .contains("class_prior sets a bias from the class frequencies, not a kernel; name it for"
            + " the output layer's bias: bias(class_prior)");
  }

  @Test
  void classPriorBiasIsTheLogOfTheFrequencies() {
    // 8 examples: class 0 six times, class 1 twice, class 2 never (floored at half an example)
    double[] bias = ClassPrior.bias(new double[] {6, 2, 0}, 8, Link.LOG);
    assertThat(bias[0]).isCloseTo(Math.log(6 / 8.0), within(1e-15));
    assertThat(bias[1]).isCloseTo(Math.log(2 / 8.0), within(1e-15));
    assertThat(bias[2]).isCloseTo(Math.log(1 / 16.0), within(1e-15));
  }

  @Test
  void softmaxOfTheBiasIsTheFrequenciesWhenEveryClassOccurs() {
    double[] totals = {50, 30, 15, 5};
    double[] bias = ClassPrior.bias(totals, 100, Link.LOG);
    double sum = 0;
    for (double b : bias) {
      sum += Math.exp(b);
    }
    for (int k = 0; k < totals.length; k++) {
      assertThat(Math.exp(bias[k]) / sum).isCloseTo(totals[k] / 100, within(1e-12));
    }
  }

  @Test
  void sigmoidOfTheLogitBiasIsTheFrequency() {
    double[] bias = ClassPrior.bias(new double[] {1, 3, 4, 0}, 4, Link.LOGIT);
    assertThat(1 / (1 + Math.exp(-bias[0]))).isCloseTo(0.25, within(1e-12));
    assertThat(1 / (1 + Math.exp(-bias[1]))).isCloseTo(0.75, within(1e-12));
    // every example is class 2: capped at 1 - 1/(2n) = 7/8, absent class 3 floored at 1/8
    assertThat(1 / (1 + Math.exp(-bias[2]))).isCloseTo(7 / 8.0, within(1e-12));
    assertThat(1 / (1 + Math.exp(-bias[3]))).isCloseTo(1 / 8.0, within(1e-12));
  }

  @Test
  void linkFollowsTheOutputActivation() {
    assertThat(Link.of(Optional.empty())).isEqualTo(Link.LOG);
    assertThat(Link.of(Optional.of(new Activation(Activation.Kind.SOFTMAX, 0))))
        .isEqualTo(Link.LOG);
    assertThat(Link.of(Optional.of(new Activation(Activation.Kind.SIGMOID, 0))))
        .isEqualTo(Link.LOGIT);
    assertThatThrownBy(() -> Link.of(Optional.of(new Activation(Activation.Kind.RELU, 0))))
        .hasMessage("class_prior needs the last layer to end with softmax, sigmoid or no"
            + " activation, got relu()");
  }

  @Test
  void classPriorRejectsNegativeTotals() {
    assertThatThrownBy(() -> ClassPrior.bias(new double[] {1, -1}, 2, Link.LOG))
        .hasMessage("class_prior: the targets of class 1 sum to -1.0; they must be >= 0 and"
            + " finite");
  }
}
