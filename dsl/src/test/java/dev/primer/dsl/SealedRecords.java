package dev.primer.dsl;

import java.util.HashSet;
import java.util.Set;

/** The records at the leaves of a sealed family, for tests that every kind is covered. */
public final class SealedRecords {
  private SealedRecords() {
    throw new AssertionError("no instances");
  }

  /** Every record class that implements the sealed {@code type}, however deep. */
  public static Set<Class<?>> of(Class<?> type) {
    Set<Class<?>> records = new HashSet<>();
    collect(type, records);
    return records;
  }

  private static void collect(Class<?> type, Set<Class<?>> into) {
    if (type.isRecord()) {
      into.add(type);
    } else {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        collect(sub, into);
      }
    }
  }
}
