package dev.primer.dsl.base;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one call of the spec language looks in text and in Java: its name, its typed arguments
 * with their defaults, how it reads its arguments (checking them) and how it writes a value back
 * (leaving out trailing defaults). Every layer kind, activation and initializer has one, and the
 * Java steps, the parser and the writer all go through it, so a name, an argument or a default is
 * written once:
 * <pre>
 *   static final Signature&lt;Conv2d&gt; SIGNATURE = Signature.named("conv2d")
 *       .required(Param.integer("filters"), Param.integer("kernel"))
 *       .optional(Param.integer("stride").or(1))
 *       .optional(Param.choice("padding", Padding.class).or(Padding.VALID))
 *       .build(v -&gt; new Conv2d(v.integer(0), v.integer(1), v.integer(2), v.get(3, Padding.class)),
 *           Signature.writing(Conv2d.class, c -&gt; List.of(c.filters(), c.kernel(), c.stride(),
 *               c.padding())));
 * </pre>
 * {@code conv2d(32,5)} reads as {@code new Conv2d(32, 5, 1, VALID)} and that value writes back
 * as {@code conv2d(32,5)}; its usage line is {@code conv2d(filters,kernel[,stride[,valid|same]])}.
 *
 * <p>The one engine that checks arguments: every message about a call's arguments comes from
 * here ({@code "dense: argument 1 must be a whole number, got 10.5"}), as an
 * {@link ArgumentException} that says which argument was at fault.
 *
 * @param <T> the value a call builds
 */
public final class Signature<T> {
  private final String name;
  private final List<Param> params;
  private final List<Integer> counts;
  private final boolean rest;
  private final List<Integer> writtenCounts;
  private final Function<Values, ? extends T> create;
  private final Function<Object, Optional<List<Object>>> written;

  private Signature(Builder b, Function<Values, ? extends T> create,
      Function<Object, Optional<List<Object>>> written) {
    this.name = b.name;
    this.params = List.copyOf(b.params);
    this.counts = List.copyOf(b.counts);
    this.rest = b.rest;
    this.writtenCounts = b.writtenCounts != null ? b.writtenCounts : this.counts;
    this.create = create;
    this.written = written;
  }

  /** Starts the signature of the call {@code name}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** A name that stands for one fixed value and takes no arguments: {@code he_normal}. */
  public static <T> Signature<T> preset(String name, T value) {
    return named(name).build(v -> value,
        o -> value.equals(o) ? Optional.of(List.of()) : Optional.empty());
  }

  /** Another name for a value, read but never written (the canonical name writes it). */
  public static <T> Signature<T> alias(String name, T value) {
    return named(name).build(v -> value, o -> Optional.empty());
  }

  /** A writer for the values of {@code type}: their arguments in order, defaults included. */
  public static <S> Function<Object, Optional<List<Object>>> writing(
      Class<S> type, Function<S, List<Object>> arguments) {
    return o -> type.isInstance(o) ? Optional.of(arguments.apply(type.cast(o))) : Optional.empty();
  }

  /** The name of the call: {@code conv2d}, {@code he_normal}. */
  public String name() {
    return name;
  }

  /**
   * The arguments of a call as read from text (numbers as {@link Double}, words as
   * {@link String}, anything else passed to {@link Param.Type#ANY} arguments or described by its
   * {@code toString}), checked and converted, defaults filled in.
   *
   * @throws ArgumentException naming the call, the argument and the rule
   */
  public List<Object> read(List<?> raw) {
    int n = raw.size();
    boolean countFits = rest ? n >= counts.get(0) : counts.contains(n);
    if (!countFits) {
      throw new ArgumentException(-1, name + " takes " + expected()
          + (params.isEmpty() ? "" : ": " + usage()) + ", got " + n);
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < Math.min(n, params.size()); i++) {
      Param p = params.get(i);
      if (p.type() == Param.Type.INTEGERS) {
        int[] all = new int[n - i];
        for (int j = i; j < n; j++) {
          all[j - i] = integer(j, raw.get(j));
        }
        values.add(all);
        break;
      }
      values.add(switch (p.type()) {
        case INTEGER -> integer(i, raw.get(i));
        case NUMBER -> number(i, raw.get(i));
        case CHOICE -> choice(i, p, raw.get(i));
        case TEXT -> text(i, raw.get(i));
        default -> raw.get(i);
      });
    }
    return fill(values);
  }

