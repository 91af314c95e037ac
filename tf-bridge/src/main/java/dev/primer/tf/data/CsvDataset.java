package dev.primer.tf.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.primer.dsl.base.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A data set read from a CSV file (RFC 4180: quoted cells may hold separators, doubled quotes
 * and line breaks), parsed by Jackson's CSV module. Each data row is one example: its feature
 * columns, in file order, are the example (shape {@code [features]}); its target column(s), chosen
 * by the {@link CsvFormat}, its target — one-hot classes or real values.
 * <pre>
 *   CsvDataset iris = CsvDataset.read(Path.of("iris.csv"),
 *       CsvFormat.firstRowIsHeader().withClassColumn("species"));
 *   iris.classes();        // [setosa, versicolor, virginica]: label -> class index
 *   iris.featureNames();   // [sepal_length, sepal_width, petal_length, petal_width]
 * </pre>
 *
 * <p>Reading: UTF-8 (a byte-order mark is skipped); empty lines are skipped; spaces around
 * unquoted cells are trimmed. Feature and value-target cells must be decimal numbers ({@code 3},
 * {@code -0.5}, {@code 1e-3}) and finite. Class labels are text or integers; unless fixed by
 * {@link CsvFormat#withClasses}, the classes are the labels found, sorted — numerically when every
 * label is an integer ({@code 2 < 10}), else as strings — so the numbering does not depend on the
 * row order. Every problem is a {@link DataFileException} naming the file, the line (from 1; for
 * a record spanning lines, the line it starts on) and the column (from 0, with its header name):
 * a cell that is missing, not a number or not finite, a row with another number of columns than
 * the first, a column chosen that the file does not have. The whole file is checked before a
 * data set is made; nothing is trained on a half-read file.
 *
 * <p>Scaling is a separate step, computed on the training part only: see
 * {@link Standardization}.
 */
public final class CsvDataset implements Dataset {
  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .enable(CsvParser.Feature.TRIM_SPACES)
      .build();

  private final Path file;
  private final InMemoryDataset data;
  private final List<String> featureNames;
  private final List<String> targetNames;
  private final List<String> classes;
  private final long[] lines;

  private CsvDataset(Path file, InMemoryDataset data, List<String> featureNames,
      List<String> targetNames, List<String> classes, long[] lines) {
    this.file = file;
    this.data = data;
    this.featureNames = List.copyOf(featureNames);
    this.targetNames = List.copyOf(targetNames);
    this.classes = List.copyOf(classes);
    this.lines = lines;
  }

  /**
   * Reads {@code file} as {@code format} says.
   *
   * @throws DataFileException if the file cannot be read or a cell, row or chosen column is
   *     wrong (the message names file, line and column)
   * @throws IllegalArgumentException if the format chooses no target
   */
  public static CsvDataset read(Path file, CsvFormat format) {
    CsvTarget target = format.target().orElseThrow(() -> new IllegalArgumentException(
        "CSV format: no target chosen; call withClassColumn or withTargetColumns"));
    Reading reading = new Reading(file, format, target);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvParser parser = FACTORY.createParser(reader)) {
      parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(format.separator()));
      reading.rows(parser);
    } catch (NoSuchFileException e) {
      throw DataFileException.noSuchFile(file);
    } catch (JsonProcessingException e) {
      throw DataFileException.malformedCsv(file, reading.line,
          e.getOriginalMessage().lines().findFirst().orElse("?"));
    } catch (IOException e) {
      throw DataFileException.notReadable(file.toString(), e);
    }
    return reading.dataset();
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /** The feature columns' names (header cells, or {@code column i}), in example order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The target columns' names: the class column, or the value columns in target order. */
  public List<String> targetNames() {
    return targetNames;
  }

  /**
   * The class vocabulary: label {@code classes().get(i)} is class {@code i} (one-hot position
   * {@code i}); empty for value targets. Pass it to {@link CsvFormat#withClasses} to read another
   * file with the same numbering.
   */
  public List<String> classes() {
    return classes;
  }

  /** The line (from 1) on which example {@code example}'s record starts. */
  public long line(int example) {
    if (example < 0 || example >= lines.length) {
      throw new IndexOutOfBoundsException("example " + example + " outside [0, " + lines.length
          + ")");
    }
    return lines[example];
  }

  @Override
  public int size() {
    return data.size();
  }

  @Override
  public Shape exampleShape() {
    return data.exampleShape();
  }

  @Override
  public int targetWidth() {
    return data.targetWidth();
  }

  @Override
  public void read(int from, int count, float[] features, int featuresOffset, float[] targets,
      int targetsOffset) {
    data.read(from, count, features, featuresOffset, targets, targetsOffset);
  }

  @Override
  public String toString() {
    return "CsvDataset[" + file + ": " + size() + " examples of " + featureNames.size()
        + " features, targets " + (classes.isEmpty() ? targetNames : classes) + "]";
  }

  /** One pass over the rows: the header, the column roles, then cell by cell. */
  private static final class Reading {
    private enum Role { FEATURE, TARGET, CLASS, IGNORED }

    private final Path file;
    private final CsvFormat format;
    private final CsvTarget target;
    private long line = 1;
    private long firstLine;
    private List<String> names;
    private Role[] roles;
    private int[] targetSlot;
    private int featureCount;
    private int targetCount;
    private final Floats features = new Floats();
    private final Floats targets = new Floats();
    private final List<String> labels = new ArrayList<>();
    private final List<Long> labelLines = new ArrayList<>();
    private int classColumn = -1;
    private final List<Long> exampleLines = new ArrayList<>();
    private final List<String> cells = new ArrayList<>();

    Reading(Path file, CsvFormat format, CsvTarget target) {
      this.file = file;
      this.format = format;
      this.target = target;
    }

    void rows(CsvParser parser) throws IOException {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_ARRAY -> {
            // the token's own location is not kept for START_ARRAY; the reader stands at the
            // first character of the record
            line = parser.currentLocation().getLineNr();
            cells.clear();
          }
          case VALUE_STRING -> cells.add(parser.getText());
          case END_ARRAY -> row();
          default -> throw DataFileException.malformedCsv(file, line, "unexpected " + token);
        }
      }
    }

    private void row() {
      if (roles == null) {
        if (!cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
          cells.set(0, cells.get(0).substring(1));
        }
        firstLine = line;
        names = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
          names.add(format.hasHeader() ? cells.get(i).trim() : "column " + i);
        }
        assignRoles();
        if (format.hasHeader()) {
          return;
        }
      }
      if (cells.size() != roles.length) {
        throw DataFileException.wrongColumnCount(file, line, cells.size(), roles.length,
            firstLine, format.hasHeader());
      }
      for (int i = 0; i < roles.length; i++) {
        switch (roles[i]) {
          case FEATURE -> features.add(number(i));
          case TARGET -> targets.add(number(i));
          case CLASS -> {
            String label = cells.get(i).trim();
            if (label.isEmpty()) {
              throw DataFileException.missingCell(file, line, column(i));
            }
            labels.add(label);
          }
          case IGNORED -> { }
        }
      }
      if (targetSlot.length > 1) {
        targets.reorderLast(targetSlot);
      }
      exampleLines.add(line);
    }

    private float number(int i) {
      String text = cells.get(i).trim();
      if (text.isEmpty()) {
        throw DataFileException.missingCell(file, line, column(i));
      }
      boolean plain = text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.' || c == '-'
          || c == '+' || c == 'e' || c == 'E');
      String word = text.toLowerCase(java.util.Locale.ROOT).replaceFirst("^[+-]", "");
      if (word.equals("nan") || word.equals("inf") || word.equals("infinity")) {
        throw DataFileException.notFinite(file, line, column(i), text);
      }
      float value;
      try {
        value = plain ? Float.parseFloat(text) : Float.NaN;
      } catch (NumberFormatException e) {
        plain = false;
        value = Float.NaN;
      }
      if (!plain) {
        throw DataFileException.notANumber(file, line, column(i), text);
      }
      if (!Float.isFinite(value)) {
        throw DataFileException.beyondFloat(file, line, column(i), text);
      }
      return value;
    }

    /** {@code column 2 (petal_length)}, or {@code column 2} without a header. */
    private String column(int i) {
      return format.hasHeader() ? "column " + i + " (" + names.get(i) + ")" : "column " + i;
    }

    private void assignRoles() {
      roles = new Role[names.size()];
      Arrays.fill(roles, Role.FEATURE);
      Role targetRole = target.isClassColumn() ? Role.CLASS : Role.TARGET;
      List<Integer> targetIndices = new ArrayList<>();
      for (CsvColumn c : target.columns()) {
        int index = resolve(c);
        assign(index, targetRole);
        targetIndices.add(index);
      }
      for (CsvColumn c : format.ignored()) {
        assign(resolve(c), Role.IGNORED);
      }
      classColumn = targetRole == Role.CLASS ? targetIndices.get(0) : -1;
      // cells are read in file order; targets are wanted in the order chosen
      List<Integer> inFileOrder = targetIndices.stream().sorted().toList();
      targetSlot = inFileOrder.stream().mapToInt(targetIndices::indexOf).toArray();
      targetCount = targetRole == Role.TARGET ? targetIndices.size() : 0;
      for (Role r : roles) {
        featureCount += r == Role.FEATURE ? 1 : 0;
      }
      if (featureCount == 0) {
        throw DataFileException.noFeatureColumns(file, roles.length);
      }
    }

    private void assign(int index, Role role) {
      if (roles[index] != Role.FEATURE) {
        throw DataFileException.chosenTwice(file, column(index), describe(roles[index]),
            describe(role));
      }
      roles[index] = role;
    }

    private static String describe(Role role) {
      return switch (role) {
        case FEATURE -> "a feature";
        case TARGET -> "a target";
        case CLASS -> "the class column";
        case IGNORED -> "ignored";
      };
    }

    private int resolve(CsvColumn column) {
      return column.match(this::atIndex, this::named);
    }

    private int atIndex(int index) {
      if (index >= names.size()) {
        throw DataFileException.columnOutside(file, index, names.size());
      }
      return index;
    }

    private int named(String name) {
      if (!format.hasHeader()) {
        throw DataFileException.nameWithoutHeader(file, name);
      }
      int first = names.indexOf(name);
      if (first < 0) {
        throw DataFileException.noSuchColumn(file, name, names);
      }
      int last = names.lastIndexOf(name);
      if (last != first) {
        throw DataFileException.ambiguousColumn(file, name, first, last);
      }
      return first;
    }

    CsvDataset dataset() {
      if (roles == null) {
        throw DataFileException.emptyCsv(file, format.hasHeader());
      }
      if (exampleLines.isEmpty()) {
        throw DataFileException.noDataRows(file);
      }
      long[] lines = exampleLines.stream().mapToLong(Long::longValue).toArray();
      List<String> featureNames = new ArrayList<>();
      List<String> targetNames = new ArrayList<>();
      for (int i = 0; i < roles.length; i++) {
        if (roles[i] == Role.FEATURE) {
          featureNames.add(names.get(i));
        }
      }
      Shape shape = Shape.of(featureCount);
      if (classColumn < 0) {
        for (int slot = 0; slot < targetSlot.length; slot++) {
          targetNames.add(targetName(slot));
        }
        InMemoryDataset data = InMemoryDataset.owning(features.toArray(), shape,
            targets.toArray(), targetCount);
        return new CsvDataset(file, data, featureNames, targetNames, List.of(), lines);
      }
      targetNames.add(names.get(classColumn));
      List<String> vocabulary = format.classes().isEmpty() ? vocabulary() : format.classes();
      Map<String, Integer> index = new HashMap<>();
      for (int c = 0; c < vocabulary.size(); c++) {
        index.put(vocabulary.get(c), c);
      }
      int[] classOf = new int[labels.size()];
      for (int i = 0; i < classOf.length; i++) {
        Integer c = index.get(labels.get(i));
        if (c == null) {
          throw DataFileException.unknownClass(file, lines[i], column(classColumn),
              labels.get(i), vocabulary);
        }
        classOf[i] = c;
      }
      InMemoryDataset data = InMemoryDataset.ofClassesOwning(features.toArray(), shape, classOf,
          vocabulary.size());
      return new CsvDataset(file, data, featureNames, targetNames, vocabulary, lines);
    }

    /** The name of the target column in target position {@code slot}. */
    private String targetName(int slot) {
      int k = 0;
      for (int i = 0; i < roles.length; i++) {
        if (roles[i] == Role.TARGET) {
          if (targetSlot[k] == slot) {
            return names.get(i);
          }
          k++;
        }
      }
      throw new AssertionError("no target in slot " + slot);
    }

    /** The labels found, sorted: numerically if every label is an integer, else as strings. */
    private List<String> vocabulary() {
      TreeSet<String> distinct = new TreeSet<>(labels);
      boolean integers = distinct.stream().allMatch(l -> l.matches("[+-]?\\d{1,18}"));
      Comparator<String> order = integers
          ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder();
      List<String> sorted = distinct.stream().sorted(order).toList();
      if (sorted.size() < 2) {
        throw DataFileException.oneClass(file, column(classColumn), sorted.get(0));
      }
      return sorted;
    }
  }

  /** A growing float array. */
  private static final class Floats {
    private float[] values = new float[1024];
    private int size;

    void add(float v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, Math.multiplyExact(values.length, 2));
      }
      values[size++] = v;
    }

    /** Puts the last {@code slot.length} values, added in file order, into target order. */
    void reorderLast(int[] slot) {
      float[] row = Arrays.copyOfRange(values, size - slot.length, size);
      for (int k = 0; k < slot.length; k++) {
        values[size - slot.length + slot[k]] = row[k];
      }
    }

    float[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
