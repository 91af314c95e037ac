package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.primer.dsl.Net;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.dsl.spec.NetSpec;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  private static final long GIB = 1L << 30;

  @Test
  void aNetThatDoesNotFitIsRefusedSayingWhatItNeedsAndWhatThereIs() {
    ResolvedNet big = Net.input(40000).dense(40000).resolve(); // 1,600,040,000 parameters
    assertThat(MemoryBudget.bytesNeeded(big)).isEqualTo(1_600_040_000L * 4 * 4);
    assertThatThrownBy(() -> MemoryBudget.check(big, 16 * GIB, 8 * GIB))
        .isExactlyInstanceOf(ModelTooLargeException.class)
        .hasMessage("the net has 1,600,040,000 parameters, which need 23.8 GiB to train (4 bytes"
            + " each, times 4 for the values, gradients and optimizer slots), more than this"
            + " machine's 16.0 GiB of memory (8.0 GiB free now); use fewer or smaller layers");
    assertThatCode(() -> MemoryBudget.check(big, 24 * GIB, 1 * GIB)).doesNotThrowAnyException();
  }

  @Test
  void measuresThePhysicalMemoryNotTheJavaHeap() {
    assertThat(MemoryBudget.physicalMemory()).isPositive()
        .isGreaterThanOrEqualTo(MemoryBudget.freeMemory());
    assertThat(MemoryBudget.freeMemory()).isPositive();
  }

  @Test
  void compileRefusesBeforeTensorFlowAllocatesWhileSummaryStillWorks() {
    // the biggest nets the spec language allows: 1 or 2 layers of 1.6e9 parameters
    NetSpec spec = Net.input(40000).dense(40000);
    if (MemoryBudget.bytesNeeded(spec.resolve()) <= MemoryBudget.physicalMemory()) {
      spec = spec.dense(40000);
    }
    NetSpec tooBig = spec;
    assumeTrue(MemoryBudget.bytesNeeded(tooBig.resolve()) > MemoryBudget.physicalMemory(),
        "this machine has room for the biggest net the spec language allows");
    assertThat(tooBig.summary()).contains("dense(40000)"); // a summary only reads shapes
    assertThatThrownBy(() -> Model.compile(tooBig, 1))
        .isExactlyInstanceOf(ModelTooLargeException.class)
        .hasMessageStartingWith("the net has ")
        .hasMessageContaining("more than this machine's");
  }
}
