package dev.primer.dsl.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void identicalInputsGiveIdenticalSeeds() {
    assertThat(Seeds.forBlock(42, "dense_0/kernel", 0))
        .containsExactly(Seeds.forBlock(42, "dense_0/kernel", 0));
    assertThat(Seeds.forPurpose(42, "shuffle")).isEqualTo(Seeds.forPurpose(42, "shuffle"));
  }

  @Test
  void givesTwoKeys() {
    long[] keys = Seeds.forBlock(1, "dense_0/kernel", 0);
    assertThat(keys).hasSize(2);
    assertThat(keys[0]).isNotEqualTo(keys[1]);
  }

  @Test
  void everyNameBlockAndNetSeedGetsItsOwnSeed() {
    List<String> names = List.of("dense_0/kernel", "dense_1/kernel", "dense_0/bias",
        "conv2d_0/kernel", "lstm_0/kernel", "lstm_0/recurrent_kernel", "lstm_0/bias",
        "batch_norm_0/gamma", "", "a", "b", "ab", "ba");
    Set<Long> firsts = new HashSet<>();
    Set<Long> seconds = new HashSet<>();
    int count = 0;
    for (long netSeed : new long[] {0, 1, 2, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE}) {
      for (String name : names) {
        for (int block = 0; block < 4; block++) {
          long[] keys = Seeds.forBlock(netSeed, name, block);
          firsts.add(keys[0]);
          seconds.add(keys[1]);
          count++;
        }
      }
    }
    assertThat(firsts).hasSize(count);
    assertThat(seconds).hasSize(count);
  }

  @Test
  void purposesAreSeparateFromParameters() {
    assertThat(Seeds.forPurpose(7, "shuffle")).isNotEqualTo(Seeds.forPurpose(7, "dropout"))
        .isNotEqualTo(Seeds.forPurpose(8, "shuffle"))
        .isNotEqualTo(Seeds.forBlock(7, "shuffle", 0)[0])
        .isEqualTo(Seeds.forBlock(7, "#shuffle", 0)[0]);
  }

  @Test
  void nonAsciiNamesAreHashedByTheirBytes() {
    assertThat(Seeds.forBlock(0, "dense_ü", 0)).isNotEqualTo(Seeds.forBlock(0, "dense_u", 0));
  }

  @Test
  void mixIsSplitMix64sFinaliser() {
    // java.util.SplittableRandom(seed).nextLong() is mix(seed + golden gamma) with the same
    // constants: the first output of SplitMix64 seeded with s is mix(s) as written here
    for (long s : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
      assertThat(Seeds.mix(s)).isEqualTo(new java.util.SplittableRandom(s).nextLong());
    }
  }

  @Test
  void mixSpreadsOneBitChangesOverAboutHalfTheBits() {
    long total = 0;
    int trials = 0;
    for (long x = 1; x < 2_000; x++) {
      for (int bit = 0; bit < 64; bit += 7) {
        total += Long.bitCount(Seeds.mix(x) ^ Seeds.mix(x ^ (1L << bit)));
        trials++;
      }
    }
    double mean = (double) total / trials;
    // each of 64 bits flips with probability 1/2: mean 32, std of the mean 4 / sqrt(trials)
    assertThat(mean).isBetween(32 - 6 * 4 / Math.sqrt(trials), 32 + 6 * 4 / Math.sqrt(trials));
  }

  @Test
  void splitStreamZeroIsTheSeedItself() {
    long[] seed = Seeds.forBlock(3, "dense_0/kernel", 0);
    long[] same = Seeds.split(seed, 0);
    assertThat(same).containsExactly(seed).isNotSameAs(seed);
    same[0] = 0;
    assertThat(seed[0]).isNotZero();
  }

  @Test
  void splitStreamsAreDistinctAndReproducible() {
    Set<Long> keys = new HashSet<>();
    int count = 0;
    for (String name : List.of("sparse_0/kernel", "dense_0/kernel", "dense_1/kernel")) {
      long[] seed = Seeds.forBlock(5, name, 0);
      keys.add(seed[0]);
      count++;
      for (int stream = 1; stream < 50; stream++) {
        long[] split = Seeds.split(seed, stream);
        assertThat(split).containsExactly(Seeds.split(seed.clone(), stream));
        keys.add(split[0]);
        keys.add(split[1]);
        count += 2;
      }
    }
    assertThat(keys).hasSize(count);
  }
}
