package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.base.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Splits into training and validation parts: sizes, disjointness, seeds, strata. */
class ValidationSplitTest {

  /** {@code n} examples whose one feature is their index; class {@code i % classes}, skewed. */
  private static InMemoryDataset indexed(int n, int[] labels, int classes) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return InMemoryDataset.ofClasses(x, Shape.of(1), labels, classes);
  }

  private static List<Integer> indices(Dataset part) {
    float[] x = new float[part.size()];
    part.read(0, part.size(), x, 0, new float[part.size() * part.targetWidth()], 0);
    List<Integer> list = new ArrayList<>();
    for (float v : x) {
      list.add((int) v);
    }
    return list;
  }

  private static int[] cyclic(int n, int classes) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
    }
    return labels;
  }

  @Test
  void thePartsAreDisjointCoverEveryExampleAndHaveTheRoundedSizes() {
    InMemoryDataset data = indexed(103, cyclic(103, 2), 2);
    ValidationSplit split = data.split(0.2, 7);

    assertThat(split.validation().size()).isEqualTo(21); // round(20.6)
    assertThat(split.train().size()).isEqualTo(82);
    List<Integer> train = indices(split.train());
    List<Integer> validation = indices(split.validation());
    Set<Integer> all = new HashSet<>(train);
    all.addAll(validation);
    assertThat(all).hasSize(103);
    assertThat(train).isSorted();
    assertThat(validation).isSorted();
    // targets travel with their examples
    float[] y = new float[82 * 2];
    split.train().read(0, 82, new float[82], 0, y, 0);
    for (int k = 0; k < 82; k++) {
      int label = train.get(k) % 2;
      assertThat(y[2 * k + label]).isEqualTo(1f);
    }
    assertThat(split.train().exampleShape()).isEqualTo(Shape.of(1));
  }

  @Test
  void theSameSeedGivesTheSamePartsAndAnotherSeedOthers() {
    InMemoryDataset data = indexed(200, cyclic(200, 4), 4);
    List<Integer> first = indices(data.split(0.25, 11).validation());
    List<Integer> again = indices(data.split(0.25, 11).validation());
    List<Integer> other = indices(data.split(0.25, 12).validation());

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    // the first 50 of the seed's permutation
    int[] order = Shuffle.permutation(200, 11);
    List<Integer> expected = new ArrayList<>();
    for (int k = 0; k < 50; k++) {
      expected.add(order[k]);
    }
    assertThat(first).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aStratifiedSplitKeepsEachClassShare() {
    // 60 of class 0, 30 of class 1, 10 of class 2
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      labels[i] = i < 60 ? 0 : i < 90 ? 1 : 2;
    }
    InMemoryDataset data = indexed(100, labels, 3);
    for (long seed = 0; seed < 5; seed++) {
      ValidationSplit split = data.stratifiedSplit(0.25, seed);
      int[] counts = new int[3];
      for (int i : indices(split.validation())) {
        counts[labels[i]]++;
      }
      // 15, 7.5, 2.5: the floors 15, 7, 2 plus one to a remainder of 0.5 (the lower class)
      assertThat(counts).containsExactly(15, 8, 2);
      assertThat(split.train().size()).isEqualTo(75);
    }
    assertThat(indices(data.stratifiedSplit(0.25, 1).validation()))
        .isNotEqualTo(indices(data.stratifiedSplit(0.25, 2).validation()));
  }

  @Test
  void aPlainSplitDoesNotKeepTheSharesOfARareClass() {
    // the property stratification adds: over seeds, a plain split's count of a 5% class varies
    int[] labels = new int[100];
    for (int i = 95; i < 100; i++) {
      labels[i] = 1;
    }
    InMemoryDataset data = indexed(100, labels, 2);
    Set<Integer> plainCounts = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      plainCounts.add((int) indices(data.split(0.2, seed).validation()).stream()
          .filter(i -> i >= 95).count());
      assertThat(indices(data.stratifiedSplit(0.2, seed).validation()).stream()
          .filter(i -> i >= 95).count()).isEqualTo(1);
    }
    assertThat(plainCounts).hasSizeGreaterThan(1);
  }

  @Test
  void fractionsThatLeaveAPartEmptyAreRefused() {
    InMemoryDataset data = indexed(10, cyclic(10, 2), 2);
    assertThatThrownBy(() -> data.split(0.04, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("split: a validation fraction of 0.04 of 10 examples leaves the validation"
            + " part empty (0 of 10 examples for validation)");
    assertThatThrownBy(() -> data.stratifiedSplit(0.97, 1))
        .hasMessage("stratifiedSplit: a validation fraction of 0.97 of 10 examples leaves the"
            + " training part empty (10 of 10 examples for validation)");
    assertThatThrownBy(() -> data.split(1.0, 1))
        .hasMessage("split: the validation fraction must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> data.split(Double.NaN, 1))
        .hasMessage("split: the validation fraction must be in (0, 1), got NaN");
    assertThat(data.split(0.05, 1).validation().size()).isEqualTo(1);
  }

  @Test
  void stratifyingNeedsOneHotTargets() {
    InMemoryDataset regression = InMemoryDataset.ofTargets(new float[][] {{1}, {2}, {3}, {4}},
        new float[][] {{0, 1}, {1, 0}, {0.5f, 0.5f}, {1, 0}});
    assertThatThrownBy(() -> regression.stratifiedSplit(0.5, 1))
        .hasMessage("stratifiedSplit: example 2's targets [0.5, 0.5] are not one-hot;"
            + " stratifying needs class targets (one 1, the rest 0)");
    assertThat(regression.split(0.5, 1).validation().size()).isEqualTo(2);
  }
}
