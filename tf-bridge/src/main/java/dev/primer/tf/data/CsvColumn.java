package dev.primer.tf.data;

import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A column of a CSV file, chosen by its header name or by its index (counted from 0, the first
 * column being 0). Messages about cells name the column by the same index, and by its header
 * name where the file has a header row.
 */
public sealed interface CsvColumn {

  /** The column whose header cell is {@code name} (trimmed); needs a header row. */
  static CsvColumn named(String name) {
    return new Named(name);
  }

  /** The column at {@code index}, counted from 0. */
  static CsvColumn at(int index) {
    return new At(index);
  }

  /**
   * The exhaustive match over the two kinds: {@code byIndex} applied to an {@link At}'s index,
   * {@code byName} to a {@link Named}'s name.
   */
  <R> R match(IntFunction<R> byIndex, Function<String, R> byName);

  /**
   * A column chosen by its header name.
   *
   * @param name the header cell's text, not blank
   */
  record Named(String name) implements CsvColumn {
    /** @throws IllegalArgumentException if the name is null or blank */
    public Named {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("CSV column: a name must not be blank, got "
            + (name == null ? "null" : "\"" + name + "\""));
      }
      name = name.trim();
    }

    @Override
    public <R> R match(IntFunction<R> byIndex, Function<String, R> byName) {
      return byName.apply(name);
    }

    @Override
    public String toString() {
      return "\"" + name + "\"";
    }
  }

  /**
   * A column chosen by its index.
   *
   * @param index counted from 0
   */
  record At(int index) implements CsvColumn {
    /** @throws IllegalArgumentException if the index is negative */
    public At {
      if (index < 0) {
        throw new IllegalArgumentException("CSV column: an index must be >= 0, got " + index);
      }
    }

    @Override
    public <R> R match(IntFunction<R> byIndex, Function<String, R> byName) {
      return byIndex.apply(index);
    }

    @Override
    public String toString() {
      return "column " + index;
    }
  }
}
