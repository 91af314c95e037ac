package dev.primer.tf.internal.stacked;

import java.util.ArrayList;
import java.util.List;

/**
 * A list cut into consecutive parts as equal in size as they can be: sizes differ by at most
 * one, the larger parts last ({@code 11} items in 3 parts: 3, 4, 4). How a comparison cuts its
 * runs into groups and a group into lanes.
 */
public final class EvenParts {
  private EvenParts() {
    throw new AssertionError("no instances");
  }

  /**
   * {@code items} in order, in {@code parts} parts (each an unmodifiable copy).
   *
   * @throws IllegalArgumentException unless {@code 1 <= parts <= items.size()}
   */
  public static <T> List<List<T>> of(List<T> items, int parts) {
    if (parts < 1 || parts > items.size()) {
      throw new IllegalArgumentException("even parts: " + parts + " parts of " + items.size()
          + " items; 1 to " + items.size());
    }
    List<List<T>> cut = new ArrayList<>();
    int start = 0;
    for (int p = 0; p < parts; p++) {
      int end = start + (items.size() - start) / (parts - p);
      cut.add(List.copyOf(items.subList(start, end)));
      start = end;
    }
    return List.copyOf(cut);
  }
}
