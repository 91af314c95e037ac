package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.base.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Data sets held in Java arrays: one-hot labels, copies, ranges and the rules. */
class InMemoryDatasetTest {

  @Test
  void labelsBecomeOneHotRowsAndTheArraysAreCopied() {
    float[] x = {1, 2, 3, 4, 5, 6};
    int[] labels = {2, 0, 1};
    InMemoryDataset data = InMemoryDataset.ofClasses(x, Shape.of(2), labels, 3);
    x[0] = 99;

    assertThat(data.size()).isEqualTo(3);
    assertThat(data.exampleShape()).isEqualTo(Shape.of(2));
    assertThat(data.targetWidth()).isEqualTo(3);
    float[] features = new float[4 + 1];
    float[] targets = new float[6 + 2];
    data.read(1, 2, features, 1, targets, 2);
    assertThat(features).containsExactly(0, 3, 4, 5, 6);
    assertThat(targets).containsExactly(0, 0, 1, 0, 0, 0, 1, 0);
    float[] first = new float[2];
    data.read(0, 1, first, 0, new float[3], 0);
    assertThat(first).containsExactly(1, 2);
  }

  @Test
  void realTargetsAreKeptAsGiven() {
    InMemoryDataset data = InMemoryDataset.ofTargets(new float[] {1, 2, 3, 4, 5, 6},
        Shape.of(1, 3), new float[] {0.5f, -1f}, 1);
    float[] y = new float[2];
    data.read(0, 2, new float[6], 0, y, 0);

    assertThat(data.size()).isEqualTo(2);
    assertThat(y).containsExactly(0.5f, -1f);
  }

  @Test
  void inconsistentDataIsRejectedNamingTheCounts() {
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(new float[10], Shape.of(4), new int[2], 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("features: 10 values is not a whole number of examples of shape [4]"
            + " (4 values each)");
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(new float[8], Shape.of(4), new int[3], 3))
        .hasMessage("labels: expected one per example (2), got 3");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(new float[8], Shape.of(4), new float[5], 2))
        .hasMessage("targets: expected 2 examples x 2 = 4 values, got 5");
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(new float[8], Shape.of(4),
        new int[] {0, 3}, 3))
        .hasMessage("label 1 is 3, outside 0..2");
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(new float[8], Shape.of(4), new int[2], 1))
        .hasMessage("classes must be >= 2, got 1");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(new float[8], Shape.of(4), new float[2], 0))
        .hasMessage("target width must be >= 1, got 0");
    InMemoryDataset data = InMemoryDataset.ofTargets(new float[8], Shape.of(4), new float[2], 1);
    assertThatThrownBy(() -> data.read(1, 2, new float[8], 0, new float[2], 0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("examples [1, 3) outside [0, 2)");
  }

  @Test
  void rowsAndGridsBecomeExamplesOfTheirShape() {
    InMemoryDataset rows = InMemoryDataset.ofClasses(
        new float[][] {{1, 2, 3}, {4, 5, 6}}, new int[] {1, 0}, 2);
    assertThat(rows.exampleShape()).isEqualTo(Shape.of(3));
    assertThat(rows.size()).isEqualTo(2);
    float[] x = new float[6];
    float[] y = new float[4];
    rows.read(0, 2, x, 0, y, 0);
    assertThat(x).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(y).containsExactly(0, 1, 1, 0);

    InMemoryDataset grids = InMemoryDataset.ofClasses(new float[][][] {
        {{1, 2}, {3, 4}, {5, 6}}, {{7, 8}, {9, 10}, {11, 12}}}, new int[] {0, 2}, 3);
    assertThat(grids.exampleShape()).isEqualTo(Shape.of(3, 2));
    float[] gx = new float[12];
    float[] gy = new float[6];
    grids.read(1, 1, gx, 0, gy, 0);
    assertThat(Arrays.copyOf(gx, 6)).containsExactly(7, 8, 9, 10, 11, 12);
    assertThat(Arrays.copyOf(gy, 3)).containsExactly(0, 0, 1);
  }

  @Test
  void aRaggedOrEmptyArrayIsRefusedNamingTheExample() {
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(
        new float[][] {{1, 2}, {3, 4}, {5}}, new int[] {0, 1, 0}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("example 2 has 1 values, expected 2 like example 0");
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(new float[][][] {
        {{1, 2}, {3, 4}}, {{5, 6}, {7}}}, new int[] {0, 1}, 2))
        .hasMessage("example 1, row 1 has 1 values, expected 2 like example 0");
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(new float[][][] {
        {{1, 2}, {3, 4}}, {{5, 6}}}, new int[] {0, 1}, 2))
        .hasMessage("example 1 has 1 rows, expected 2 like example 0");
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(new float[0][], new int[0], 2))
        .hasMessage("examples: need at least one, got none");
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(new float[][] {{1}}, new int[] {0, 1}, 2))
        .hasMessage("labels: expected one per example (1), got 2");
  }
}
