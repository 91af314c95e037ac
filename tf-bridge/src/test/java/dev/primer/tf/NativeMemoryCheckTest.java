package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import java.time.Duration;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/**
 * {@link NativeMemoryCheck#skip}: in a fresh JVM it turns JavaCPP's physical-memory check off
 * (JavaCPP's own {@code Pointer.maxPhysicalBytes()} reads 0 after TensorFlow allocated and
 * trained), it keeps a value the command line set, and called after TensorFlow's first
 * allocation it says that it came too late. Each case is a child JVM: JavaCPP reads the
 * property once per process.
 */
class NativeMemoryCheckTest {

  @Test
  void skipTurnsTheCheckOffInAFreshJvm() throws Exception {
    List<String> out = Fixtures.ChildJvm.start(NativeMemoryCheckTest.class, "skip")
        .await(Duration.ofMinutes(2));

    assertThat(out).containsExactly("skip returned true", "maxPhysicalBytes 0");
  }

  @Test
  void aValueAlreadySetIsKept() throws Exception {
    List<String> out = Fixtures.ChildJvm.start(NativeMemoryCheckTest.class, "keep")
        .await(Duration.ofMinutes(2));

    assertThat(out).containsExactly("skip returned false", "maxPhysicalBytes 123456789");
  }

  @Test
  void aCallAfterTensorFlowAllocatedSaysItCameTooLate() throws Exception {
    List<String> out = Fixtures.ChildJvm.start(NativeMemoryCheckTest.class, "late")
        .await(Duration.ofMinutes(2));

    assertThat(out).hasSize(2);
    assertThat(out.get(0)).isEqualTo("skip returned false");
    assertThat(Long.parseLong(out.get(1).replace("maxPhysicalBytes ", ""))).isPositive();
  }

  @Test
  void withoutSkipJavaCppChecksAgainstItsDefault() throws Exception {
    List<String> out = Fixtures.ChildJvm.start(NativeMemoryCheckTest.class, "default")
        .await(Duration.ofMinutes(2));

    assertThat(out).hasSize(1);
    assertThat(Long.parseLong(out.get(0).replace("maxPhysicalBytes ", ""))).isPositive();
  }

  /**
   * The child: {@code skip} calls {@link NativeMemoryCheck#skip}, {@code keep} sets the property
   * to 123456789 first, {@code default} does neither; then it trains a model ({@code late} calls
   * skip only after that) and prints what JavaCPP took.
   */
  public static void main(String[] args) {
    String mode = args[0];
    if (mode.equals("keep")) {
      System.setProperty(NativeMemoryCheck.PROPERTY, "123456789");
    }
    if (mode.equals("skip") || mode.equals("keep")) {
      System.out.println("skip returned " + NativeMemoryCheck.skip());
    }
    try (Model model = Model.compile(Net.input(4).dense(3).softmax(), 1)) {
      model.fit(Fixtures.blobs(64, 4, 3, 2), dev.primer.tf.train.FitOptions.defaults()
          .withEpochs(1).withBatchSize(16));
    }
    if (mode.equals("late")) {
      System.out.println("skip returned " + NativeMemoryCheck.skip());
    }
    System.out.println("maxPhysicalBytes " + Pointer.maxPhysicalBytes());
  }
}