  /**
   * Builds the value from {@code arguments} (typed as {@link #read} gives them; trailing ones with
   * a default may be left out).
   *
   * @throws IllegalArgumentException from the value's own checks
   */
  public T create(List<?> arguments) {
    return create.apply(new Values(fill(arguments)));
  }

  /** Reads and builds: {@code create(read(raw))}. */
  public T parse(List<?> raw) {
    return create(read(raw));
  }

  /**
   * The arguments this signature writes {@code value} with, trailing defaults left out; empty if
   * it does not write that value (another signature does).
   */
  public Optional<List<Object>> arguments(Object value) {
    return written.apply(value).map(full -> {
      for (int count : writtenCounts) {
        if (count <= full.size() && defaultsFrom(full, count)) {
          return List.copyOf(full.subList(0, count));
        }
      }
      return full;
    });
  }

  /** The call with these arguments as the text form writes it: {@code conv2d(32,5,2)}. */
  public String call(List<Object> arguments) {
    return name + "(" + arguments.stream().map(Numbers::argument)
        .collect(Collectors.joining(",")) + ")";
  }

  /** The call that writes {@code value}, parentheses always: {@code flatten()}. */
  public Optional<String> write(Object value) {
    return arguments(value).map(this::call);
  }

  /** How to call it: {@code conv2d(filters,kernel[,stride[,valid|same]])}. */
  public String usage() {
    StringBuilder out = new StringBuilder(name).append('(');
    int done = 0;
    int open = 0;
    for (int g = 0; g < counts.size(); g++) {
      List<Param> group = params.subList(done, counts.get(g));
      if (group.isEmpty()) {
        continue;
      }
      if (g > 0) {
        out.append('[');
        open++;
      }
      out.append(done > 0 ? "," : "")
          .append(group.stream().map(Param::usage).collect(Collectors.joining(",")));
      done = counts.get(g);
    }
    return out.append("]".repeat(open)).append(')').toString();
  }

  @Override
  public String toString() {
    return usage();
  }

  // ---------------------------------------------------------------- checking

  private String expected() {
    int first = counts.get(0);
    int last = counts.get(counts.size() - 1);
    if (rest) {
      return "at least " + first + " argument" + (first == 1 ? "" : "s");
    }
    if (last == 0) {
      return "no arguments";
    }
    boolean contiguous = last - first == counts.size() - 1;
    String numbers = counts.size() == 1 ? Integer.toString(first)
        : !contiguous || counts.size() == 2
            ? counts.stream().map(String::valueOf).collect(Collectors.joining(" or "))
            : first + " to " + last;
    return numbers + " argument" + (last == 1 ? "" : "s");
  }

  private double number(int i, Object raw) {
    if (raw instanceof Number n) {
      return n.doubleValue();
    }
    throw new ArgumentException(i, name + ": argument " + (i + 1) + " must be a number, got "
        + describe(raw));
  }

  private int integer(int i, Object raw) {
    double d = number(i, raw);
    if (d != Math.rint(d)) {
      throw new ArgumentException(i, name + ": argument " + (i + 1)
          + " must be a whole number, got " + Numbers.format(d));
    }
    if (Math.abs(d) > Integer.MAX_VALUE) {
      throw new ArgumentException(i, name + ": argument " + (i + 1)
          + (d > 0 ? " is too large: at most " + Integer.MAX_VALUE
              : " is too small: at least " + -Integer.MAX_VALUE)
          + ", got " + Numbers.format(d));
    }
    return (int) d;
  }

  private Quoted text(int i, Object raw) {
    if (raw instanceof Quoted q) {
      return q;
    }
    throw new ArgumentException(i, name + ": argument " + (i + 1) + " must be a quoted text"
        + " such as \"base/weights.npz\", got " + describe(raw));
  }

