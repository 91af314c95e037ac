package dev.primer.dsl.text;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.base.Suggestions;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.spec.ActivationStep;
import dev.primer.dsl.spec.InitStep;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.dsl.spec.RecurrentInitStep;
import dev.primer.dsl.text.Lexer.Kind;
import dev.primer.dsl.text.Lexer.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the text form written by {@link NetSpec#toString()}:
 * <pre>
 *   chain    = [ "Net" "." ] call { "." call }
 *   call     = word "(" [ argument { "," argument } ] ")"
 *   argument = number | word | word "(" [ argument { "," argument } ] ")"
 * </pre>
 * Each call is applied to the spec built so far through the same steps as the Java chain, so the
 * same rules hold and an activation, init or bias may only follow where the Java types allow.
 * Every error names the column; errors of the spec itself also name the layer.
 */
public final class SpecParser {
  private SpecParser() {
    throw new AssertionError("no instances");
  }

  /**
   * Reads one initializer in the text form: {@code he_normal}, {@code normal(0,0.01)},
   * {@code variance_scaling(2,fan_in,uniform)}; as the command line's {@code --scheme}.
   *
   * @throws SpecParseException naming the column and the problem
   */
  public static Init parseInit(String text) {
    Cursor cursor = new Cursor(Lexer.tokens(text));
    if (cursor.peek().kind() == Kind.END) {
      throw new SpecParseException(cursor.peek().column(),
          "expected an initializer such as he_normal, got nothing");
    }
    Argument argument = argument(cursor);
    Token rest = cursor.peek();
    if (rest.kind() != Kind.END) {
      throw new SpecParseException(rest.column(),
          "expected the end of the initializer, got " + rest.describe());
    }
    return init(new Call("initializer", List.of(argument), 1), 0, 1);
  }

  /** A parsed argument: a number, a word, or a call (for initializers with arguments). */
  private sealed interface Argument {
    int column();
  }

  private record Number(double value, int column) implements Argument {}

  private record Word(String word, int column) implements Argument {}

  private record Call(String name, List<Argument> arguments, int column) implements Argument {}

  /** How one step of the chain is applied. */
  @FunctionalInterface
  private interface Step {
    NetSpec apply(NetSpec spec, Call call);
  }

  private static final Map<String, Step> STEPS = new LinkedHashMap<>();

  static {
    STEPS.put("input", (s, c) -> {
      throw new SpecParseException(c.column(), "input(...) must come first");
    });
    STEPS.put("defaultInit", (s, c) -> s.defaultInit(init(c, 0, 1)));
    STEPS.put("defaultBias", (s, c) -> s.defaultBias(init(c, 0, 1)));
    STEPS.put("dense", (s, c) -> s.dense(integer(c, 0, 1, 1)));
    STEPS.put("conv2d", (s, c) -> {
      arity(c, 2, 4);
      return s.conv2d(integer(c, 0, 2, 4), integer(c, 1, 2, 4),
          c.arguments().size() > 2 ? integer(c, 2, 2, 4) : 1,
          c.arguments().size() > 3 ? choice(c, 3, Padding.class) : Padding.VALID);
    });
    STEPS.put("maxPool2d", (s, c) -> {
      int[] window = window(c);
      return s.maxPool2d(window[0], window[1], padding(c));
    });
    STEPS.put("avgPool2d", (s, c) -> {
      int[] window = window(c);
      return s.avgPool2d(window[0], window[1], padding(c));
    });
    STEPS.put("flatten", (s, c) -> {
      arity(c, 0, 0);
      return s.flatten();
    });
    STEPS.put("reshape", (s, c) -> {
      arity(c, 1, Integer.MAX_VALUE);
      int[] dims = new int[c.arguments().size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = integer(c, i, 1, Integer.MAX_VALUE);
      }
      return s.reshape(dims);
    });
    STEPS.put("dropout", (s, c) -> s.dropout(number(c, 0, 1, 1)));
    STEPS.put("batchNorm", (s, c) -> {
      arity(c, 0, 2);
      if (c.arguments().size() == 1) {
        throw new SpecParseException(c.column(), "batchNorm takes no arguments or two:"
            + " batchNorm(momentum,epsilon), got 1");
      }
      return c.arguments().isEmpty() ? s.batchNorm()
          : s.batchNorm(number(c, 0, 2, 2), number(c, 1, 2, 2));
    });
    STEPS.put("simpleRnn", (s, c) -> s.simpleRnn(integer(c, 0, 1, 2), returns(c)));
    STEPS.put("lstm", (s, c) -> s.lstm(integer(c, 0, 1, 2), returns(c)));
    STEPS.put("gru", (s, c) -> s.gru(integer(c, 0, 1, 2), returns(c)));
    for (Activation.Kind kind : Activation.Kind.values()) {
      STEPS.put(kind.method(), (s, c) -> activate(s, c, activation(kind, c)));
    }
    STEPS.put("init", (s, c) -> {
      Init init = init(c, 0, 1);
      if (s instanceof InitStep<?> step) {
        return (NetSpec) step.init(init);
      }
      throw noInitHere(s, c);
    });
    STEPS.put("bias", (s, c) -> {
      Init init = init(c, 0, 1);
      if (s instanceof InitStep<?> step) {
        return (NetSpec) step.bias(init);
      }
      throw noInitHere(s, c);
    });
    STEPS.put("recurrentInit", (s, c) -> {
      Init init = init(c, 0, 1);
      if (s instanceof RecurrentInitStep<?> step) {
        return (NetSpec) step.recurrentInit(init);
      }
      throw noInitHere(s, c);
    });
  }

  /**
   * Reads a spec from its text form.
   *
   * @throws SpecParseException naming the column and the problem
   */
  public static NetSpec parse(String text) {
    List<Token> tokens = Lexer.tokens(text);
    Cursor cursor = new Cursor(tokens);
    if (cursor.peek().kind() == Kind.WORD && cursor.peek().text().equals("Net")
        && cursor.peekAt(1).kind() == Kind.DOT) {
      cursor.next();
      cursor.next();
    }
    if (cursor.peek().kind() == Kind.END) {
      throw new SpecParseException(cursor.peek().column(), "the spec is empty; expected a"
          + " chain such as input(784).dense(10).softmax()");
    }
    List<Call> calls = new ArrayList<>();
    calls.add(call(cursor));
    while (cursor.peek().kind() != Kind.END) {
      cursor.expect(Kind.DOT, "'.' between steps");
      calls.add(call(cursor));
    }
    if (!calls.get(0).name().equals("input")) {
      return apply(NetSpec.start(Optional.empty()), calls);
    }
    Call input = calls.get(0);
    arity(input, 1, Integer.MAX_VALUE);
    int[] dims = new int[input.arguments().size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = integer(input, i, 1, Integer.MAX_VALUE);
    }
    NetSpec withInput;
    try {
      withInput = NetSpec.start(Optional.of(Shape.of(dims)));
    } catch (IllegalArgumentException e) {
      throw new SpecParseException(input.column(), "input: " + e.getMessage());
    }
    // The text denotes the finished spec: its layers are checked against the input shape once,
    // at the end, so a chain that is valid in Java reads back even when a state in between
    // would not be (a net-wide default written first, overridden by a layer's own init later).
    NetSpec layers = apply(NetSpec.start(Optional.empty()), calls.subList(1, calls.size()));
    try {
      return layers.withInput(withInput.input().orElseThrow());
    } catch (IllegalArgumentException e) {
      // the finished spec breaks a rule: name the first step where it shows, as Java would
      apply(withInput, calls.subList(1, calls.size()));
      throw new SpecParseException(input.column(), e.getMessage());
    }
  }

  /** Applies {@code calls} to {@code spec} in order; errors carry the column of their call. */
  private static NetSpec apply(NetSpec spec, List<Call> calls) {
    for (Call call : calls) {
      Step step = STEPS.get(call.name());
      if (step == null) {
        throw new SpecParseException(call.column(), "unknown step '" + call.name() + "'"
            + Suggestions.closest(call.name(), STEPS.keySet())
                .map(s -> "; did you mean '" + s + "'?").orElse("")
            + " (known: " + String.join(", ", STEPS.keySet()) + ")");
      }
      try {
        spec = step.apply(spec, call);
      } catch (SpecParseException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new SpecParseException(call.column(), e.getMessage());
      }
    }
    return spec;
  }

  // ---------------------------------------------------------------- grammar

  private static final class Cursor {
    private final List<Token> tokens;
    private int position;

    Cursor(List<Token> tokens) {
      this.tokens = tokens;
    }

    Token peek() {
      return tokens.get(position);
    }

    Token peekAt(int ahead) {
      return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    Token next() {
      return tokens.get(position++);
    }

    Token expect(Kind kind, String what) {
      Token t = peek();
      if (t.kind() != kind) {
        throw new SpecParseException(t.column(), "expected " + what + ", got " + t.describe());
      }
      return next();
    }
  }

  private static Call call(Cursor cursor) {
    Token name = cursor.expect(Kind.WORD, "a step such as dense(10)");
    cursor.expect(Kind.OPEN, "'(' after " + name.text());
    return new Call(name.text(), arguments(cursor), name.column());
  }

  private static List<Argument> arguments(Cursor cursor) {
    List<Argument> arguments = new ArrayList<>();
    if (cursor.peek().kind() == Kind.CLOSE) {
      cursor.next();
      return arguments;
    }
    while (true) {
      arguments.add(argument(cursor));
      Token t = cursor.next();
      if (t.kind() == Kind.CLOSE) {
        return arguments;
      }
      if (t.kind() != Kind.COMMA) {
        throw new SpecParseException(t.column(), "expected ',' or ')', got " + t.describe());
      }
    }
  }

  private static Argument argument(Cursor cursor) {
    Token t = cursor.next();
    return switch (t.kind()) {
      case NUMBER -> new Number(Double.parseDouble(t.text()), t.column());
      case WORD -> {
        if (cursor.peek().kind() == Kind.OPEN) {
          cursor.next();
          yield new Call(t.text(), arguments(cursor), t.column());
        }
        yield new Word(t.text(), t.column());
      }
      default -> throw new SpecParseException(t.column(),
          "expected a number, a word or an initializer, got " + t.describe());
    };
  }

  // ---------------------------------------------------------------- arguments

  private static void arity(Call c, int min, int max) {
    int n = c.arguments().size();
    if (n < min || n > max) {
      String expected = min == max ? Integer.toString(min)
          : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
      throw new SpecParseException(c.column(), c.name() + " takes " + expected + " argument"
          + (min == 1 && (max == 1 || max == Integer.MAX_VALUE) ? "" : "s") + ", got " + n);
    }
  }

  private static double number(Call c, int i, int min, int max) {
    arity(c, min, max);
    Argument a = c.arguments().get(i);
    if (a instanceof Number n) {
      return n.value();
    }
    throw new SpecParseException(a.column(), c.name() + ": argument " + (i + 1)
        + " must be a number, got " + describe(a));
  }

  private static int integer(Call c, int i, int min, int max) {
    double d = number(c, i, min, max);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new SpecParseException(c.arguments().get(i).column(), c.name() + ": argument "
          + (i + 1) + " must be a whole number, got " + Numbers.format(d));
    }
    return (int) d;
  }

  private static <E extends Enum<E>> E choice(Call c, int i, Class<E> type) {
    Argument a = c.arguments().get(i);
    List<String> allowed = Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    if (a instanceof Word w && allowed.contains(w.word().toLowerCase(Locale.ROOT))) {
      return Enum.valueOf(type, w.word().toUpperCase(Locale.ROOT));
    }
    throw new SpecParseException(a.column(), c.name() + ": argument " + (i + 1) + " must be "
        + String.join(" or ", allowed) + ", got " + describe(a));
  }

  private static int[] window(Call c) {
    arity(c, 1, 3);
    int pool = integer(c, 0, 1, 3);
    return new int[] {pool, c.arguments().size() > 1 ? integer(c, 1, 1, 3) : pool};
  }

  private static Padding padding(Call c) {
    return c.arguments().size() > 2 ? choice(c, 2, Padding.class) : Padding.VALID;
  }

  private static Returns returns(Call c) {
    return c.arguments().size() > 1 ? choice(c, 1, Returns.class) : Returns.LAST;
  }

  private static Activation activation(Activation.Kind kind, Call c) {
    boolean takesAlpha = kind == Activation.Kind.LEAKY_RELU || kind == Activation.Kind.ELU;
    arity(c, 0, takesAlpha ? 1 : 0);
    if (c.arguments().isEmpty()) {
      return switch (kind) {
        case LEAKY_RELU -> Activation.leakyRelu();
        case ELU -> Activation.elu();
        default -> new Activation(kind, 0);
      };
    }
    return new Activation(kind, number(c, 0, 1, 1));
  }

  private static NetSpec activate(NetSpec spec, Call c, Activation activation) {
    if (spec instanceof ActivationStep<?> step) {
      return (NetSpec) step.activation(activation);
    }
    if (spec.layers().isEmpty()) {
      throw new SpecParseException(c.column(),
          activation.text() + " has no layer before it to activate");
    }
    int last = spec.layers().size() - 1;
    var layer = spec.layers().get(last);
    if (layer.activation().isPresent()) {
      throw new SpecParseException(c.column(), SpecException.atLayer(last, layer.layer().kind(),
          "already has activation " + layer.activation().get().text()
              + "; an activation applies to the layer just before it").getMessage());
    }
    throw new SpecParseException(c.column(), activation.text()
        + " must follow a layer; put it right after the layer it activates");
  }

  private static SpecParseException noInitHere(NetSpec spec, Call c) {
    if (spec.layers().isEmpty()) {
      return new SpecParseException(c.column(),
          "there is no layer before " + c.name() + "(...) to initialize; to set a net-wide"
              + " default use defaultInit(...) or defaultBias(...)");
    }
    int last = spec.layers().size() - 1;
    var layer = spec.layers().get(last).layer();
    Role role = switch (c.name()) {
      case "recurrentInit" -> Role.RECURRENT_KERNEL;
      case "bias" -> Role.BIAS;
      default -> Role.KERNEL;
    };
    // the layer has one, but a net-wide default (defaultInit, defaultBias) came in between
    if (layer.initializable().contains(role)) {
      return new SpecParseException(c.column(), c.name()
          + "(...) must follow a layer; put it right after the layer it initializes");
    }
    String what = role.paramName().replace('_', ' ');
    return new SpecParseException(c.column(), SpecException.atLayer(last, layer.kind(),
        "has no " + what + " to initialize").getMessage());
  }

  private static Init init(Call c, int i, int count) {
    arity(c, count, count);
    Argument a = c.arguments().get(i);
    try {
      if (a instanceof Word w) {
        return InitNames.parse(w.word(), List.of());
      }
      if (a instanceof Call call) {
        List<Object> values = new ArrayList<>();
        for (Argument inner : call.arguments()) {
          if (inner instanceof Number n) {
            values.add(n.value());
          } else if (inner instanceof Word w) {
            values.add(w.word());
          } else {
            throw new SpecParseException(inner.column(),
                call.name() + ": arguments must be numbers or words, got " + describe(inner));
          }
        }
        return InitNames.parse(call.name(), values);
      }
    } catch (SpecParseException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SpecParseException(a.column(), e.getMessage());
    }
    throw new SpecParseException(a.column(),
        c.name() + ": expected an initializer such as he_normal, got " + describe(a));
  }

  private static String describe(Argument a) {
    if (a instanceof Number n) {
      return Numbers.format(n.value());
    }
    if (a instanceof Word w) {
      return "'" + w.word() + "'";
    }
    return "'" + ((Call) a).name() + "(...)'";
  }
}
