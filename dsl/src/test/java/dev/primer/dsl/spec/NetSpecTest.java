package dev.primer.dsl.spec;

import static dev.primer.dsl.init.Inits.GLOROT_UNIFORM;
import static dev.primer.dsl.init.Inits.HE;
import static dev.primer.dsl.init.Inits.HE_UNIFORM;
import static dev.primer.dsl.init.Inits.IDENTITY;
import static dev.primer.dsl.init.Inits.LECUN_NORMAL;
import static dev.primer.dsl.init.Inits.ONES;
import static dev.primer.dsl.init.Inits.ORTHOGONAL;
import static dev.primer.dsl.init.Inits.PYTORCH_DEFAULT;
import static dev.primer.dsl.init.Inits.ZEROS;
import static dev.primer.dsl.init.Inits.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.Dense;
import dev.primer.dsl.layer.InitChoices;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.resolve.NetDefaults;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NetSpecTest {

  @Nested
  class ImmutabilityAndReuse {

    @Test
    void aStoredBlockReusedTwiceGivesIndependentSpecs() {
      var block = Net.dense(256).relu();
      String before = block.toString();
      NetSpec deep = Net.input(784).then(block).then(block).dense(10).softmax();
      NetSpec other = Net.input(100).then(block).dense(3);
      assertThat(deep).hasToString(
          "input(784).dense(256).relu().dense(256).relu().dense(10).softmax()");
      assertThat(other).hasToString("input(100).dense(256).relu().dense(3)");
      assertThat(block).hasToString(before).hasToString("dense(256).relu()");
      assertThat(block.input()).isEmpty();
      assertThat(deep.resolve().layers()).extracting(l -> l.name())
          .containsExactly("dense_0", "dense_1", "dense_2");
      assertThat(deep.resolve().parameter("dense_1/kernel").orElseThrow().shape())
          .isEqualTo(Shape.of(256, 256));
    }

    @Test
    void aStoredPartialChainCanBranch() {
      var trunk = Net.input(784).dense(256);
      NetSpec relu = trunk.relu().dense(10);
      NetSpec tanh = trunk.tanh().init(LECUN_NORMAL).dense(10);
      NetSpec plain = trunk.init(HE).bias(ONES);
      assertThat(trunk).hasToString("input(784).dense(256)");
      assertThat(relu).hasToString("input(784).dense(256).relu().dense(10)");
      assertThat(tanh).hasToString("input(784).dense(256).tanh().init(lecun_normal).dense(10)");
      assertThat(plain).hasToString("input(784).dense(256).init(he_normal).bias(ones)");
    }

    @Test
    void noStepChangesItsReceiver() {
      WeightedStep dense = Net.input(8).dense(4);
      NetSpec snapshot = Net.parse(dense.toString());
      List<NetSpec> derived = List.of(
          dense.relu(), dense.init(HE), dense.bias(ZEROS), dense.dense(2), dense.dropout(0.1),
          dense.batchNorm(), dense.reshape(2, 2), dense.flatten(), dense.defaultInit(HE),
          dense.defaultBias(ZEROS), dense.withKernelInit(GLOROT_UNIFORM),
          dense.withInput(Shape.of(8)), dense.then(Net.dense(3)));
      assertThat(derived).allSatisfy(d -> assertThat(d).isNotSameAs(dense));
      assertThat(dense).isEqualTo(snapshot).hasToString("input(8).dense(4)");
      assertThat(dense.layers()).containsExactly(LayerSpec.of(new Dense(4)));
      assertThat(dense.defaults()).isEqualTo(NetDefaults.NONE);

      RecurrentStep lstm = Net.input(5, 3).lstm(4);
      NetSpec unused = lstm.recurrentInit(IDENTITY).tanh().init(HE).bias(ONES);
      assertThat(unused).isNotEqualTo(lstm);
      assertThat(lstm).hasToString("input(5,3).lstm(4)");
    }

    @Test
    void layersCannotBeChangedFromOutside() {
      NetSpec spec = Net.input(4).dense(2);
      assertThatThrownBy(() -> spec.layers().add(LayerSpec.of(new Dense(1))))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namingAnInitTwiceIsRefusedLikeASecondActivation() {
      assertThatThrownBy(() -> Net.input(4).dense(2).init(HE).init(GLOROT_UNIFORM))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (dense): already has kernel init he_normal; init(...) names it"
              + " once per layer");
      assertThatThrownBy(() -> Net.input(4).dense(2).bias(ZEROS).init(HE).bias(ONES))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (dense): already has bias init zeros; bias(...) names it once per"
              + " layer");
      assertThatThrownBy(() -> Net.parse("input(4).dense(2).init(he_normal).init(zeros)"))
          .hasMessageContaining("layer 0 (dense): already has kernel init he_normal");
    }
  }

  @Nested
  class Equality {

    @Test
    void specsAreEqualWhateverStepTypeHoldsThem() {
      NetSpec weighted = Net.input(784).dense(10);                            // WeightedStep
      NetSpec appended = Net.input(784).then(Net.dense(10));                  // NetSpec
      NetSpec parsed = Net.parse("input(784).dense(10)");
      NetSpec late = Net.dense(10).withInput(Shape.of(784));
      assertThat(weighted).isInstanceOf(WeightedStep.class);
      assertThat(appended.getClass()).isEqualTo(NetSpec.class);
      for (NetSpec s : List.of(appended, parsed, late)) {
        assertThat(s).isEqualTo(weighted).hasSameHashCodeAs(weighted);
        assertThat(weighted).isEqualTo(s);
      }
    }

    @Test
    void everyStepTypeComparesEqualToItsPlainValue() {
      NetSpec activatedWeighted = Net.input(4).dense(2).relu();
      NetSpec activatedRecurrent = Net.input(3, 4).gru(2).tanh();
      NetSpec recurrent = Net.input(3, 4).lstm(2);
      NetSpec layer = Net.input(4).dropout(0.5);
      assertThat(activatedWeighted).isInstanceOf(ActivatedWeightedStep.class);
      assertThat(activatedRecurrent).isInstanceOf(ActivatedRecurrentStep.class);
      assertThat(recurrent).isInstanceOf(RecurrentStep.class);
      assertThat(layer).isInstanceOf(LayerStep.class);
      for (NetSpec s : List.of(activatedWeighted, activatedRecurrent, recurrent, layer)) {
        NetSpec plain = NetSpec.start(s.input()).then(
            Net.parse(s.toString().substring(s.toString().indexOf(')') + 2)));
        assertThat(plain.getClass()).isEqualTo(NetSpec.class);
        assertThat(plain).isEqualTo(s).hasSameHashCodeAs(s);
      }
    }

    @Test
    void differencesAnywhereMakeSpecsUnequal() {
      NetSpec base = Net.input(784).dense(10).relu().init(HE);
      assertThat(base).isNotEqualTo(Net.input(783).dense(10).relu().init(HE))
          .isNotEqualTo(Net.dense(10).relu().init(HE))
          .isNotEqualTo(Net.input(784).dense(11).relu().init(HE))
          .isNotEqualTo(Net.input(784).dense(10).tanh().init(HE))
          .isNotEqualTo(Net.input(784).dense(10).relu())
          .isNotEqualTo(Net.input(784).dense(10).relu().init(HE).bias(ZEROS))
          .isNotEqualTo(Net.input(784).defaultBias(ZEROS).dense(10).relu().init(HE))
          .isNotEqualTo(Net.input(784).dense(10).leakyRelu(0.0).init(HE))
          .isNotEqualTo(null)
          .isNotEqualTo("input(784).dense(10).relu().init(he_normal)");
      assertThat(Net.input(4).dropout(0.0)).isNotEqualTo(Net.input(4).dropout(-0.0));
    }
  }

  @Nested
  class Steps {

    @Test
    void eachLayerReturnsTheStepThatSaysWhatMayFollow() {
      NetSpec in = Net.input(28, 28, 1);
      assertThat(in.conv2d(4, 3)).isInstanceOf(WeightedStep.class);
      assertThat(in.conv2d(4, 3, 2)).isInstanceOf(WeightedStep.class);
      assertThat(in.maxPool2d(2)).isInstanceOf(LayerStep.class);
      assertThat(in.maxPool2d(2, 1)).isInstanceOf(LayerStep.class);
      assertThat(in.avgPool2d(2)).isInstanceOf(LayerStep.class);
      assertThat(in.avgPool2d(2, 1)).isInstanceOf(LayerStep.class);
      assertThat(in.flatten()).isInstanceOf(LayerStep.class);
      assertThat(in.reshape(28, 28)).isInstanceOf(LayerStep.class);
      assertThat(in.batchNorm()).isInstanceOf(LayerStep.class);
      assertThat(in.dropout(0.5)).isInstanceOf(LayerStep.class);
      assertThat(in.flatten().dense(2)).isInstanceOf(WeightedStep.class);
      assertThat(Net.input(4, 4).simpleRnn(2)).isInstanceOf(RecurrentStep.class);
      assertThat(Net.input(4, 4).lstm(2)).isInstanceOf(RecurrentStep.class);
      assertThat(Net.input(4, 4).gru(2)).isInstanceOf(RecurrentStep.class);
      assertThat(Net.input(4).dense(2).relu()).isInstanceOf(ActivatedWeightedStep.class);
      assertThat(Net.input(4).dense(2).relu().init(HE)).isInstanceOf(ActivatedWeightedStep.class);
      assertThat(Net.input(4).dense(2).init(HE)).isInstanceOf(WeightedStep.class);
      assertThat(Net.input(4, 4).lstm(2).recurrentInit(ORTHOGONAL))
          .isInstanceOf(RecurrentStep.class);
      assertThat(Net.input(4, 4).lstm(2).tanh().recurrentInit(ORTHOGONAL))
          .isInstanceOf(ActivatedRecurrentStep.class);
      assertThat(Net.input(4).flatten().relu().getClass()).isEqualTo(NetSpec.class);
    }

    @Test
    void shortFormsMeanTheirDefaults() {
      NetSpec in = Net.input(28, 28, 1);
      assertThat(in.conv2d(4, 3)).isEqualTo(in.conv2d(4, 3, 1, Padding.VALID));
      assertThat(in.conv2d(4, 3, 2)).isEqualTo(in.conv2d(4, 3, 2, Padding.VALID));
      assertThat(in.maxPool2d(2)).isEqualTo(in.maxPool2d(2, 2, Padding.VALID));
      assertThat(in.maxPool2d(3, 2)).isEqualTo(in.maxPool2d(3, 2, Padding.VALID));
      assertThat(in.avgPool2d(2)).isEqualTo(in.avgPool2d(2, 2, Padding.VALID));
      assertThat(in.avgPool2d(3, 1)).isEqualTo(in.avgPool2d(3, 1, Padding.VALID));
      assertThat(in.batchNorm()).isEqualTo(in.batchNorm(0.99, 0.001));
      NetSpec seq = Net.input(5, 3);
      assertThat(seq.lstm(4)).isEqualTo(seq.lstm(4, Returns.LAST));
      assertThat(seq.gru(4)).isEqualTo(seq.gru(4, Returns.LAST));
      assertThat(seq.simpleRnn(4)).isEqualTo(seq.simpleRnn(4, Returns.LAST));
      assertThat(Net.input(4).dense(2).leakyRelu()).isEqualTo(Net.input(4).dense(2)
          .leakyRelu(0.01));
      assertThat(Net.input(4).dense(2).elu()).isEqualTo(Net.input(4).dense(2).elu(1));
    }

    @Test
    void netsStaticFactoriesStartABlockWithoutInput() {
      assertThat(Net.dense(3)).isEqualTo(Net.empty().dense(3));
      assertThat(Net.conv2d(3, 2)).isEqualTo(Net.empty().conv2d(3, 2));
      assertThat(Net.conv2d(3, 2, 2, Padding.SAME)).isEqualTo(Net.empty().conv2d(3, 2, 2,
          Padding.SAME));
      assertThat(Net.maxPool2d(2)).isEqualTo(Net.empty().maxPool2d(2));
      assertThat(Net.flatten()).isEqualTo(Net.empty().flatten());
      assertThat(Net.reshape(2, 2)).isEqualTo(Net.empty().reshape(2, 2));
      assertThat(Net.dropout(0.3)).isEqualTo(Net.empty().dropout(0.3));
      assertThat(Net.batchNorm()).isEqualTo(Net.empty().batchNorm());
      assertThat(Net.simpleRnn(3, Returns.SEQUENCES)).isEqualTo(Net.empty().simpleRnn(3,
          Returns.SEQUENCES));
      assertThat(Net.lstm(3, Returns.LAST)).isEqualTo(Net.empty().lstm(3));
      assertThat(Net.gru(3, Returns.LAST)).isEqualTo(Net.empty().gru(3));
      assertThat(Net.empty().input()).isEmpty();
      assertThat(Net.empty().layers()).isEmpty();
      assertThat(Net.empty()).hasToString("");
    }

    @Test
    void untypedLayerArgumentsOfTheWrongTypeAreASpecError() {
      assertThatThrownBy(() -> Net.input(4).layer(Dense.SIGNATURE, List.of("x")))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (dense): arguments [x] do not have the types of dense(units)");
    }

    @Test
    void aBlockWithoutInputIsNotCheckedUntilItGetsOne() {
      NetSpec block = Net.conv2d(8, 5).relu().dense(3); // dense after an image: wrong later
      assertThat(block.layers()).hasSize(2);
      assertThatThrownBy(() -> block.withInput(Shape.of(28, 28, 1)))
          .isInstanceOf(SpecException.class);
      assertThat(Net.conv2d(8, 5).relu().flatten().dense(3).withInput(Shape.of(5, 5, 3))
          .resolve().output()).isEqualTo(Shape.of(3));
    }

    @Test
    void theActivationIsStoredWithItsLayer() {
      NetSpec spec = Net.input(4).dense(2).leakyRelu(0.2).init(HE).bias(constant(0.1));
      LayerSpec layer = spec.layers().get(0);
      assertThat(layer.activation()).contains(Activation.leakyRelu(0.2));
      assertThat(layer.inits()).isEqualTo(
          new InitChoices(Optional.of(HE), Optional.of(constant(0.1)), Optional.empty()));
    }
  }

  @Nested
  class NetWide {

    @Test
    void defaultsAreKeptApartFromLayers() {
      NetSpec spec = Net.input(4).defaultInit(HE_UNIFORM).defaultBias(ONES).dense(2);
      assertThat(spec.defaults()).isEqualTo(new NetDefaults(Optional.of(HE_UNIFORM),
          Optional.of(ONES)));
      assertThat(spec.layers().get(0).inits()).isEqualTo(InitChoices.NONE);
      assertThat(spec).hasToString("input(4).defaultInit(he_uniform).defaultBias(ones).dense(2)");
    }

    @Test
    void defaultsMayBeSetAnywhereAndPrintAfterTheInput() {
      NetSpec late = Net.input(4).dense(2).relu().defaultInit(HE_UNIFORM);
      NetSpec early = Net.input(4).defaultInit(HE_UNIFORM).dense(2).relu();
      assertThat(late).isEqualTo(early).hasToString(early.toString());
    }

    @Test
    void thenMergesDefaultsSetOnEitherSide() {
      NetSpec joined = Net.input(4).defaultInit(HE).then(Net.dense(2).defaultBias(ONES));
      assertThat(joined.defaults()).isEqualTo(new NetDefaults(Optional.of(HE), Optional.of(ONES)));
      NetSpec fromBlock = Net.input(4).then(Net.empty().defaultInit(HE).dense(2));
      assertThat(fromBlock.defaults().kernel()).contains(HE);
    }

    @Test
    void withKernelInitReplacesEveryKernelAndKeepsTheRest() {
      NetSpec spec = Net.input(28, 28, 1).conv2d(4, 3).relu().init(HE).bias(ONES)
          .maxPool2d(2).flatten().dense(10).softmax();
      NetSpec replaced = spec.withKernelInit(PYTORCH_DEFAULT);
      assertThat(replaced).hasToString("input(28,28,1).defaultInit(pytorch_default)"
          + ".conv2d(4,3).relu().init(pytorch_default).bias(ones).maxPool2d(2).flatten()"
          + ".dense(10).softmax().init(pytorch_default)");
      assertThat(replaced.layers()).extracting(l -> l.inits().kernel())
          .containsExactly(Optional.of(PYTORCH_DEFAULT), Optional.empty(), Optional.empty(),
              Optional.of(PYTORCH_DEFAULT));
      assertThat(spec.layers().get(0).inits().kernel()).contains(HE);
      // a framework preset on the kernel also decides the bias where none is named
      assertThat(replaced.resolve().parameter("conv2d_0/bias").orElseThrow().blocks().get(0)
          .sampler()).isEqualTo(ONES);
      assertThat(replaced.resolve().parameter("dense_0/bias").orElseThrow().label())
          .isEqualTo("uniform(±0.0385) (pytorch_default)");
    }

    @Test
    void withKernelInitOverridesAnEarlierNetWideDefault() {
      NetSpec spec = Net.input(4).defaultInit(HE).dense(2).withKernelInit(GLOROT_UNIFORM);
      assertThat(spec.defaults().kernel()).contains(GLOROT_UNIFORM);
    }

    @Test
    void withInputGivesABlockItsShapeOrRepeatsTheSameOne() {
      NetSpec block = Net.dense(10).softmax();
      NetSpec placed = block.withInput(Shape.of(784));
      assertThat(placed.input()).contains(Shape.of(784));
      assertThat(placed).isEqualTo(Net.input(784).dense(10).softmax());
      assertThat(placed.withInput(Shape.of(784))).isEqualTo(placed);
    }

    @Test
    void resolveAndSummaryNeedAnInput() {
      assertThatThrownBy(() -> Net.dense(2).resolve()).isInstanceOf(SpecException.class);
      assertThat(Net.dense(2).withInput(Shape.of(3)).summary()).contains("parameters: 8 ");
    }

    @Test
    void initsAreAttachedOnlyWhereTheRoleExists() {
      assertThat(Net.input(5, 3).lstm(4).recurrentInit(IDENTITY).layers().get(0).inits()
          .get(Role.RECURRENT_KERNEL)).contains(IDENTITY);
    }
  }

  @Nested
  class Defensive {

    /** Unreachable through the public steps, which exist only after a layer. */
    @Test
    void stepsWithoutALayerRefuseActivationsAndInits() {
      WeightedStep orphan = new WeightedStep(Net.empty());
      assertThatThrownBy(orphan::relu).isInstanceOf(SpecException.class)
          .hasMessage("relu() has no layer before it to activate");
      assertThatThrownBy(() -> orphan.init(HE)).isInstanceOf(SpecException.class)
          .hasMessage("there is no layer before init(he_normal) to initialize");
    }
  }
}
