package dev.primer.tf.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.activation.Activation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which value of a net is its logits, decided in one place. */
class LogitsTest {

  @Test
  void aLayersLogitsAreItsValueBeforeSoftmaxElseItsOutput() {
    assertThat(Logits.of(Optional.of(Activation.softmax()), "pre", "out")).isEqualTo("pre");
    assertThat(Logits.of(Optional.empty(), "pre", "out")).isEqualTo("out");
    assertThat(Logits.of(Optional.of(Activation.relu()), "pre", "out")).isEqualTo("out");
  }

  @Test
  void noActivationLinearAndSoftmaxGiveLogitsOthersDoNot() {
    assertThat(Logits.givesLogits(Optional.empty())).isTrue();
    assertThat(Logits.givesLogits(Optional.of(Activation.softmax()))).isTrue();
    assertThat(Logits.givesLogits(Optional.of(Activation.linear()))).isTrue();
    assertThat(Logits.givesLogits(Optional.of(Activation.sigmoid()))).isFalse();
    assertThat(Logits.lastLayerGivesLogits(Net.input(4).dense(3).softmax().resolve())).isTrue();
    assertThat(Logits.lastLayerGivesLogits(Net.input(4).dense(3).tanh().resolve())).isFalse();
  }

  @Test
  void softmaxCrossEntropyNeedsANetEndingInLogits() {
    assertThatCode(() -> Logits.checkEndsInLogits(Net.input(4).dense(3).softmax().resolve()))
        .doesNotThrowAnyException();
    assertThatCode(() -> Logits.checkEndsInLogits(
        Net.input(4).dense(8).relu().dense(3).resolve())).doesNotThrowAnyException();
    assertThatThrownBy(() -> Logits.checkEndsInLogits(Net.input(4).dense(3).sigmoid().resolve()))
        .hasMessage("softmax cross-entropy needs the net to end with softmax() or no activation;"
            + " layer 0 (dense) ends with sigmoid()");
    assertThatThrownBy(() -> Logits.checkEndsInLogits(
        Net.input(4).dense(3).softmax().dropout(0.5).resolve()))
        .hasMessage("softmax cross-entropy needs softmax() on the last layer; layer 0 (dense)"
            + " applies it before layer 1 (dropout)");
  }
}
