package dev.primer.tf.data;

import java.util.List;

/**
 * What a CSV file's targets are: one column of class labels, or columns of real values.
 */
public sealed interface CsvTarget {

  /** The target columns: the class column alone, or the value columns in target order. */
  List<CsvColumn> columns();

  /** Whether the target is a class column (else value columns). */
  boolean isClassColumn();

  /**
   * One column of class labels (text such as {@code setosa}, or integers), turned into one-hot
   * targets over the file's classes; see {@link CsvDataset#classes()}.
   *
   * @param column the label column
   */
  record ClassColumn(CsvColumn column) implements CsvTarget {
    /** @throws IllegalArgumentException if the column is null */
    public ClassColumn {
      if (column == null) {
        throw new IllegalArgumentException("CSV class column: must not be null");
      }
    }

    @Override
    public List<CsvColumn> columns() {
      return List.of(column);
    }

    @Override
    public boolean isClassColumn() {
      return true;
    }
  }

  /**
   * Columns of real-valued targets, in this order (regression).
   *
   * @param columns at least one
   */
  record ValueColumns(List<CsvColumn> columns) implements CsvTarget {
    /** @throws IllegalArgumentException if there are no columns or one is null */
    public ValueColumns {
      if (columns == null || columns.isEmpty()
          || columns.stream().anyMatch(java.util.Objects::isNull)) {
        throw new IllegalArgumentException("CSV target columns: need at least one, none null");
      }
      columns = List.copyOf(columns);
    }

    @Override
    public boolean isClassColumn() {
      return false;
    }
  }
}
