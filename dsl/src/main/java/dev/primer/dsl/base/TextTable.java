package dev.primer.dsl.base;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Plain-text tables with aligned columns, as every Primer table prints them (the summary, the
 * diagnosis, comparisons, sweeps): each column as wide as its widest cell, numbers right-aligned,
 * trailing blanks trimmed.
 */
public final class TextTable {
  private TextTable() {
    throw new AssertionError("no instances");
  }

  /**
   * The rows (the header first, all of the same length) as lines ending in a newline.
   *
   * @param rightAligned which columns (from 0) are right-aligned; the others are left-aligned
   * @param gap blanks between columns
   */
  public static String render(List<List<String>> rows, IntPredicate rightAligned, int gap) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      if (row.size() != columns) {
        throw new IllegalArgumentException("every row needs " + columns + " cells, got "
            + row.size() + ": " + row);
      }
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    String separator = " ".repeat(gap);
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        String pad = " ".repeat(widths[c] - cell.length());
        line.append(rightAligned.test(c) ? pad + cell : cell + pad);
        if (c + 1 < columns) {
          line.append(separator);
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
