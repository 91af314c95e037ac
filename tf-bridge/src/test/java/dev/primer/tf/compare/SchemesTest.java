package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.init.Inits;
import org.junit.jupiter.api.Test;

class SchemesTest {

  @Test
  void splitsAtCommasOutsideParentheses() {
    assertThat(Schemes.split("zeros, normal(0,0.01) ,variance_scaling(2,fan_in,uniform),he"))
        .containsExactly("zeros", "normal(0,0.01)", "variance_scaling(2,fan_in,uniform)", "he");
  }

  @Test
  void parsesWithTheDslNames() {
    assertThat(Schemes.parse(" he_normal ")).isEqualTo(Inits.HE_NORMAL);
    assertThat(Schemes.parse("normal(0,0.01)")).isEqualTo(Inits.normal(0, 0.01));
  }

  @Test
  void aListKeepsItsOrderUnderTrimmedNames() {
    assertThat(Schemes.parseList("zeros, he_normal ,normal(0,0.01)"))
        .containsExactly(java.util.Map.entry("zeros", Inits.ZEROS),
            java.util.Map.entry("he_normal", Inits.HE_NORMAL),
            java.util.Map.entry("normal(0,0.01)", Inits.normal(0, 0.01)));
  }

  @Test
  void namesTheBadScheme() {
    assertThatThrownBy(() -> Schemes.parse("he_norml"))
        .hasMessageStartingWith("scheme 'he_norml': column 1: unknown initializer 'he_norml';"
            + " did you mean 'he_normal'?");
  }

  @Test
  void rejectsEmptyEntriesAndStrayParentheses() {
    assertThatThrownBy(() -> Schemes.split("zeros,,he"))
        .hasMessage("empty entry in 'zeros,,he'");
    assertThatThrownBy(() -> Schemes.split("zeros)"))
        .hasMessage("unbalanced ')' at character 6 of 'zeros)'");
    assertThatThrownBy(() -> Schemes.split("zeros,normal(0,1"))
        .hasMessage("unbalanced '(' in 'zeros,normal(0,1'");
  }
}
