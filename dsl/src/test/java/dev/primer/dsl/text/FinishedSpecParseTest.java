package dev.primer.dsl.text;

import static dev.primer.dsl.init.Inits.CLASS_PRIOR;
import static dev.primer.dsl.init.Inits.GLOROT_UNIFORM;
import static dev.primer.dsl.init.Inits.LSUV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.spec.NetSpec;
import org.junit.jupiter.api.Test;

/**
 * The text form is read as the finished spec: a net-wide default is written before the layers,
 * but a layer's own init written after it must still win, as it did in Java.
 */
class FinishedSpecParseTest {

  @Test
  void aLateDefaultThatALayerOverridesReadsBack() {
    // in Java the LSTM names its kernel init before the net-wide lsuv exists
    NetSpec spec = Net.input(28, 28).lstm(16, Returns.LAST).init(GLOROT_UNIFORM).dense(10)
        .softmax().defaultInit(LSUV);
    String text = spec.toString();
    assertThat(text).startsWith("input(28,28).defaultInit(lsuv).lstm(16)");
    assertThat(Net.parse(text)).isEqualTo(spec);
  }

  @Test
  void aLateBiasDefaultThatAnEarlierLayerOverridesReadsBack() {
    NetSpec spec = Net.input(784).dense(64).relu().bias(Inits.ZEROS).dense(10).softmax()
        .defaultBias(CLASS_PRIOR);
    assertThat(Net.parse(spec.toString())).isEqualTo(spec);
    assertThat(spec.resolve().dataDependent()).hasSize(1);
  }

  @Test
  void aBrokenFinishedSpecNamesTheFirstStepWhereItShows() {
    assertThatThrownBy(() -> Net.parse("input(28,28).lstm(13).init(lsuv)"))
        .isInstanceOf(SpecParseException.class)
        .hasMessage("column 23: layer 0 (lstm): lsuv scales the kernels of dense and conv2d"
            + " layers (Mishkin and Matas 2016), not of recurrent layers; name another init for"
            + " this layer's kernel, e.g. init(glorot_uniform)");
    assertThatThrownBy(() -> Net.parse("input(784).dense(10).bias(class_prior).relu()"))
        .hasMessage("column 40: layer 0 (dense): class_prior needs the last layer to end with"
            + " softmax, sigmoid or no activation, got relu()");
  }
}
