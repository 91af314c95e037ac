package dev.primer.dsl.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.activation.Activation.Family;
import dev.primer.dsl.activation.Activation.Kind;
import org.junit.jupiter.api.Test;

class ActivationTest {

  @Test
  void factoriesBuildTheirKind() {
    assertThat(Activation.relu()).isEqualTo(new Activation(Kind.RELU, 0));
    assertThat(Activation.leakyRelu()).isEqualTo(new Activation(Kind.LEAKY_RELU, 0.01));
    assertThat(Activation.leakyRelu(0.2)).isEqualTo(new Activation(Kind.LEAKY_RELU, 0.2));
    assertThat(Activation.elu()).isEqualTo(new Activation(Kind.ELU, 1));
    assertThat(Activation.elu(0.5)).isEqualTo(new Activation(Kind.ELU, 0.5));
    assertThat(Activation.selu().kind()).isEqualTo(Kind.SELU);
    assertThat(Activation.gelu().kind()).isEqualTo(Kind.GELU);
    assertThat(Activation.swish().kind()).isEqualTo(Kind.SWISH);
    assertThat(Activation.tanh().kind()).isEqualTo(Kind.TANH);
    assertThat(Activation.sigmoid().kind()).isEqualTo(Kind.SIGMOID);
    assertThat(Activation.softmax().kind()).isEqualTo(Kind.SOFTMAX);
    assertThat(Activation.linear().kind()).isEqualTo(Kind.LINEAR);
  }

  @Test
  void theDefaultLeakIsPyTorchs() {
    assertThat(Activation.DEFAULT_LEAK).isEqualTo(0.01);
  }

  @Test
  void textIsTheCallInTheChain() {
    assertThat(Activation.relu().text()).isEqualTo("relu()");
    assertThat(Activation.leakyRelu()).hasToString("leakyRelu(0.01)");
    assertThat(Activation.leakyRelu(0.2).text()).isEqualTo("leakyRelu(0.2)");
    assertThat(Activation.leakyRelu(0).text()).isEqualTo("leakyRelu(0)");
    assertThat(Activation.elu().text()).isEqualTo("elu()");
    assertThat(Activation.elu(2).text()).isEqualTo("elu(2)");
    assertThat(Activation.selu().text()).isEqualTo("selu()");
    assertThat(Activation.softmax().text()).isEqualTo("softmax()");
    assertThat(Activation.linear().name()).isEqualTo("linear");
  }

  @Test
  void methodNamesAreTheChainsMethods() {
    assertThat(Kind.values()).extracting(Kind::method).containsExactly(
        "relu", "leakyRelu", "elu", "selu", "gelu", "swish", "tanh", "sigmoid", "softmax",
        "linear");
  }

  @Test
  void familiesDecideTheInitAutoWants() {
    for (Kind kind : new Kind[] {Kind.RELU, Kind.LEAKY_RELU, Kind.ELU, Kind.GELU, Kind.SWISH}) {
      double alpha = kind == Kind.LEAKY_RELU ? 0.1 : kind == Kind.ELU ? 1 : 0;
      assertThat(new Activation(kind, alpha).family()).as(kind.method())
          .isEqualTo(Family.RELU_LIKE);
    }
    assertThat(Activation.selu().family()).isEqualTo(Family.SELF_NORMALIZING);
    for (Activation a : new Activation[] {
        Activation.tanh(), Activation.sigmoid(), Activation.softmax(), Activation.linear()}) {
      assertThat(a.family()).as(a.text()).isEqualTo(Family.SATURATING_OR_LINEAR);
    }
  }

  @Test
  void acceptsTheEdgesOfItsAlphaRanges() {
    assertThat(Activation.leakyRelu(0).alpha()).isZero();
    assertThat(Activation.leakyRelu(-0.0).alpha()).isEqualTo(-0.0);
    assertThat(Activation.leakyRelu(Math.nextDown(1.0)).alpha()).isLessThan(1);
    assertThat(Activation.elu(Double.MIN_VALUE).alpha()).isPositive();
    assertThat(Activation.elu(Double.MAX_VALUE).alpha()).isEqualTo(Double.MAX_VALUE);
  }
}
