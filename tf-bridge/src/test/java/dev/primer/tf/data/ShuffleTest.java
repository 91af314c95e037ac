package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one seeded shuffle: permutations, reproducibility, uniformity, sampling. */
class ShuffleTest {

  @Test
  void aPermutationHoldsEveryIndexOnceAndTheSameSeedGivesTheSameOrder() {
    int[] order = Shuffle.permutation(1000, 42);
    assertThat(Arrays.stream(order).sorted().toArray())
        .isEqualTo(IntStream.range(0, 1000).toArray());
    assertThat(Shuffle.permutation(1000, 42)).isEqualTo(order);
    assertThat(Shuffle.permutation(1000, 43)).isNotEqualTo(order);
    assertThat(Shuffle.permutation(0, 1)).isEmpty();
    assertThat(Shuffle.permutation(1, 1)).containsExactly(0);
  }

  @Test
  void aSeedGivesWhatAGeneratorOfThatSeedGivesAndAGeneratorAdvances() {
    SplittableRandom random = new SplittableRandom(7);
    int[] first = Shuffle.permutation(50, random);
    int[] second = Shuffle.permutation(50, random);
    assertThat(first).isEqualTo(Shuffle.permutation(50, 7));
    assertThat(second).isNotEqualTo(first);
  }

  /**
   * All 6 orders of 3 elements come out equally often: over N = 60,000 seeds each count is
   * Binomial(N, 1/6) with standard deviation sqrt(N * 1/6 * 5/6) ~ 91; 6 standard deviations
   * bound a correct shuffle's counts with overwhelming probability, while a biased one (say
   * j drawn from [0, n) at every step) is off by thousands.
   */
  @Test
  void everyOrderOfThreeIsEquallyLikely() {
    int n = 60_000;
    Map<String, Integer> counts = new HashMap<>();
    for (int seed = 0; seed < n; seed++) {
      counts.merge(Arrays.toString(Shuffle.permutation(3, seed)), 1, Integer::sum);
    }
    double sd = Math.sqrt(n * (1.0 / 6) * (5.0 / 6));
    assertThat(counts).hasSize(6);
    assertThat(counts.values()).allSatisfy(c -> assertThat(Math.abs(c - n / 6.0))
        .isLessThan(6 * sd));
  }

  @Test
  void aSampleIsDistinctIndicesAndEveryIndexIsEquallyLikelyToBeDrawnFirst() {
    int[] sample = Shuffle.sample(10_000, 512, 42);
    assertThat(sample).hasSize(512).doesNotHaveDuplicates();
    assertThat(Arrays.stream(sample).boxed().toList()).allSatisfy(i -> assertThat(i).isBetween(0, 9_999));
    assertThat(Shuffle.sample(10_000, 512, 42)).isEqualTo(sample);
    assertThat(Shuffle.sample(5, 5, 1)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);

    int trials = 40_000;
    int[] firsts = new int[4];
    for (int seed = 0; seed < trials; seed++) {
      firsts[Shuffle.sample(4, 1, seed)[0]]++;
    }
    double sd = Math.sqrt(trials * 0.25 * 0.75);
    assertThat(Arrays.stream(firsts).boxed().toList()).allSatisfy(c -> assertThat(Math.abs(c - trials / 4.0))
        .isLessThan(6 * sd));
  }

  @Test
  void badSizesAreRefused() {
    assertThatThrownBy(() -> Shuffle.permutation(-1, 1))
        .hasMessage("permutation: n must be >= 0, got -1");
    assertThatThrownBy(() -> Shuffle.sample(3, 4, 1))
        .hasMessage("sample: k must be in [0, 3], got 4");
  }
}
