package dev.primer.dsl.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void distanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("abc", "")).isEqualTo(3);
    assertThat(Suggestions.distance("dense", "dense")).isZero();
    assertThat(Suggestions.distance("dence", "dense")).isEqualTo(1);
    assertThat(Suggestions.distance("dens", "dense")).isEqualTo(1);
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1); // a swap of neighbours: one edit
    assertThat(Suggestions.distance("rleu", "relu")).isEqualTo(1);
    assertThat(Suggestions.distance("abc", "ca")).isEqualTo(3); // no edit of a swapped pair
  }

  @Test
  void distanceIsSymmetric() {
    List<String> words = List.of("relu", "leakyRelu", "elu", "selu", "gelu", "", "he_normal");
    for (String a : words) {
      for (String b : words) {
        assertThat(Suggestions.distance(a, b)).isEqualTo(Suggestions.distance(b, a));
      }
    }
  }

  @Test
  void suggestsTheClosestKnownWord() {
    List<String> known = List.of("dense", "conv2d", "dropout");
    assertThat(Suggestions.closest("dence", known)).contains("dense");
    assertThat(Suggestions.closest("dropot", known)).contains("dropout");
    assertThat(Suggestions.closest("conv", known)).isEmpty(); // 2 edits, limit 1 for 4 letters
  }

  @Test
  void allowsAThirdOfTheWordsLengthBetweenOneAndThreeEdits() {
    // 2 letters: limit 1
    assertThat(Suggestions.closest("ab", List.of("xb"))).contains("xb");
    assertThat(Suggestions.closest("ab", List.of("xy"))).isEmpty();
    // 6 letters: limit 2
    assertThat(Suggestions.closest("abcdef", List.of("abcdxy"))).contains("abcdxy");
    assertThat(Suggestions.closest("abcdef", List.of("abcxyz"))).isEmpty();
    // 15 letters: limit 3, not 5
    assertThat(Suggestions.closest("abcdefghijklmno", List.of("abcdefghijklxyz"))).isPresent();
    assertThat(Suggestions.closest("abcdefghijklmno", List.of("abcdefghijkwxyz"))).isEmpty();
  }

  @Test
  void prefersTheNearestAndThenTheFirstListed() {
    assertThat(Suggestions.closest("selu", List.of("elu", "relu", "selu"))).contains("selu");
    assertThat(Suggestions.closest("xelu", List.of("elu", "relu", "selu"))).contains("elu");
  }

  @Test
  void suggestsTheWordThatDiffersOnlyInCaseFirst() {
    List<String> known = List.of("elu", "relu", "leakyRelu");
    assertThat(Suggestions.closest("RELU", known)).contains("relu");
    assertThat(Suggestions.closest("LeakyRELU", known)).contains("leakyRelu");
    assertThat(Suggestions.closest("ELU", known)).contains("elu");
  }

  @Test
  void countsASwapOfNeighbouringLettersAsOneEdit() {
    List<String> known = List.of("relu", "elu", "dense", "dropout");
    assertThat(Suggestions.closest("rleu", known)).contains("relu");
    assertThat(Suggestions.closest("desne", known)).contains("dense");
    assertThat(Suggestions.closest("Rleu", known)).contains("relu");
  }
}
