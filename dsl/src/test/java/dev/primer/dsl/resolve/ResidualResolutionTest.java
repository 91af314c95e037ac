package dev.primer.dsl.resolve;

import static dev.primer.dsl.init.Inits.HE_NORMAL;
import static dev.primer.dsl.init.Inits.ZEROS;
import static dev.primer.dsl.init.Inits.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Constant;
import dev.primer.dsl.init.Fans;
import dev.primer.dsl.init.Place;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.spec.NetSpec;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Residual and repeated blocks resolved: names, shapes and parameter counts, the skip
 * projection and the branch scale, {@link Place} for every layer, fans per parameter, AUTO's
 * signal propagation across a sum, and the errors that name the block and layer.
 */
class ResidualResolutionTest {

  static final NetSpec ISSUE = Net.input(784).dense(256).relu()
      .repeat(50, Net.residual(Net.block().dense(256).relu().dense(256))).dense(10).softmax();

  @Nested
  class NamesShapesAndCounts {

    @Test
    void theIssuesFiftyBlockNetIsOneLineAndResolvesToNamedBlocks() {
      assertThat(ISSUE).hasToString("input(784).dense(256).relu()"
          + ".repeat(50,residual(dense(256).relu().dense(256))).dense(10).softmax()");
      assertThat(Net.parse(ISSUE.toString())).isEqualTo(ISSUE);
      assertThat(Net.parse("input(784).dense(256).relu().repeat(50, residual(dense(256).relu()"
          + ".dense(256))).dense(10)\n  .softmax()")).isEqualTo(ISSUE);
      ResolvedNet net = ISSUE.resolve();
      assertThat(net.layers()).hasSize(1 + 50 * 3 + 1);
      assertThat(net.layers().get(22)).extracting(ResolvedLayer::name).isEqualTo("block_7/dense_0");
      assertThat(net.parameter("block_7/dense_1/kernel")).get()
          .extracting(Parameter::shape).isEqualTo(Shape.of(256, 256));
      assertThat(net.layers().get(24).name()).isEqualTo("block_7");
      assertThat(net.layers().get(24).residualSum()).isTrue();
      assertThat(net.layers().get(24).branchStart()).isEqualTo(22);
      assertThat(net.layers().get(24).parameters()).isEmpty(); // same shape, not scaled
      assertThat(net.layers().get(net.layers().size() - 1).name()).isEqualTo("dense_1");
      // Keras: 784*256+256 + 50 * 2 * (256*256+256) + 256*10+10
      assertThat(net.parameterCount()).isEqualTo(200_960L + 50L * 2 * 65_792 + 2_570);
    }

    @Test
    void layerNamesAreTheNamesTheResolvedNetGivesItsTopLevelLayers() {
      NetSpec spec = Net.input(8).dense(8).relu()
          .repeat(2, Net.block().dense(8).relu())
          .residual(Net.block().dense(8)).dense(3).softmax();
      List<String> names = ResolvedNet.layerNames(spec.layers());
      assertThat(names).containsExactly("dense_0", null, "block_0", "dense_3");
      ResolvedNet net = spec.resolve();
      // the layer after the repeat counts the repeat's written-out copies, as the net does
      assertThat(net.layers()).extracting(ResolvedLayer::name)
          .contains("dense_1", "dense_2", "block_0/dense_0", "block_0", "dense_3");
    }

    @Test
    void nestedBlocksNestTheirNamesAndRepeatsOfPlainLayersContinueTheCount() {
      ResolvedNet net = Net.input(8).dense(8)
          .residual(Net.block().dense(8).residual(Net.block().dense(8)).dense(8))
          .repeat(2, Net.block().dense(8).relu()).resolve();
      assertThat(net.layers()).extracting(ResolvedLayer::name).containsExactly("dense_0",
          "block_0/dense_0", "block_0/block_0/dense_0", "block_0/block_0", "block_0/dense_1",
          "block_0", "dense_1", "dense_2");
      assertThat(net.layers()).extracting(ResolvedLayer::branchStart)
          .containsExactly(-1, -1, -1, 2, -1, 1, -1, -1);
    }

