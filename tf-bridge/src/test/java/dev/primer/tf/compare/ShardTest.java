package dev.primer.tf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The slicing rule, its text form and its refusals; Execution's bounds. */
class ShardTest {

  @Test
  void everyRunIsInExactlyOneShardAndTheSizesDifferByAtMostOne() {
    int runs = 27;
    for (int count = 1; count <= 10; count++) {
      List<Integer> sizes = new ArrayList<>();
      for (int position = 0; position < runs; position++) {
        int p = position;
        int c = count;
        assertThat(IntStream.range(0, count).filter(i -> new Shard(i, c).holds(p)).count())
            .isEqualTo(1);
        assertThat(Shard.of(position, count).holds(position)).isTrue();
      }
      for (int i = 0; i < count; i++) {
        Shard shard = new Shard(i, count);
        sizes.add(shard.size(runs));
        assertThat(shard.size(runs)).isEqualTo(
            (int) IntStream.range(0, runs).filter(shard::holds).count());
      }
      assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(runs);
      assertThat(sizes.stream().mapToInt(Integer::intValue).max().getAsInt()
          - sizes.stream().mapToInt(Integer::intValue).min().getAsInt()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void parsesItsOwnTextAndRefusesOthers() {
    assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
    assertThat(Shard.parse(" 0 / 1 ")).isEqualTo(Shard.ALL);
    assertThat(Shard.parse(new Shard(3, 7).toString())).isEqualTo(new Shard(3, 7));
    assertThatThrownBy(() -> Shard.parse("4"))
        .hasMessage("a shard is written i/n with 0 <= i < n, such as 0/4; got '4'");
    assertThatThrownBy(() -> Shard.parse("-1/4"))
        .hasMessage("a shard is written i/n with 0 <= i < n, such as 0/4; got '-1/4'");
    assertThatThrownBy(() -> Shard.parse("4/4"))
        .hasMessage("the shard index must be in 0..3 for 4 shards, got 4");
    assertThatThrownBy(() -> Shard.parse("0/0"))
        .hasMessage("the number of shards must be >= 1, got 0");
  }

  @Test
  void jobsAreBoundedByFourPerCore() {
    int max = 4 * Runtime.getRuntime().availableProcessors();
    assertThat(Execution.maxJobs()).isEqualTo(max);
    assertThat(Execution.SEQUENTIAL.withJobs(max).jobs()).isEqualTo(max);
    assertThatThrownBy(() -> Execution.SEQUENTIAL.withJobs(0)).hasMessageStartingWith(
        "jobs must be between 1 and " + max + " (4 per core, ").hasMessageEndingWith("got 0");
    assertThatThrownBy(() -> Execution.SEQUENTIAL.withJobs(max + 1))
        .hasMessageEndingWith("got " + (max + 1));
  }
}
