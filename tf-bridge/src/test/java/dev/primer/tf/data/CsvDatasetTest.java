package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.base.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tabular data from CSV: headers, quoting, targets, classes and every error's text. */
class CsvDatasetTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static float[][] all(Dataset data) {
    float[] x = new float[(int) (data.size() * data.exampleShape().size())];
    float[] y = new float[data.size() * data.targetWidth()];
    data.read(0, data.size(), x, 0, y, 0);
    return new float[][] {x, y};
  }

  @Test
  void aHeaderNamesTheColumnsAndTextLabelsBecomeSortedClasses() throws IOException {
    Path file = write("flowers.csv", """
        id,length,species,width
        1,1.5,virginica,0.25
        2,-2,setosa,1e-1

        3,3.25,versicolor,4
        4,  0 ,setosa,5
        """);
    CsvDataset data = CsvDataset.read(file,
        CsvFormat.firstRowIsHeader().withClassColumn("species").withIgnoredColumns("id"));

    assertThat(data.file()).isEqualTo(file);
    assertThat(data.size()).isEqualTo(4);
    assertThat(data.exampleShape()).isEqualTo(Shape.of(2));
    assertThat(data.featureNames()).containsExactly("length", "width");
    assertThat(data.targetNames()).containsExactly("species");
    assertThat(data.classes()).containsExactly("setosa", "versicolor", "virginica");
    assertThat(data.targetWidth()).isEqualTo(3);
    float[][] xy = all(data);
    assertThat(xy[0]).containsExactly(1.5f, 0.25f, -2f, 0.1f, 3.25f, 4f, 0f, 5f);
    assertThat(xy[1]).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0);
    assertThat(data.line(0)).isEqualTo(2);
    assertThat(data.line(2)).isEqualTo(5); // after the empty line
  }

  @Test
  void withoutAHeaderColumnsAreChosenByIndexAndIntegerLabelsSortNumerically()
      throws IOException {
    Path file = write("digits.csv", "0.5;10;7\n1.5;2;8\n2.5;10;9\n");
    CsvDataset data = CsvDataset.read(file,
        CsvFormat.noHeader().withSeparator(';').withClassColumn(1));

    assertThat(data.classes()).containsExactly("2", "10");
    assertThat(data.featureNames()).containsExactly("column 0", "column 2");
    assertThat(all(data)[0]).containsExactly(0.5f, 7, 1.5f, 8, 2.5f, 9);
    assertThat(all(data)[1]).containsExactly(0, 1, 1, 0, 0, 1);
    assertThat(data.line(0)).isEqualTo(1);
  }

  @Test
  void quotedCellsMayHoldSeparatorsQuotesAndLineBreaks() throws IOException {
    Path file = write("notes.csv", "\"x\",\"note\",\"y\"\n"
        + "\"1.0\",\"a, b\",cat\n"
        + "2,\"he said \"\"hi\"\"\",dog\n"
        + "3,\"two\nlines\",cat\n"
        + "4,\"\",dog\n");
    CsvDataset data = CsvDataset.read(file,
        CsvFormat.firstRowIsHeader().withClassColumn("y").withIgnoredColumns(1));

    assertThat(all(data)[0]).containsExactly(1, 2, 3, 4);
    assertThat(data.classes()).containsExactly("cat", "dog");
    assertThat(data.line(2)).isEqualTo(4);
    assertThat(data.line(3)).isEqualTo(6); // the record before spans two lines
  }

  @Test
  void regressionTargetsComeInTheOrderChosen() throws IOException {
    Path file = write("houses.csv", "rooms,price,area,tax\n3,300,90,3\n5,520,140,5.5\n");
    CsvDataset data = CsvDataset.read(file,
        CsvFormat.firstRowIsHeader().withTargetColumns("tax", "price"));

    assertThat(data.featureNames()).containsExactly("rooms", "area");
    assertThat(data.targetNames()).containsExactly("tax", "price");
    assertThat(data.classes()).isEmpty();
    assertThat(data.targetWidth()).isEqualTo(2);
    assertThat(all(data)[0]).containsExactly(3, 90, 5, 140);
    assertThat(all(data)[1]).containsExactly(3, 300, 5.5f, 520);
  }

  @Test
  void aFixedVocabularyNumbersTheClassesAndRefusesOthers() throws IOException {
    Path train = write("train.csv", "x,label\n1,b\n2,a\n3,c\n");
    Path test = write("test.csv", "x,label\n4,c\n5,b\n6,d\n");
    CsvFormat format = CsvFormat.firstRowIsHeader().withClassColumn("label");
    CsvDataset trained = CsvDataset.read(train, format);
    assertThat(trained.classes()).containsExactly("a", "b", "c");

    Path fewer = write("fewer.csv", "x,label\n4,c\n5,b\n");
    CsvDataset sameNumbering = CsvDataset.read(fewer, format.withClasses(trained.classes()));
    assertThat(sameNumbering.classes()).isEqualTo(trained.classes());
    assertThat(all(sameNumbering)[1]).containsExactly(0, 0, 1, 0, 1, 0);
    assertThatThrownBy(() -> CsvDataset.read(test, format.withClasses(trained.classes())))
        .isInstanceOf(DataFileException.class)
        .hasMessage(test + ": line 4, column 1 (label): class \"d\" is not one of the given"
            + " classes [a, b, c]");
  }

  @Test
  void aBadCellIsNamedByFileLineAndColumn() throws IOException {
    CsvFormat format = CsvFormat.firstRowIsHeader().withClassColumn("y");
    Path word = write("word.csv", "a,b,y\n1,2,p\n3,abc,q\n");
    assertThatThrownBy(() -> CsvDataset.read(word, format))
        .isInstanceOf(DataFileException.class)
        .hasMessage(word + ": line 3, column 1 (b): \"abc\" is not a number");
    Path suffix = write("suffix.csv", "a,b,y\n1,2f,p\n");
    assertThatThrownBy(() -> CsvDataset.read(suffix, format))
        .hasMessage(suffix + ": line 2, column 1 (b): \"2f\" is not a number");
    Path missing = write("missing.csv", "a,b,y\n1,2,p\n3, ,q\n");
    assertThatThrownBy(() -> CsvDataset.read(missing, format))
        .hasMessage(missing + ": line 3, column 1 (b): missing value");
    Path nan = write("nan.csv", "a,b,y\n1,2,p\nNaN,2,q\n");
    assertThatThrownBy(() -> CsvDataset.read(nan, format))
        .hasMessage(nan + ": line 3, column 0 (a): \"NaN\" is not finite;"
            + " every value must be finite");
    Path huge = write("huge.csv", "a,b,y\n1,2,p\n1e39,2,q\n");
    assertThatThrownBy(() -> CsvDataset.read(huge, format))
        .hasMessage(huge + ": line 3, column 0 (a): \"1e39\" is beyond the float range"
            + " (+-3.4028235E38)");
    Path noLabel = write("nolabel.csv", "a,b,y\n1,2,\n");
    assertThatThrownBy(() -> CsvDataset.read(noLabel, format))
        .hasMessage(noLabel + ": line 2, column 2 (y): missing value");
    Path noHeader = write("noheader.csv", "1,2,p\n3,x,q\n");
    assertThatThrownBy(() -> CsvDataset.read(noHeader, CsvFormat.noHeader().withClassColumn(2)))
        .hasMessage(noHeader + ": line 2, column 1: \"x\" is not a number");
  }

  @Test
  void aRowOfAnotherLengthIsNamed() throws IOException {
    Path file = write("short.csv", "a,b,y\n1,2,p\n3,q\n");
    assertThatThrownBy(() -> CsvDataset.read(file,
        CsvFormat.firstRowIsHeader().withClassColumn("y")))
        .hasMessage(file + ": line 3 has 2 columns, expected 3 as on line 1 (the header)");
    Path longer = write("long.csv", "1,2,p\n3,4,q,5\n");
    assertThatThrownBy(() -> CsvDataset.read(longer, CsvFormat.noHeader().withClassColumn(2)))
        .hasMessage(longer + ": line 2 has 4 columns, expected 3 as on line 1 (the first row)");
  }

  @Test
  void columnsTheFileDoesNotHaveAreNamed() throws IOException {
    Path file = write("cols.csv", "a,b,y\n1,2,p\n3,4,q\n");
    assertThatThrownBy(() -> CsvDataset.read(file,
        CsvFormat.firstRowIsHeader().withClassColumn("species")))
        .hasMessage(file + ": no column named \"species\"; the header (line 1) names [a, b, y]");
    assertThatThrownBy(() -> CsvDataset.read(file, CsvFormat.noHeader().withClassColumn("y")))
        .hasMessage(file + ": column \"y\" is chosen by name, but the format has no header row;"
            + " choose columns by index");
    assertThatThrownBy(() -> CsvDataset.read(file,
        CsvFormat.firstRowIsHeader().withClassColumn(3)))
        .hasMessage(file + ": column 3 is outside the 3 columns (0..2)");
    assertThatThrownBy(() -> CsvDataset.read(file,
        CsvFormat.firstRowIsHeader().withClassColumn("y").withIgnoredColumns("y")))
        .hasMessage(file + ": column 2 (y) is chosen as the class column and as ignored");
    assertThatThrownBy(() -> CsvDataset.read(file,
        CsvFormat.firstRowIsHeader().withClassColumn("y").withIgnoredColumns(0, 1)))
        .hasMessage(file + ": no feature columns: all 3 columns are targets or ignored");
    Path same = write("same.csv", "a,a,y\n1,2,p\n3,4,q\n");
    assertThatThrownBy(() -> CsvDataset.read(same,
        CsvFormat.firstRowIsHeader().withTargetColumns("a")))
        .hasMessage(same + ": columns 0 and 1 are both named \"a\" in the header (line 1);"
            + " choose by index");
    assertThatThrownBy(() -> CsvDataset.read(file, CsvFormat.firstRowIsHeader()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CSV format: no target chosen; call withClassColumn or withTargetColumns");
  }

  @Test
  void emptyMissingAndMalformedFilesAreNamed() throws IOException {
    CsvFormat format = CsvFormat.firstRowIsHeader().withClassColumn("y");
    Path empty = write("empty.csv", "");
    assertThatThrownBy(() -> CsvDataset.read(empty, format))
        .hasMessage(empty + ": empty: expected a header row and at least one data row");
    Path headerOnly = write("header.csv", "a,y\n");
    assertThatThrownBy(() -> CsvDataset.read(headerOnly, format))
        .hasMessage(headerOnly + ": no data rows after the header (line 1)");
    Path oneClass = write("one.csv", "a,y\n1,p\n2,p\n");
    assertThatThrownBy(() -> CsvDataset.read(oneClass, format))
        .hasMessage(oneClass + ": column 1 (y) holds one class only (\"p\");"
            + " a class column needs at least 2");
    Path absent = dir.resolve("absent.csv");
    assertThatThrownBy(() -> CsvDataset.read(absent, format))
        .hasMessage(absent + ": does not exist");
    Path unclosed = write("unclosed.csv", "a,y\n1,p\n\"2,q\n");
    assertThatThrownBy(() -> CsvDataset.read(unclosed, format))
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(unclosed + ": line 3: malformed CSV: ");
  }

  @Test
  void formatsRefuseContradictions() {
    assertThatThrownBy(() -> CsvFormat.firstRowIsHeader().withClasses(List.of("a")))
        .hasMessage("CSV format: need at least 2 classes, got [a]");
    assertThatThrownBy(() -> CsvFormat.firstRowIsHeader().withClasses(List.of("a", "a")))
        .hasMessage("CSV format: classes must be distinct, not blank and without surrounding"
            + " spaces; got \"a\" in [a, a]");
    assertThatThrownBy(() -> CsvFormat.firstRowIsHeader().withClasses(List.of("a", "b"))
        .withTargetColumns(0))
        .hasMessage("CSV format: classes [a, b] are given, but the targets are value columns;"
            + " classes need a class column (withClassColumn)");
    assertThatThrownBy(() -> CsvFormat.noHeader().withSeparator('"'))
        .hasMessage("CSV format: the separator must not be a quote or a line break, got '\"'");
    assertThatThrownBy(() -> CsvFormat.noHeader().withClassColumn(-1))
        .hasMessage("CSV column: an index must be >= 0, got -1");
    assertThat(CsvFormat.noHeader().withClassColumn(2).target())
        .contains(new CsvTarget.ClassColumn(CsvColumn.at(2)));
  }

  @Test
  void aByteOrderMarkIsSkipped() throws IOException {
    Path file = write("bom.csv", "\uFEFFa,y\n1,p\n2,q\n");
    CsvDataset data = CsvDataset.read(file, CsvFormat.firstRowIsHeader().withClassColumn("y"));
    assertThat(data.featureNames()).containsExactly("a");
  }
}