    @Test
    void aBranchThatChangesTheWidthGetsAProjectionWithoutBiasAndAScaleWhenScaled() {
      ResolvedNet net = Net.input(20).residual(Net.block().dense(8).relu().dense(8)).scaled(0.25)
          .resolve();
      ResolvedLayer sum = net.layers().get(2);
      assertThat(sum.kind()).isEqualTo("residual");
      assertThat(sum.input()).isEqualTo(Shape.of(20));
      assertThat(sum.output()).isEqualTo(Shape.of(8));
      assertThat(sum.parameters()).extracting(Parameter::name)
          .containsExactly("block_0/projection/kernel", "block_0/scale");
      Parameter projection = sum.parameters().get(0);
      assertThat(projection.role()).isEqualTo(Role.KERNEL);
      assertThat(projection.shape()).isEqualTo(Shape.of(20, 8));
      assertThat(projection.fans()).isEqualTo(new Fans(20, 8));
      Parameter scale = sum.parameters().get(1);
      assertThat(scale.role()).isEqualTo(Role.BRANCH_SCALE);
      assertThat(scale.shape()).isEqualTo(Shape.of(1));
      assertThat(scale.fans()).isEqualTo(new Fans(1, 1));
      assertThat(scale.blocks().get(0).sampler()).isEqualTo(new Constant(0.25));
      assertThat(sum.parameterCount()).isEqualTo(20 * 8 + 1);
      assertThat(net.parameterCount()).isEqualTo(20 * 8 + 8 + 8 * 8 + 8 + 20 * 8 + 1);
    }

    @Test
    void onImagesTheProjectionIsAOneByOneConvolutionKernel() {
      ResolvedNet net = Net.input(8, 8, 3).residual(Net.block().conv2d(16, 3, 1,
          dev.primer.dsl.layer.Padding.SAME).relu()).resolve();
      Parameter projection = net.parameter("block_0/projection/kernel").orElseThrow();
      assertThat(projection.shape()).isEqualTo(Shape.of(1, 1, 3, 16));
      assertThat(projection.fans()).isEqualTo(new Fans(3, 16));
    }

    @Test
    void theScaleStartsAtOneUnlessScaledNamesAValue() {
      assertThat(new dev.primer.dsl.init.Auto().choose(new dev.primer.dsl.init.Target(
          Role.BRANCH_SCALE, new int[] {1}, new Fans(1, 1), java.util.Optional.empty(),
          dev.primer.dsl.init.Cell.NONE, 0, 1))).isEqualTo(new Constant(1));
      ResolvedNet net = Net.input(4).residual(Net.dense(4)).scaled(0).resolve();
      Parameter scale = net.parameter("block_0/scale").orElseThrow();
      assertThat(scale.blocks().get(0).sampler()).isEqualTo(new Constant(0));
      assertThat(scale.label()).isEqualTo("zeros");
      assertThat(scale.trainable()).isTrue();
    }

    @Test
    void initsActivationsAndFrozenInsideABlockWorkAsOnTheChain() {
      ResolvedNet net = Net.input(4).residual(Net.block().dense(4).relu().init(ZEROS).frozen()
          .dense(4).bias(normal(0, 1))).resolve();
      assertThat(net.parameter("block_0/dense_0/kernel").orElseThrow().blocks().get(0)
          .sampler()).isEqualTo(ZEROS);
      assertThat(net.layers().get(0).frozen()).isTrue();
      assertThat(net.layers().get(0).spec().activation()).isPresent();
      assertThat(net.trainableParameters()).extracting(Parameter::name)
          .containsExactly("block_0/dense_1/kernel", "block_0/dense_1/bias");
    }

    @Test
    void withKernelInitReachesIntoBlocks() {
      NetSpec spec = ISSUE.withKernelInit(HE_NORMAL);
      assertThat(spec.resolve().parameters().stream()
          .filter(p -> p.role() == Role.KERNEL).map(Parameter::label).distinct())
          .containsExactly("he_normal");
    }
  }

  @Nested
  class Places {

    @Test
    void aPlainChainMarksItsLastWeightedLayerAsTheOutput() {
      ResolvedNet net = Net.input(4).dense(8).relu().dense(3).softmax().dropout(0.1).resolve();
      assertThat(net.layers()).extracting(ResolvedLayer::place)
          .containsExactly(Place.PLAIN, Place.OUTPUT, Place.PLAIN);
    }

    @Test
    void fiftyRepeatedBranchesOfTwoLayersEach() {
      ResolvedNet net = ISSUE.resolve();
      assertThat(net.layers().get(0).place()).isEqualTo(new Place(50, 0, -1, false));
      for (int b = 0; b < 50; b++) {
        assertThat(net.layers().get(1 + 3 * b).place()).isEqualTo(new Place(50, 2, 0, false));
        assertThat(net.layers().get(2 + 3 * b).place()).isEqualTo(new Place(50, 2, 1, false));
        assertThat(net.layers().get(2 + 3 * b).place().lastInBranch()).isTrue();
        assertThat(net.layers().get(3 + 3 * b).place()).isEqualTo(new Place(50, 0, -1, false));
      }
      assertThat(net.layers().get(151).place()).isEqualTo(new Place(50, 0, -1, true));
    }

