package dev.primer.dsl.spec;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list for the layers of a {@link NetSpec} (and what it keeps per layer), which
 * shares its storage with the spec it grew from, so that each step of a chain costs the same
 * however long the chain is: appending a layer or replacing the last one (an activation, an init) copies nothing, and building or
 * parsing a net of n layers takes time linear in n (copying the list at each step made 100,000
 * layers take 40 s).
 *
 * <p>All layers but the last live in an append-only array shared by every list grown from the
 * same start; the last is held apart, so replacing it leaves the array alone. Appending to the
 * newest list of a chain writes one slot past what any list sees; appending to an older one (a
 * block reused, {@code var a = b.dense(4)} then {@code b.dense(8)}) copies its layers first.
 * Slots a list sees are written before it is made and never written again, so lists may be read
 * from any thread.
 */
final class Chain<T> extends AbstractList<T> implements RandomAccess {
  /** The array that lists grown from one start share, and how much of it is written. */
  private static final class Storage {
    private Object[] array;
    private int used;

    Storage(Object[] array, int used) {
      this.array = array;
      this.used = used;
    }
  }

  private static final Chain<?> EMPTY = new Chain<>(new Storage(new Object[0], 0), new Object[0], 0,
      null);

  private final Storage storage;
  /** The shared array as it was when this list was made; slots below {@code prefix} are final. */
  private final Object[] array;
  /** How many layers come from the array: all but the last. */
  private final int prefix;
  /** The last layer, null when the list is empty. */
  private final T last;

  private Chain(Storage storage, Object[] array, int prefix, T last) {
    this.storage = storage;
    this.array = array;
    this.prefix = prefix;
    this.last = last;
  }

  /** The empty chain. */
  @SuppressWarnings("unchecked")
  static <T> Chain<T> empty() {
    return (Chain<T>) EMPTY;
  }

  /** The elements of {@code list}, in order; none may be null. */
  @SuppressWarnings("unchecked")
  static <T> Chain<T> of(List<T> list) {
    if (list instanceof Chain<T> chain) {
      return chain;
    }
    if (list.isEmpty()) {
      return empty();
    }
    Object[] copy = list.toArray();
    for (Object element : copy) {
      Objects.requireNonNull(element, "element");
    }
    int prefix = copy.length - 1;
    return new Chain<>(new Storage(copy, prefix), copy, prefix, (T) copy[prefix]);
  }

  /** This list followed by {@code element}. */
  Chain<T> plus(T element) {
    Objects.requireNonNull(element, "element");
    if (last == null) {
      // a storage of its own: sharing the empty chain's would pin the first net built in a
      // static array for the life of the JVM and make every chain take one global lock
      Storage fresh = new Storage(new Object[8], 0);
      return new Chain<>(fresh, fresh.array, 0, element);
    }
    synchronized (storage) {
      if (storage.used == prefix) {
        if (storage.array.length == prefix) {
          storage.array = Arrays.copyOf(storage.array, Math.max(8, prefix * 2));
        }
        storage.array[prefix] = last;
        storage.used = prefix + 1;
        return new Chain<>(storage, storage.array, prefix + 1, element);
      }
    }
    Object[] copy = Arrays.copyOf(array, Math.max(8, prefix * 2));
    copy[prefix] = last;
    return new Chain<>(new Storage(copy, prefix + 1), copy, prefix + 1, element);
  }

  /** Whether this list and {@code other} grow in the same shared array (for tests). */
  boolean sharesStorageWith(Chain<?> other) {
    return storage == other.storage;
  }

  /** This list with its last element replaced; the caller checked there is one. */
  Chain<T> withLast(T element) {
    Objects.requireNonNull(element, "element");
    return new Chain<>(storage, array, prefix, element);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    Objects.checkIndex(index, size());
    return index == prefix ? last : (T) array[index];
  }

  @Override
  public int size() {
    return last == null ? 0 : prefix + 1;
  }
}
