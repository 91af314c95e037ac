package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.train.FitOptions;
import dev.primer.tf.train.Optimizer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

/**
 * {@link CompileOptions#withThreads}: the session options it asks TensorFlow for, its check, and
 * a small net trained on one thread of its own ends with bitwise the weights it ends with on
 * TensorFlow's shared pools (its products are too small for a kernel to split them).
 */
class CompileOptionsThreadsTest {

  @Test
  void threadsOfItsOwnAreAskedForThroughPerSessionPools() {
    ConfigProto shared = CompileOptions.defaults().sessionConfig();
    assertThat(shared.getUsePerSessionThreads()).isFalse();
    assertThat(shared.getIntraOpParallelismThreads()).isZero();

    ConfigProto one = CompileOptions.defaults().withThreads(1).sessionConfig();
    assertThat(one.getUsePerSessionThreads()).isTrue();
    assertThat(one.getIntraOpParallelismThreads()).isEqualTo(1);
    assertThat(one.getInterOpParallelismThreads()).isEqualTo(1);
    assertThat(one.getDeviceCountMap()).containsEntry("GPU", 0);

    assertThat(CompileOptions.defaults().withThreads(3).withXla(true).withPrecision(
        Precision.BF16).threads()).isEqualTo(3);
    assertThat(new CompileOptions(Device.CPU, Precision.FP32, false).threads()).isZero();
  }

  @Test
  void negativeThreadsAreRefused() {
    assertThatThrownBy(() -> CompileOptions.defaults().withThreads(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compile: threads must be 0 (TensorFlow's shared pools) or more, got -1");
  }

  @Test
  void aSmallNetTrainsBitwiseAlikeOnOneThreadOfItsOwn() {
    NetSpec net = Net.parse("input(8).dense(16).relu().dense(16).relu().dense(3).softmax()");
    FitOptions options = FitOptions.defaults().withEpochs(3).withBatchSize(8)
        .withOptimizer(Optimizer.momentum(0.05, 0.9));
    Map<String, ParameterValues> shared;
    try (Model model = Model.compile(net, 11, CompileOptions.defaults())) {
      model.fit(Fixtures.blobs(128, 8, 3, 5), options);
      shared = model.weights();
    }
    try (Model model = Model.compile(net, 11, CompileOptions.defaults().withThreads(1))) {
      assertThat(model.fit(Fixtures.blobs(128, 8, 3, 5), options).describe())
          .startsWith("completed");
      Map<String, ParameterValues> own = model.weights();
      assertThat(own.keySet()).isEqualTo(shared.keySet());
      shared.forEach((name, values) -> assertThat(own.get(name).values()).as(name)
          .containsExactly(values.values()));
    }
  }
}