    @Test
    void onlyWeightedLayersCountAndNestedBranchesCountTheirOwn() {
      ResolvedNet net = Net.input(8).residual(Net.block().dense(8).relu().dropout(0.1)
          .residual(Net.block().dense(8).relu().dense(8).relu().dense(8)).dense(8)).resolve();
      // block_0: dense_0, dropout, block_0/block_0 (3 dense), dense_1; then the two sums
      assertThat(net.layers()).extracting(ResolvedLayer::place).containsExactly(
          new Place(2, 2, 0, false), new Place(2, 0, -1, false),
          new Place(2, 3, 0, false), new Place(2, 3, 1, false), new Place(2, 3, 2, false),
          new Place(2, 0, -1, false), new Place(2, 2, 1, false), new Place(2, 0, -1, false));
    }

    @Test
    void aNetThatEndsInsideABranchHasNoOutputLayer() {
      ResolvedNet net = Net.input(4).dense(4).residual(Net.dense(4)).resolve();
      assertThat(net.layers()).extracting(ResolvedLayer::place).containsExactly(
          new Place(1, 0, -1, false), new Place(1, 1, 0, false), new Place(1, 0, -1, false));
    }
  }

  @Nested
  class SignalAcrossASum {

    /** The AUTO kernel scale of a relu layer after the residual: 1 / (second moment of the sum). */
    static double scaleAfter(NetSpec residual) {
      ResolvedNet net = residual.dense(16).relu().resolve();
      String last = net.layers().get(net.layers().size() - 1).name();
      Parameter kernel = net.parameter(last + "/kernel").orElseThrow();
      return kernel.fans().in() * SignalPropagation.meanSquare(kernel);
    }

    @Test
    void secondMomentsAddForAnIdentitySkip() {
      // input moment 1; the branch: fan_in 16 * 0.25^2 * 1 = 1; the sum: 1 + 1 = 2
      NetSpec sum = Net.input(16).residual(Net.block().dense(16).init(normal(0, 0.25)));
      assertThat(scaleAfter(sum)).isCloseTo(1 / 2.0, within(1e-6));
    }

    @Test
    void theScaleEntersSquared() {
      NetSpec sum = Net.input(16).residual(Net.block().dense(16).init(normal(0, 0.25)))
          .scaled(0.5);
      assertThat(scaleAfter(sum)).isCloseTo(1 / 1.25, within(1e-6));
      NetSpec skipInit = Net.input(16).residual(Net.block().dense(16).init(normal(0, 0.25)))
          .scaled(0);
      assertThat(scaleAfter(skipInit)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aProjectionScalesTheSkipPathByItsFanInTimesItsMeanSquare() {
      // projection [16, 8], AUTO glorot_uniform: E[w^2] = 2 / (16 + 8), fan_in 16: 4/3;
      // the branch: 16 * 0.25^2 = 1
      NetSpec sum = Net.input(16).residual(Net.block().dense(8).init(normal(0, 0.25)));
      assertThat(scaleAfter(sum)).isCloseTo(1 / (4.0 / 3 + 1), within(1e-5));
    }
  }

  @Nested
  class Errors {

    @Test
    void aLayerInsideARepeatedBlockIsNamedByBlockCopyIndexAndKind() {
      assertThatThrownBy(() -> Net.input(784).dense(16)
          .repeat(3, Net.residual(Net.block().dense(16).conv2d(3, 3))))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 1 (repeat) copy 0, layer 0 (residual) block_0, layer 1 (conv2d):"
              + " needs an image input [height, width, channels], got [16];"
              + " add reshape(height,width,channels) before it");
      assertThatThrownBy(() -> Net.input(4).residual(Net.dense(4)).dense(4)
          .residual(Net.block().dense(4).residual(Net.block().flatten().conv2d(3, 3))))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 2 (residual) block_1, layer 1 (residual) block_0, layer 1"
              + " (conv2d): needs an image input [height, width, channels], got [4];"
              + " add reshape(height,width,channels) before it");
    }