  private Object choice(int i, Param p, Object raw) {
    List<String> words = p.words();
    if (raw instanceof String w && words.contains(w.toLowerCase(Locale.ROOT))) {
      return p.choices().getEnumConstants()[words.indexOf(w.toLowerCase(Locale.ROOT))];
    }
    throw new ArgumentException(i, name + ": argument " + (i + 1) + " must be "
        + (words.size() == 2 ? String.join(" or ", words) : "one of " + String.join(", ", words))
        + ", got " + describe(raw));
  }

  /** How a message shows an argument read: a number as written, a word or call quoted. */
  public static String describe(Object raw) {
    if (raw instanceof Number n) {
      return Numbers.format(n.doubleValue());
    }
    if (raw instanceof Quoted q) {
      return Visible.of(q.toString());
    }
    return "'" + Visible.of(String.valueOf(raw)) + "'";
  }

  private List<Object> fill(List<?> given) {
    List<Object> values = new ArrayList<>(given);
    for (int i = values.size(); i < params.size(); i++) {
      Param p = params.get(i);
      if (!p.optional()) {
        throw new IllegalArgumentException(
            name + ": argument " + (i + 1) + " (" + p.name() + ") is required");
      }
      values.add(p.fallback().apply(values));
    }
    return values;
  }

  private boolean defaultsFrom(List<Object> full, int count) {
    for (int i = count; i < full.size(); i++) {
      Param p = params.get(i);
      if (!p.optional() || !Objects.equals(full.get(i), p.fallback().apply(full.subList(0, i)))) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- building

  /** The arguments of one call, typed, defaults filled in. */
  public record Values(List<Object> list) {

    /** Argument {@code i} as a whole number. */
    public int integer(int i) {
      return ((Number) list.get(i)).intValue();
    }

    /** Argument {@code i} as a number. */
    public double number(int i) {
      return ((Number) list.get(i)).doubleValue();
    }

    /** Argument {@code i} as the rest of the whole numbers. */
    public int[] integers(int i) {
      return (int[]) list.get(i);
    }

    /** Argument {@code i} as the text of a {@link Quoted}. */
    public String text(int i) {
      Object value = list.get(i);
      return value instanceof Quoted q ? q.text() : (String) value;
    }

    /** Argument {@code i} as a {@code type} (an enum of a choice; null as Java passed it). */
    public <E> E get(int i, Class<E> type) {
      return type.cast(list.get(i));
    }
  }

  /** Collects the arguments of a signature: the required ones, then optional groups. */
  public static final class Builder {
    private final String name;
    private final List<Param> params = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>(List.of(0));
    private boolean rest;
    private List<Integer> writtenCounts;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Arguments every call gives. */
    public Builder required(Param... required) {
      if (counts.size() > 1 || rest) {
        throw new IllegalStateException(name + ": required arguments come first");
      }
      params.addAll(Arrays.asList(required));
      counts.set(0, params.size());
      return this;
    }

    /** A group of arguments that are given together or left out together, after the others. */
    public Builder optional(Param... group) {
      for (Param p : group) {
        if (!p.optional()) {
          throw new IllegalStateException(name + ": " + p.name() + " needs a default");
        }
      }
      params.addAll(Arrays.asList(group));
      counts.add(params.size());
      return this;
    }

    /** The rest of the arguments, at least one: {@code reshape(dims...)}. */
    public Builder rest(Param all) {
      params.add(all);
      counts.set(counts.size() - 1, params.size());
      rest = true;
      return this;
    }

    /**
     * The argument counts the writer may use, where they are fewer than those read:
     * {@code lsuv} reads {@code lsuv(0.05)} but writes {@code lsuv(0.05,10)}.
     */
    public Builder writtenWith(Integer... counts) {
      this.writtenCounts = List.of(counts);
      return this;
    }

    /**
     * The signature: {@code create} builds the value from the arguments, {@code written} gives the
     * arguments (defaults included) of the values it writes (see {@link #writing}).
     */
    public <T> Signature<T> build(Function<Values, ? extends T> create,
        Function<Object, Optional<List<Object>>> written) {
      return new Signature<>(this, create, written);
    }
  }
}
