package dev.primer.dsl.spec;

import static dev.primer.dsl.init.Inits.HE_NORMAL;
import static dev.primer.dsl.init.Inits.ZEROS;
import static dev.primer.dsl.init.Inits.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Pretrained;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedNet;
import org.junit.jupiter.api.Test;

/** The frozen() step, its text form, its counts and its errors; frozenFrom and firstLayers. */
class FrozenTest {

  @Test
  void frozenMarksOnlyTheLayerBeforeIt() {
    NetSpec spec = Net.input(784).dense(256).relu().frozen().dense(10).softmax();
    assertThat(spec.layers().get(0).frozen()).isTrue();
    assertThat(spec.layers().get(1).frozen()).isFalse();
    assertThat(spec.toString())
        .isEqualTo("input(784).dense(256).relu().frozen().dense(10).softmax()");
    assertThat(Net.parse(spec.toString())).isEqualTo(spec);
    assertThat(spec).isNotEqualTo(Net.input(784).dense(256).relu().dense(10).softmax());
  }

  @Test
  void frozenComesAfterTheLayersInitsInTheTextForm() {
    NetSpec spec = Net.input(784).dense(256).relu().init(HE_NORMAL).bias(ZEROS).frozen();
    assertThat(spec.toString())
        .isEqualTo("input(784).dense(256).relu().init(he_normal).bias(zeros).frozen()");
    assertThat(Net.parse("input(784).dense(256).frozen().relu()".replace(".relu()", "")))
        .isEqualTo(Net.input(784).dense(256).frozen());
  }

  @Test
  void theBlockAStepCameFromIsNotChanged() {
    var block = Net.dense(8).relu();
    NetSpec frozen = block.frozen();
    assertThat(block.layers().get(0).frozen()).isFalse();
    assertThat(frozen.layers().get(0).frozen()).isTrue();
  }

  @Test
  void countsAndTheSummaryShowWhatIsFrozen() {
    NetSpec spec = Net.input(4).dense(3).relu().frozen().batchNorm().frozen().dense(2).softmax()
        .batchNorm();
    ResolvedNet net = spec.resolve();
    // dense 4*3+3 = 15, bn(3) 4*3 = 12 (all frozen); dense 3*2+2 = 8, bn(2) gamma/beta 4
    assertThat(net.parameterCount()).isEqualTo(15 + 12 + 8 + 8);
    assertThat(net.frozenCount()).isEqualTo(27);
    assertThat(net.trainableCount()).isEqualTo(12);
    assertThat(net.trainableParameters()).extracting(Parameter::name).containsExactly(
        "dense_1/kernel", "dense_1/bias", "batch_norm_1/gamma", "batch_norm_1/beta");
    String summary = spec.summary();
    assertThat(summary).contains("parameters: 43 (trainable 12, frozen 27, non-trainable 4)");
    String[] lines = summary.split("\n");
    assertThat(lines[1]).endsWith("frozen");
    assertThat(lines[2]).endsWith("frozen");
    assertThat(lines[3]).endsWith("frozen");
    assertThat(lines[4]).endsWith("-");
    assertThat(Net.input(4).dense(2).summary()).doesNotContain("frozen");
  }

  @Test
  void clearErrorsForNothingToFreezeOrTwice() {
    assertThatThrownBy(() -> Net.empty().frozen()).isInstanceOf(SpecException.class)
        .hasMessage("frozen() has no layer before it to freeze");
    assertThatThrownBy(() -> Net.input(8).dense(4).relu().flatten().frozen())
        .isInstanceOf(SpecException.class).hasMessage("layer 1 (flatten): has no parameters to"
            + " freeze; frozen() applies to the layer just before it");
    assertThatThrownBy(() -> Net.input(8).dense(4).frozen().frozen())
        .isInstanceOf(SpecException.class)
        .hasMessage("layer 0 (dense): is frozen already; frozen() is written once per layer");
    assertThatThrownBy(() -> Net.parse("input(8).dense(4).frozen().frozen()"))
        .hasMessage("column 28: layer 0 (dense): is frozen already; frozen() is written once"
            + " per layer");
    assertThatThrownBy(() -> Net.parse("input(8).frozen()"))
        .hasMessage("column 10: frozen() has no layer before it to freeze");
    assertThatThrownBy(() -> Net.parse("input(8).dense(4).frozen(1)"))
        .hasMessageStartingWith("column 19: frozen takes no arguments");
  }

  @Test
  void withKernelInitLeavesFrozenLayersTheirOwnKernelInit() {
    NetSpec spec = Net.input(4).dense(3).relu().init(from("w.npz", "dense_0/kernel")).frozen()
        .dense(3).relu().frozen().dense(2).softmax();
    NetSpec replaced = spec.withKernelInit(ZEROS);
    assertThat(replaced.layers().get(0).inits().kernel()).contains(from("w.npz", "dense_0/kernel"));
    assertThat(replaced.layers().get(1).inits().kernel()).contains(Inits.AUTO);
    assertThat(replaced.layers().get(2).inits().kernel()).contains(ZEROS);
    assertThat(replaced.resolve().layers().get(1).parameter(Role.KERNEL).orElseThrow().blocks())
        .isEqualTo(spec.resolve().layers().get(1).parameter(Role.KERNEL).orElseThrow().blocks());
  }

