package dev.primer.dsl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
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
  void chainsGrownFromTheEmptyOneShareNothingWithIt() {
    Chain<Integer> first = Chain.<Integer>empty().plus(1).plus(2);
    Chain<Integer> second = Chain.<Integer>empty().plus(3).plus(4);
    assertThat(first.sharesStorageWith(Chain.empty())).isFalse();
    assertThat(second.sharesStorageWith(Chain.empty())).isFalse();
    assertThat(first.sharesStorageWith(second)).isFalse();
    assertThat(first.plus(5).sharesStorageWith(first)).isTrue();
  }

  @Test
  void aChainDroppedIsCollected() throws InterruptedException {
    // the empty chain is a constant: a chain grown from it must not write into storage it shares
    WeakReference<Object> element = grownAndDropped();
    for (int i = 0; i < 50 && element.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(element.get()).as("an element of a chain nobody holds").isNull();
  }

  private static WeakReference<Object> grownAndDropped() {
    Object layer = new Object();
    Chain<Object> chain = Chain.empty().plus(layer).plus("next").plus("last");
    assertThat(chain).hasSize(3);
    return new WeakReference<>(layer);
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
