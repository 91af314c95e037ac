package dev.primer.dsl.resolve;

import static dev.primer.dsl.init.Inits.CLASS_PRIOR;
import static dev.primer.dsl.init.Inits.LSUV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Lsuv;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.spec.NetSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * LSUV and class prior through resolution: the pre-init sampler, the data step kept on the
 * parameter, the labels, where they may be used, and the text round trip.
 */
class DataInitResolutionTest {

  @Test
  void lsuvPreInitializesOrthonormallyAndKeepsItsDataStep() {
    ResolvedNet net = Net.input(784).dense(256).relu().init(LSUV).dense(10).softmax()
        .resolve();
    Parameter kernel = net.parameter("dense_0/kernel").orElseThrow();
    assertThat(kernel.dataInit()).contains(LSUV);
    assertThat(kernel.blocks()).singleElement()
        .satisfies(b -> assertThat(b.sampler()).isEqualTo(Inits.ORTHOGONAL));
    assertThat(kernel.label()).isEqualTo("lsuv(0.1,10): orthogonal, then scaled on data");
    assertThat(net.parameter("dense_0/bias").orElseThrow().dataInit()).isEmpty();
    assertThat(net.parameter("dense_1/kernel").orElseThrow().dataInit()).isEmpty();
    assertThat(net.dataDependent()).containsExactly(kernel);
  }

  @Test
  void classPriorStartsAtZerosOnTheLastBias() {
    ResolvedNet net = Net.input(784).dense(64).relu().dense(10).softmax().bias(CLASS_PRIOR)
        .resolve();
    Parameter bias = net.parameter("dense_1/bias").orElseThrow();
    assertThat(bias.dataInit()).contains(CLASS_PRIOR);
    assertThat(bias.blocks().get(0).sampler()).isEqualTo(Inits.ZEROS);
    assertThat(bias.label()).isEqualTo("class_prior: zeros, then log class frequencies");
  }

  @Test
  void withKernelInitPutsLsuvOnEveryKernelInOrder() {
    ResolvedNet net = Net.input(28, 28, 1).conv2d(8, 3).relu().maxPool2d(2).flatten()
        .dense(32).relu().dense(10).softmax().bias(CLASS_PRIOR)
        .withKernelInit(new Lsuv(0.05, 20)).resolve();
    assertThat(net.dataDependent()).extracting(Parameter::name).containsExactly(
        "conv2d_0/kernel", "dense_0/kernel", "dense_1/kernel", "dense_1/bias");
    assertThat(net.summary()).contains("lsuv(0.05,20): orthogonal, then scaled on data")
        .contains("class_prior: zeros, then log class frequencies");
  }

  @Test
  void theTextFormRoundTrips() {
    NetSpec spec = Net.input(784).dense(128).relu().init(new Lsuv(0.05, 20)).dense(64).tanh()
        .init(LSUV).dense(10).softmax().bias(CLASS_PRIOR);
    String text = spec.toString();
    assertThat(text).contains(".init(lsuv(0.05,20))").contains(".init(lsuv)")
        .contains(".bias(class_prior)");
    NetSpec parsed = Net.parse(text);
    assertThat(parsed).isEqualTo(spec);
    assertThat(parsed.toString()).isEqualTo(text);
    assertThat(parsed.resolve()).isEqualTo(spec.resolve());
    assertThat(Net.parse("input(784).dense(10).softmax().bias(class_prior)").defaultInit(LSUV)
        .resolve().dataDependent()).hasSize(2);
  }

  @Test
  void classPriorOnlyOnTheLastLayer() {
    var oneLayer = Net.input(784).dense(10).bias(CLASS_PRIOR);
    assertThatThrownBy(() -> oneLayer.dense(10))
        .isInstanceOf(SpecException.class)
        .hasMessage("layer 0 (dense): class_prior sets the bias of the net's last layer from the"
            + " class frequencies; this is not the last layer");
    // without an input shape the rule is checked when the shape is given
    NetSpec noInput = Net.dense(10).bias(CLASS_PRIOR).dense(10);
    assertThatThrownBy(() -> noInput.withInput(dev.primer.dsl.base.Shape.of(784)))
        .isInstanceOf(SpecException.class).hasMessageStartingWith("layer 0 (dense): class_prior");
  }

  @Test
  void classPriorNeedsOneOutputPerClass() {
    assertThatThrownBy(() -> Net.input(8, 8, 1).conv2d(10, 3).bias(CLASS_PRIOR))
        .isInstanceOf(SpecException.class)
        .hasMessage("layer 0 (conv2d): class_prior needs one output per class: the layer outputs"
            + " 360 values per example, its bias has 10");
    assertThat(Net.input(3, 3, 1).conv2d(10, 3).bias(CLASS_PRIOR).resolve().dataDependent())
        .hasSize(1);
  }

  @Test
  void classPriorNeedsAProbabilityOutput() {
    assertThatThrownBy(() -> Net.input(784).dense(10).relu().bias(CLASS_PRIOR))
        .isInstanceOf(SpecException.class)
        .hasMessage("layer 0 (dense): class_prior needs the last layer to end with softmax,"
            + " sigmoid or no activation, got relu()");
    assertThat(Net.input(784).dense(10).sigmoid().bias(CLASS_PRIOR).resolve().dataDependent())
        .hasSize(1);
  }

  @Test
  void eachOnlyFillsItsRole() {
    assertThatThrownBy(() -> Net.input(784).dense(10).init(CLASS_PRIOR))
        .isInstanceOf(SpecException.class)
        .hasMessage("layer 0 (dense): class_prior sets a bias from the class frequencies, not a"
            + " kernel; name it for the output layer's bias: bias(class_prior)");
    assertThatThrownBy(() -> Net.input(784).dense(10).bias(LSUV))
        .hasMessage("layer 0 (dense): lsuv scales kernels, not a bias");
    assertThatThrownBy(() -> Net.input(28, 28).lstm(16, Returns.LAST).recurrentInit(LSUV))
        .hasMessage("layer 0 (lstm): lsuv scales kernels, not a recurrent_kernel");
  }

  @Test
  void recurrentLayersAreRefused() {
    assertThatThrownBy(() -> Net.input(28, 28).lstm(16, Returns.LAST).init(LSUV))
        .isInstanceOf(SpecException.class)
        .hasMessage("layer 0 (lstm): lsuv scales the kernels of dense and conv2d layers"
            + " (Mishkin and Matas 2016), not of recurrent layers; name another init for this"
            + " layer's kernel, e.g. init(glorot_uniform)");
    assertThatThrownBy(() -> Net.input(28, 28).simpleRnn(10, Returns.LAST).bias(CLASS_PRIOR))
        .isInstanceOf(SpecException.class)
        .hasMessage("layer 0 (simpleRnn): class_prior sets the bias of a dense or conv2d output"
            + " layer; a recurrent layer's bias is inside its cell");
    assertThatThrownBy(() -> Net.input(28, 28).gru(16, Returns.LAST).dense(10)
        .withKernelInit(LSUV)).hasMessageStartingWith("layer 0 (gru): lsuv scales the kernels");
  }

  @Test
  void aParameterWithoutDataStepHasNone() {
    Parameter p = Net.input(4).dense(2).resolve().parameters().get(0);
    assertThat(p.dataInit()).isEqualTo(Optional.empty());
    assertThat(p.dataDependent()).isFalse();
  }
}