    @Test
    void aBranchThatChangesMoreThanTheLastDimensionCannotBeProjected() {
      assertThatThrownBy(() -> Net.input(8, 8, 3).residual(Net.block().conv2d(8, 3)))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (residual) block_0: the branch maps [8, 8, 3] to [6, 6, 8];"
              + " the skip path's projection can change only the last dimension (features or"
              + " channels), so the branch must keep the others");
    }

    @Test
    void aBlockIsAChainWithoutInputOrDefaultsWithALayer() {
      assertThatThrownBy(() -> Net.input(4).residual(Net.input(4).dense(4)))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (residual): the block starts with its own input [4]; a block is"
              + " a chain without input, such as Net.block().dense(256).relu()");
      assertThatThrownBy(() -> Net.input(4).dense(4).repeat(2, Net.block().defaultInit(ZEROS)
          .dense(4)))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 1 (repeat): the block sets a net-wide default (defaultInit or"
              + " defaultBias); set it on the net, or name the init of each layer");
      assertThatThrownBy(() -> Net.residual(Net.block()))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (residual): the block has no layers; give it at least one, such"
              + " as dense(256).relu().dense(256)");
      assertThatThrownBy(() -> Net.repeat(0, Net.dense(4)))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (repeat): times must be > 0, got 0");
    }

    @Test
    void scaledIsWrittenOnceWithAFiniteValue() {
      assertThatThrownBy(() -> Net.residual(Net.dense(4)).scaled(0).scaled(1))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (residual): is scaled already (from 0.0); scaled(...) is"
              + " written once per residual");
      assertThatThrownBy(() -> Net.residual(Net.dense(4)).scaled(Double.NaN))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (residual): scaled: the starting value must be finite, got NaN");
    }

    @Test
    void eachCopyOfARepeatedBlockTakesTheShapeTheOneBeforeLeaves() {
      assertThat(Net.input(8, 8, 3).repeat(2, Net.conv2d(4, 3)).resolve().output())
          .isEqualTo(Shape.of(4, 4, 4));
      assertThatThrownBy(() -> Net.input(5, 5, 1).repeat(3, Net.conv2d(1, 3)))
          .isInstanceOf(SpecException.class)
          .hasMessageStartingWith("layer 0 (repeat) copy 2, layer 0 (conv2d): ");
    }

    @Test
    void aRepeatThatWouldWriteOutTooManyLayersIsRefusedAtOnce() {
      assertThatThrownBy(() -> Net.input(4).repeat(100_000_000, Net.dense(4).relu()))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (repeat): would write out 100,000,000 layers, too many: a block"
              + " may write out at most 1,000,000");
      NetSpec million = Net.repeat(1_000, Net.repeat(1_000, Net.dense(4)));
      assertThatThrownBy(() -> Net.residual(million))
          .isInstanceOf(SpecException.class)
          .hasMessage("layer 0 (residual): would write out 1,000,001 layers, too many: a block"
              + " may write out at most 1,000,000");
    }

    @Test
    void textErrorsNameTheColumn() {
      assertThatThrownBy(() -> Net.parse("input(4).dense(4).scaled(0)"))
          .hasMessage("column 19: scaled(...) must follow residual(...) (or its scaled(...)"
              + " once); write residual(block).scaled(0)");
      assertThatThrownBy(() -> Net.parse("input(4).residual(4)"))
          .hasMessage("column 19: residual: argument 1 must be a block of layers such as"
              + " dense(64).relu().dense(64), got 4");
      assertThatThrownBy(() -> Net.parse("input(4).repeat(2,dense(4).rleu())"))
          .hasMessageStartingWith("column 28: unknown step 'rleu'; did you mean 'relu'?");
      assertThatThrownBy(() -> Net.parse("input(4).residual(input(4).dense(4))"))
          .hasMessage("column 19: input(...) must come first");
    }
  }

  @Test
  void theSummaryNamesEachLayerAndShowsEachSum() {
    String summary = Net.input(20).residual(Net.block().dense(8).relu().dense(8)).scaled(0)
        .relu().dense(3).softmax().summary();
    List<String> lines = summary.lines().toList();
    assertThat(lines.get(1)).startsWith("#  name             layer               activation");
    assertThat(lines.get(2)).startsWith("0  block_0/dense_0  dense(8)");
    assertThat(lines.get(4)).startsWith("2  block_0          residual.scaled(0)  relu        [8]"
        + "        161  20/8");
    assertThat(lines.get(4)).endsWith("zeros");
    assertThat(lines.get(5)).startsWith("3  dense_0          dense(3)");
  }
}
