package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.data.InMemoryDataset;
import dev.primer.tf.data.SequenceTasks;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Loss;
import dev.primer.tf.train.Optimizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A transformer block as a composition of residual branches, attention, layer norm and a
 * position-wise MLP, in its two classic orders (Xiong et al. 2020, "On Layer Normalization in
 * the Transformer Architecture"):
 * <pre>
 *   pre-LN   x + Attn(LN(x)),  then  x + MLP(LN(x))             (GPT-2)
 *   post-LN  LN(x + Attn(x)),  then  LN(x + MLP(x))             (Vaswani et al. 2017)
 * </pre>
 * Both, trained without warm-up on the reversal task, end far above chance: 1/8 per position,
 * whose standard deviation over the 300 * 6 test positions is 0.008, so 0.5 is 45 of them above.
 */
class TransformerBlockTest {
  static final int LENGTH = 6;
  static final int VOCAB = 8;
  static final int D = 32;

  static NetSpec preLn() {
    return Net.input(LENGTH).embedding(VOCAB, D).positionalEmbedding()
        .residual(Net.block().layerNorm().multiHeadAttention(4, 8))
        .residual(Net.block().layerNorm().dense(64).relu().dense(D))
        .layerNorm().dense(VOCAB).softmax();
  }

  static NetSpec postLn() {
    return Net.input(LENGTH).embedding(VOCAB, D).positionalEmbedding()
        .residual(Net.block().multiHeadAttention(4, 8).init(Inits.MIMETIC)).layerNorm()
        .residual(Net.block().dense(64).relu().dense(D)).layerNorm()
        .dense(VOCAB).softmax();
  }

  @Test
  void bothOrdersWriteAndReadBackAndHoldTheSameParameters() {
    assertThat(preLn().toString()).isEqualTo("input(6).embedding(8,32).positionalEmbedding()"
        + ".residual(layerNorm().multiHeadAttention(4,8))"
        + ".residual(layerNorm().dense(64).relu().dense(32)).layerNorm().dense(8).softmax()");
    assertThat(postLn().toString()).isEqualTo("input(6).embedding(8,32).positionalEmbedding()"
        + ".residual(multiHeadAttention(4,8).init(mimetic)).layerNorm()"
        + ".residual(dense(64).relu().dense(32)).layerNorm().dense(8).softmax()");
    for (NetSpec spec : List.of(preLn(), postLn())) {
      assertThat(Net.parse(spec.toString())).isEqualTo(spec);
    }
    // embedding 8*32 + positions 6*32 + attention 4*(32*32+32) + MLP (32*64+64 + 64*32+32)
    // + output 32*8+8, and 2*32 per layer norm: three in pre-LN (the final one), two in post-LN
    long shared = 8 * 32 + 6 * 32 + 4 * (32 * 32 + 32) + (32 * 64 + 64 + 64 * 32 + 32)
        + 32 * 8 + 8;
    assertThat(preLn().resolve().parameterCount()).isEqualTo(shared + 3 * 2 * 32);
    assertThat(postLn().resolve().parameterCount()).isEqualTo(shared + 2 * 2 * 32);
  }

  @Test
  void preAndPostLnBlocksLearnToReverseWithoutWarmUp() {
    InMemoryDataset train = SequenceTasks.reverse(LENGTH, VOCAB, 600, 1);
    InMemoryDataset test = SequenceTasks.reverse(LENGTH, VOCAB, 300, 2);
    FitOptions options = FitOptions.defaults()
        .withLoss(Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION).withOptimizer(Optimizer.adam(0.005))
        .withBatchSize(50).withEpochs(4).withShuffleSeed(4);
    for (NetSpec spec : List.of(preLn(), postLn())) {
      try (Model model = Model.compile(spec, 3)) {
        model.fit(train, options);
        assertThat(model.evaluate(test, Loss.SOFTMAX_CROSS_ENTROPY_PER_POSITION).accuracy())
            .as(spec.toString()).isGreaterThan(0.5);
      }
    }
  }
}
