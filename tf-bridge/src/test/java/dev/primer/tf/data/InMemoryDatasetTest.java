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

  @Test
  void imagesOfChannelsBecomeExamplesOfTheirShape() {
    float[][][][] images = new float[3][2][4][3];
    for (int i = 0; i < 3; i++) {
      for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 4; c++) {
          for (int k = 0; k < 3; k++) {
            images[i][r][c][k] = 100 * i + 10 * (r * 4 + c) + k;
          }
        }
      }
    }
    InMemoryDataset data = InMemoryDataset.ofClasses(images, new int[] {2, 0, 1}, 3);
    images[1][0][0][0] = -1;

    assertThat(data.exampleShape()).isEqualTo(Shape.of(2, 4, 3));
    assertThat(data.size()).isEqualTo(3);
    float[] x = new float[24];
    float[] y = new float[3];
    data.read(1, 1, x, 0, y, 0);
    for (int v = 0; v < 24; v++) {
      assertThat(x[v]).isEqualTo(100 + 10 * (v / 3) + v % 3);
    }
    assertThat(y).containsExactly(1, 0, 0);
  }

  @Test
  void regressionTargetsComeInEveryForm() {
    InMemoryDataset single = InMemoryDataset.ofTargets(
        new float[][] {{1, 2}, {3, 4}, {5, 6}}, new float[] {0.5f, -1f, 2f});
    assertThat(single.exampleShape()).isEqualTo(Shape.of(2));
    assertThat(single.targetWidth()).isEqualTo(1);
    assertThat(all(single)[0]).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(all(single)[1]).containsExactly(0.5f, -1f, 2f);

    InMemoryDataset rows = InMemoryDataset.ofTargets(
        new float[][] {{1, 2}, {3, 4}}, new float[][] {{7, 8, 9}, {10, 11, 12}});
    assertThat(rows.targetWidth()).isEqualTo(3);
    assertThat(all(rows)[1]).containsExactly(7, 8, 9, 10, 11, 12);

    float[][][] sequences = {{{1, 2}, {3, 4}, {5, 6}}, {{7, 8}, {9, 10}, {11, 12}}};
    InMemoryDataset seq1 = InMemoryDataset.ofTargets(sequences, new float[] {1, 2});
    InMemoryDataset seq2 = InMemoryDataset.ofTargets(sequences, new float[][] {{1, 2}, {3, 4}});
    assertThat(seq1.exampleShape()).isEqualTo(Shape.of(3, 2));
    assertThat(all(seq1)[0]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(all(seq2)[1]).containsExactly(1, 2, 3, 4);

    float[][][][] images = {{{{1}, {2}}}, {{{3}, {4}}}};
    InMemoryDataset img1 = InMemoryDataset.ofTargets(images, new float[] {5, 6});
    InMemoryDataset img2 = InMemoryDataset.ofTargets(images, new float[][] {{5}, {6}});
    assertThat(img1.exampleShape()).isEqualTo(Shape.of(1, 2, 1));
    assertThat(all(img1)[0]).containsExactly(1, 2, 3, 4);
    assertThat(all(img2)[1]).containsExactly(5, 6);
  }

  @Test
  void raggedImagesAndTargetsAreRefusedNamingTheIndex() {
    float[][][][] images = new float[3][2][2][3];
    images[2][1][0] = new float[2];
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(images, new int[3], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("example 2, row 1, column 0 has 2 values, expected 3 like example 0");
    images[2][1] = new float[1][3];
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(images, new int[3], 2))
        .hasMessage("example 2, row 1 has 1 columns, expected 2 like example 0");
    images[1] = null;
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(images, new int[3], 2))
        .hasMessage("example 1 is null");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(new float[][] {{1}, {2}},
        new float[][] {{1, 2}, {3}}))
        .hasMessage("targets: example 1 has 1 values, expected 2 like example 0");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(new float[][] {{1}, {2}},
        new float[] {1, 2, 3}))
        .hasMessage("targets: expected one per example (2), got 3");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(new float[][] {{1}, {2}},
        new float[][] {{1}}))
        .hasMessage("targets: expected one per example (2), got 1");
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(new float[][][][] {{{{1}}}, {{{2}}}},
        new int[] {0, 5}, 3))
        .hasMessage("label 1 is 5, outside 0..2");
  }

  @Test
  void aNanOrInfinityIsRefusedNamingTheExampleAndFeature() {
    float[][] rows = {{1, 2, 3}, {4, 5, 6}, {7, Float.NaN, 9}};
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(rows, new int[3], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("features: example 2, feature 1 is NaN; every value must be finite");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(rows, new float[3]))
        .hasMessage("features: example 2, feature 1 is NaN; every value must be finite");
    float[] flat = new float[6 * 4];
    flat[4 * 4 + 3] = Float.NEGATIVE_INFINITY;
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(flat, Shape.of(2, 2), new int[6], 2))
        .hasMessage("features: example 4, feature [1, 1] is -Infinity;"
            + " every value must be finite");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(flat, Shape.of(4), new float[6], 1))
        .hasMessage("features: example 4, feature 3 is -Infinity; every value must be finite");
    float[][][] grids = new float[2][3][2];
    grids[1][2][0] = Float.POSITIVE_INFINITY;
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(grids, new int[2], 2))
        .hasMessage("features: example 1, feature [2, 0] is Infinity;"
            + " every value must be finite");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(grids, new float[2]))
        .hasMessage("features: example 1, feature [2, 0] is Infinity;"
            + " every value must be finite");
    float[][][][] images = new float[3][2][2][3];
    images[0][1][0][2] = Float.NaN;
    assertThatThrownBy(() -> InMemoryDataset.ofClasses(images, new int[3], 2))
        .hasMessage("features: example 0, feature [1, 0, 2] is NaN; every value must be finite");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(images, new float[3][1]))
        .hasMessage("features: example 0, feature [1, 0, 2] is NaN; every value must be finite");

    float[][] x = {{1}, {2}, {3}};
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(x, new float[] {0, 0, Float.NaN}))
        .hasMessage("targets: example 2, target 0 is NaN; every value must be finite");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(x,
        new float[][] {{0, 0}, {0, Float.POSITIVE_INFINITY}, {0, 0}}))
        .hasMessage("targets: example 1, target 1 is Infinity; every value must be finite");
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(new float[] {1, 2, 3}, Shape.of(1),
        new float[] {0, 0, 0, 0, 0, Float.NaN}, 2))
        .hasMessage("targets: example 2, target 1 is NaN; every value must be finite");
  }

  @Test
  void theFiniteCheckPassesTheLargestFloatsAndFindsANanAmongThem() {
    float[] x = new float[3 * 4096 + 7];
    java.util.Arrays.fill(x, Float.MAX_VALUE);
    InMemoryDataset.ofTargets(x, Shape.of(1), new float[x.length], 1);
    x[2 * 4096 - 1] = Float.NaN;
    assertThatThrownBy(() -> InMemoryDataset.ofTargets(x, Shape.of(1), new float[x.length], 1))
        .hasMessage("features: example 8191, feature 0 is NaN; every value must be finite");
  }

  /** Features and targets of every example, row-major. */
  private static float[][] all(Dataset data) {
    float[] x = new float[(int) (data.size() * data.exampleShape().size())];
    float[] y = new float[data.size() * data.targetWidth()];
    data.read(0, data.size(), x, 0, y, 0);
    return new float[][] {x, y};
  }
}
