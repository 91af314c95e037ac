package dev.primer.dsl.spec;

import static dev.primer.dsl.init.Inits.CLASS_PRIOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.dsl.text.SpecParseException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Nets of 100,000 layers read, build and resolve (their times are in BENCHMARKS.md: linear
 * since each step checks only the layers it can change), and a step checked that way agrees with
 * resolving the whole net.
 */
class LongChainTest {
  private static final int LAYERS = 100_000;

  @Test
  void aHundredThousandLayersReadBackAndEqualTheJavaChain() {
    StringBuilder text = new StringBuilder("input(4)");
    NetSpec built = Net.input(4);
    for (int i = 0; i < LAYERS; i++) {
      text.append(i % 2 == 0 ? ".dense(4).relu()" : ".dropout(0.1)");
      built = i % 2 == 0 ? built.dense(4).relu() : built.dropout(0.1);
    }
    NetSpec parsed = Net.parse(text.toString());
    assertThat(parsed).isEqualTo(built);
    assertThat(parsed.layers()).hasSize(LAYERS);
    assertThat(parsed.toString()).isEqualTo(text.toString());
    assertThat(parsed.resolve().layers()).hasSize(LAYERS);
  }

  @Test
  void anErrorAfterAHundredThousandLayersNamesItsColumn() {
    String text = "input(4)" + ".dense(4)".repeat(LAYERS) + ".conv2d(3,3)";
    assertThatThrownBy(() -> Net.parse(text)).isInstanceOf(SpecParseException.class)
        .hasMessageStartingWith("column " + (10 + 9 * LAYERS) + ": layer " + LAYERS
            + " (conv2d): needs an image input");
  }

  @Test
  void aLongRunOfLayersThatDoNotMixUnitsIsChecked() {
    NetSpec spec = Net.input(4).dense(4);
    LayerStep run = null;
    for (int i = 0; i < 20_000; i++) {
      run = (run == null ? spec : run).dropout(0.1);
    }
    // the auto init of dense_0 looks past every dropout to the activation at the end
    assertThat(run.relu().resolve().layers().get(0).autoActivation()).isPresent();
  }

  @Test
  void aStepThatBreaksARuleOfAnEarlierLayerIsRefused() {
    // class_prior must stay on the last layer: a layer after it breaks layer 0's rule, however
    // many layers that do not mix units come between
    NetSpec last = Net.input(4).dense(3).bias(CLASS_PRIOR).softmax();
    assertThat(last.resolve().layers()).hasSize(1);
    String notLast = "layer 0 (dense): class_prior sets the bias of the net's last layer from the"
        + " class frequencies; this is not the last layer";
    assertThatThrownBy(() -> last.dropout(0.1)).isInstanceOf(SpecException.class)
        .hasMessage(notLast);
    assertThatThrownBy(() -> Net.input(4).dense(3).bias(CLASS_PRIOR).dense(2))
        .isInstanceOf(SpecException.class).hasMessage(notLast);
    // the same rule when the whole net is resolved at once
    assertThatThrownBy(() -> Net.dense(3).bias(CLASS_PRIOR).softmax().dropout(0.1)
        .withInput(Shape.of(4))).isInstanceOf(SpecException.class).hasMessage(notLast);
  }

  @Test
  void eachStepAgreesWithResolvingTheWholeNet() {
    // a trunk reused on two branches: each branch sees only its own layers
    WeightedStep trunk = Net.input(8).dense(8);
    NetSpec left = trunk.relu().dense(4).dropout(0.5);
    NetSpec right = trunk.tanh().batchNorm().dense(2).softmax();
    NetSpec longer = left.dense(3);
    for (NetSpec spec : new NetSpec[] {trunk, left, right, longer}) {
      assertThat(spec).isEqualTo(Net.empty().then(withoutInput(spec)).withInput(Shape.of(8)));
      assertThat(spec.resolve()).isEqualTo(ResolvedNet.of(Shape.of(8), spec.layers(),
          spec.defaults()));
    }
    assertThat(trunk.layers()).hasSize(1);
    assertThat(left.layers()).hasSize(3);
    assertThat(right.layers()).hasSize(3);
    assertThat(longer.layers()).hasSize(4);
  }

  private static NetSpec withoutInput(NetSpec spec) {
    return new NetSpec(Optional.empty(), spec.layers(), spec.defaults());
  }
}
