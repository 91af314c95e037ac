package dev.primer.tf.internal.datainit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProbeBatchTest {

  @Test
  void aSmallSetIsTakenWhole() {
    assertThat(ProbeBatch.indices(5, 1)).containsExactly(0, 1, 2, 3, 4);
    assertThat(ProbeBatch.indices(512, 1)).hasSize(512).startsWith(0).endsWith(511);
  }

  @Test
  void aLargeSetGivesDistinctSortedIndicesForTheSeed() {
    int[] a = ProbeBatch.indices(10_000, 42);
    assertThat(a).hasSize(512).isSorted().doesNotHaveDuplicates();
    assertThat(a[0]).isGreaterThanOrEqualTo(0);
    assertThat(a[511]).isLessThan(10_000);
    assertThat(ProbeBatch.indices(10_000, 42)).isEqualTo(a);
    assertThat(ProbeBatch.indices(10_000, 43)).isNotEqualTo(a);
    // spread over the set, not a prefix: about half of them in the upper half (binomial, 512
    // draws: sd about 11; 6 sd either side)
    long upper = Arrays.stream(a).filter(i -> i >= 5_000).count();
    assertThat(upper).isBetween(256L - 68, 256L + 68);
  }
}
