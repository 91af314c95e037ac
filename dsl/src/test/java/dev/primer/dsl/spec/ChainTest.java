package dev.primer.dsl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainTest {

  @Test
  void growsLikeAList() {
    Chain<Integer> chain = Chain.empty();
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      chain = chain.plus(i);
      expected.add(i);
      assertThat(chain).containsExactlyElementsOf(expected);
    }
    chain = chain.withLast(-1);
    expected.set(99, -1);
    assertThat(chain).containsExactlyElementsOf(expected);
    assertThat(Chain.of(expected)).isEqualTo(chain);
  }

  @Test
  void branchesDoNotSeeEachOther() {
    Chain<String> base = Chain.<String>empty().plus("a").plus("b");
    Chain<String> left = base.plus("c");
    Chain<String> right = base.plus("x").plus("y");
    Chain<String> replaced = base.withLast("B");
    Chain<String> fromReplaced = replaced.plus("z");
    Chain<String> leftMore = left.plus("d");
    assertThat(base).containsExactly("a", "b");
    assertThat(left).containsExactly("a", "b", "c");
    assertThat(right).containsExactly("a", "b", "x", "y");
    assertThat(replaced).containsExactly("a", "B");
    assertThat(fromReplaced).containsExactly("a", "B", "z");
    assertThat(leftMore).containsExactly("a", "b", "c", "d");
    assertThat(Chain.of(List.of("q")).plus("r")).containsExactly("q", "r");
  }

  @Test
  void cannotBeChangedOrIndexedPastItsEnd() {
    Chain<String> chain = Chain.<String>empty().plus("a");
    assertThatThrownBy(() -> chain.add("b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> chain.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> chain.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Chain.<String>empty().get(0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
