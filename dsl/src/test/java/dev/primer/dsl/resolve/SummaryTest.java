package dev.primer.dsl.resolve;

import static dev.primer.dsl.init.Inits.HE_UNIFORM;
import static dev.primer.dsl.init.Inits.KERAS_DEFAULT;
import static dev.primer.dsl.init.Inits.PYTORCH_DEFAULT;
import static dev.primer.dsl.init.Inits.ZEROS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.Returns;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void theIssuesCnn() {
    assertThat(Net.input(28, 28, 1).conv2d(32, 5).relu().maxPool2d(2).flatten().dense(10)
        .softmax().summary()).isEqualTo("""
        input [28, 28, 1]
        #  layer         activation  output        params  fan_in/out  scale  kernel init            bias init
        0  conv2d(32,5)  relu        [24, 24, 32]     832  25/800      1      lecun_normal (auto)    zeros (auto)
        1  maxPool2d(2)  -           [12, 12, 32]       0  -           -      -                      -
        2  flatten()     -           [4608]             0  -           -      -                      -
        3  dense(10)     softmax     [10]          46,090  4608/10     2      glorot_uniform (auto)  zeros (auto)
        parameters: 46,922 (trainable 46,922, non-trainable 0)
        """);
  }

  @Test
  void theIssuesMlpWithANamedInit() {
    assertThat(Net.input(784).dense(256).relu().init(HE_UNIFORM).dense(10).softmax().summary())
        .isEqualTo("""
        input [784]
        #  layer       activation  output   params  fan_in/out  scale  kernel init            bias init
        0  dense(256)  relu        [256]   200,960  784/256     2      he_uniform             zeros (auto)
        1  dense(10)   softmax     [10]      2,570  256/10      1.92   glorot_uniform (auto)  zeros (auto)
        parameters: 203,530 (trainable 203,530, non-trainable 0)
        """);
  }

  @Test
  void recurrentNetsGetARecurrentInitColumn() {
    assertThat(Net.input(28, 28).gru(32, Returns.SEQUENCES).tanh().simpleRnn(16).dense(4)
        .init(KERAS_DEFAULT).batchNorm().dropout(0.5).relu().summary()).isEqualTo("""
        input [28, 28]
        #  layer              activation  output    params  fan_in/out  scale  kernel init                     recurrent init     bias init
        0  gru(32,sequences)  tanh        [28, 32]   5,856  28/32       0.933  glorot_uniform (auto)           orthogonal (auto)  zeros (auto)
        1  simpleRnn(16)      -           [16]         784  32/16       1.33   glorot_uniform (auto)           orthogonal (auto)  zeros (auto)
        2  dense(4)           -           [4]           68  16/4        1.6    glorot_uniform (keras_default)  -                  zeros (keras_default)
        3  batchNorm()        -           [4]           16  -           -      -                               -                  zeros (auto)
        4  dropout(0.5)       relu        [4]            0  -           -      -                               -                  -
        parameters: 6,724 (trainable 6,716, non-trainable 8)
        """);
  }

  @Test
  void lstmShowsItsForgetGateBias() {
    assertThat(Net.input(28, 28).lstm(64).dense(10).softmax().summary()).isEqualTo("""
        input [28, 28]
        #  layer      activation  output  params  fan_in/out  scale  kernel init            recurrent init     bias init
        0  lstm(64)   -           [64]    23,808  28/64       0.609  glorot_uniform (auto)  orthogonal (auto)  zeros (i,c,o), ones (f) (auto)
        1  dense(10)  softmax     [10]       650  64/10       1.73   glorot_uniform (auto)  -                  zeros (auto)
        parameters: 24,458 (trainable 24,458, non-trainable 0)
        """);
  }

  @Test
  void argumentsActivationsAndPresetsAsWritten() {
    assertThat(Net.input(8, 8, 3).conv2d(4, 3, 1, Padding.SAME).init(PYTORCH_DEFAULT)
        .batchNorm(0.9, 1e-5).leakyRelu(0.2).avgPool2d(3, 2, Padding.SAME).summary())
        .isEqualTo("""
        input [8, 8, 3]
        #  layer                  activation      output     params  fan_in/out  scale  kernel init                        bias init
        0  conv2d(4,3,1,same)     -               [8, 8, 4]     112  27/36       0.333  uniform(±0.192) (pytorch_default)  uniform(±0.192) (pytorch_default)
        1  batchNorm(0.9,1.0E-5)  leakyRelu(0.2)  [8, 8, 4]      16  -           -      -                                  zeros (auto)
        2  avgPool2d(3,2,same)    -               [4, 4, 4]       0  -           -      -                                  -
        parameters: 128 (trainable 120, non-trainable 8)
        """);
  }

  @Test
  void anEmptyNetListsOnlyTheHeader() {
    assertThat(Net.input(3).summary()).isEqualTo("""
        input [3]
        #  layer  activation  output  params  fan_in/out  scale  kernel init  bias init
        parameters: 0 (trainable 0, non-trainable 0)
        """);
  }

  @Test
  void theScaleColumnShowsWhatAutoComputedAndAConstantKernelWarns() {
    assertThat(Net.input(64).dense(32).tanh().dense(32).tanh().dense(16).relu().init(ZEROS)
        .dense(10).softmax().summary()).isEqualTo("""
        input [64]
        #  layer      activation  output  params  fan_in/out  scale  kernel init                                            bias init
        0  dense(32)  tanh        [32]     2,080  64/32       1      lecun_normal (auto)                                    zeros (auto)
        1  dense(32)  tanh        [32]     1,056  32/32       2.54   variance_scaling(2.54,fan_in,truncated_normal) (auto)  zeros (auto)
        2  dense(16)  relu        [16]       528  32/16       0      zeros                                                  zeros (auto)
        3  dense(10)  softmax     [10]       170  16/10       1.23   glorot_uniform (auto)                                  zeros (auto)
        parameters: 3,834 (trainable 3,834, non-trainable 0)
        warning: layer 2 (dense): kernel init zeros gives every unit the same weights, so the same gradient, and they stay copies; use a random init (never a constant for kernels)
        """);
  }
}