  @Test
  void aSavedNetsBodyBecomesAFrozenPretrainedBody() {
    NetSpec trained = Net.parse("input(784).dense(64).relu().dropout(0.1).dense(32).relu()"
        + ".dense(5).softmax()");
    NetSpec transfer = trained.firstLayers(3).frozenFrom("pre").then(Net.dense(5).softmax());
    assertThat(transfer.toString()).isEqualTo("input(784)"
        + ".dense(64).relu().init(from(\"pre\",\"dense_0/kernel\"))"
        + ".bias(from(\"pre\",\"dense_0/bias\")).frozen().dropout(0.1)"
        + ".dense(32).relu().init(from(\"pre\",\"dense_1/kernel\"))"
        + ".bias(from(\"pre\",\"dense_1/bias\")).frozen().dense(5).softmax()");
    assertThat(Net.parse(transfer.toString())).isEqualTo(transfer);
    assertThat(transfer.resolve().parameter("dense_1/kernel").orElseThrow().blocks().get(0)
        .sampler()).isEqualTo(new Pretrained("pre", "dense_1/kernel"));
    assertThat(trained.firstLayers(0).layers()).isEmpty();
    assertThatThrownBy(() -> trained.firstLayers(6)).isInstanceOf(SpecException.class)
        .hasMessage("firstLayers: count must be between 0 and the 4 layers of the spec, got 6");
    assertThatThrownBy(() -> Net.input(4).dense(3).batchNorm().frozenFrom("pre"))
        .isInstanceOf(SpecException.class).hasMessage("layer 1 (batchNorm): its parameters"
            + " cannot be taken from a file (only kernels, recurrent kernels and biases can);"
            + " end the body before it");
  }

  @Test
  void recurrentLayersTakeEveryParameterFromTheFile() {
    NetSpec body = Net.input(5, 3).lstm(4).frozenFrom("w.npz");
    assertThat(body.layers().get(0).inits().recurrentKernel())
        .contains(from("w.npz", "lstm_0/recurrent_kernel"));
    assertThat(body.resolve().parameter("lstm_0/kernel").orElseThrow().blocks()).hasSize(4)
        .allSatisfy(b -> assertThat(b.sampler()).isEqualTo(from("w.npz", "lstm_0/kernel")));
  }

  @Test
  void aBodyWithResidualAndRepeatedBlocksLoadsEveryParameterByItsOwnName() {
    NetSpec trained = Net.input(8).dense(8).relu()
        .repeat(2, Net.block().residual(Net.block().dense(8).relu().dense(8)).relu())
        .dense(4).relu().dense(3).softmax();
    NetSpec body = trained.firstLayers(3).frozenFrom("pre");
    // the repeat is written out: each copy takes arrays of its own
    assertThat(body.layers()).extracting(l -> l.layer().kind())
        .containsExactly("dense", "residual", "residual", "dense");
    assertThat(Net.parse(body.toString())).isEqualTo(body);
    ResolvedNet loaded = body.resolve();
    ResolvedNet original = trained.firstLayers(3).resolve();
    assertThat(loaded.parameters()).extracting(p -> p.name())
        .isEqualTo(original.parameters().stream().map(p -> p.name()).toList())
        .contains("block_1/dense_1/kernel", "dense_1/bias");
    // every parameter starts from the array of its own name, and is frozen
    assertThat(loaded.parameters()).allSatisfy(p -> assertThat(p.blocks())
        .allSatisfy(b -> assertThat(b.sampler()).as(p.name())
            .isEqualTo(new Pretrained("pre", p.name()))));
    assertThat(loaded.trainableParameters()).isEmpty();
    assertThat(loaded.layers()).filteredOn(l -> !l.parameters().isEmpty())
        .allSatisfy(l -> assertThat(l.frozen()).as(l.name()).isTrue());
  }

  @Test
  void aBlockWhoseOwnParametersCannotComeFromAFileIsRefusedByName() {
    assertThatThrownBy(() -> Net.input(4).dense(4).residual(Net.block().dense(4)).scaled(0)
        .frozenFrom("pre")).isInstanceOf(SpecException.class)
        .hasMessage("layer block_0 (residual): its block_0/scale cannot be taken from a file yet"
            + " (only kernels, recurrent kernels and biases can); end the body before it");
    assertThatThrownBy(() -> Net.input(4).residual(Net.block().dense(6)).frozenFrom("pre"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("layer block_0 (residual): its block_0/projection/kernel cannot");
    assertThatThrownBy(() -> Net.input(4).residual(Net.block().dense(4).batchNorm())
        .frozenFrom("pre")).isInstanceOf(SpecException.class)
        .hasMessage("layer block_0/batch_norm_0 (batchNorm): its parameters cannot be taken"
            + " from a file (only kernels, recurrent kernels and biases can); end the body"
            + " before it");
    assertThatThrownBy(() -> Net.block().dense(4).residual(Net.block().dense(4))
        .frozenFrom("pre")).isInstanceOf(SpecException.class)
        .hasMessageStartingWith("frozenFrom: a body with residual or repeated blocks needs its"
            + " input shape");
  }
}
