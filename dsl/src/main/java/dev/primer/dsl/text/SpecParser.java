package dev.primer.dsl.text;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.ArgumentException;
import dev.primer.dsl.base.Numbers;
import dev.primer.dsl.base.Param;
import dev.primer.dsl.base.Quoted;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.Signature;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.base.Suggestions;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.Layer;
import dev.primer.dsl.layer.LayerKinds;
import dev.primer.dsl.layer.Repeat;
import dev.primer.dsl.layer.Residual;
import dev.primer.dsl.spec.ActivationStep;
import dev.primer.dsl.spec.InitStep;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.dsl.spec.RecurrentInitStep;
import dev.primer.dsl.spec.ResidualStep;
import dev.primer.dsl.text.Lexer.Kind;
import dev.primer.dsl.text.Lexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the text form written by {@link NetSpec#toString()}:
 * <pre>
 *   chain    = [ "Net" "." ] call { "." call }
 *   call     = word "(" [ argument { "," argument } ] ")"
 *   argument = number | word | text | call { "." call }
 *   text     = '"' { character | '\"' | '\\' } '"'      a quoted text, as in from("w.npz","dense_0/kernel")
 * </pre>
 * A chain of calls as an argument is a block: {@code residual(dense(64).relu().dense(64))},
 * {@code repeat(50,residual(dense(64).relu().dense(64)).scaled(0))}.
 * Each call is applied to the spec built so far through the same steps as the Java chain, so the
 * same rules hold and an activation, init or bias may only follow where the Java types allow.
 * Every error names the column; errors of the spec itself also name the layer.
 */
public final class SpecParser {
  /**
   * How deep calls may nest inside a step's arguments: {@code init(normal(0,1))} nests 1 deep.
   * No valid spec nests more than once; the bound keeps hostile text (thousands of nested calls)
   * from overflowing the parser's stack, and such text gets a {@link SpecParseException} naming
   * the column of the call that goes too deep.
   */
  public static final int MAX_NESTING = 64;

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
    Argument argument = argument(cursor, 0);
    Token rest = cursor.peek();
    if (rest.kind() != Kind.END) {
      throw new SpecParseException(rest.column(),
          "expected the end of the initializer, got " + rest.describe());
    }
    return init(new Call("initializer", List.of(argument), 1));
  }

  /**
   * A parsed argument: a number, a word, a call (for initializers with arguments) or a chain of
   * calls (a block).
   */
  private sealed interface Argument {
    int column();
  }

  private record Number(double value, int column) implements Argument {}

  private record Word(String word, int column) implements Argument {}

  private record Text(String text, int column) implements Argument {}

  private record Call(String name, List<Argument> arguments, int column) implements Argument {
    /** As messages quote a call: {@code he_normal(...)}. */
    @Override
    public String toString() {
      return name + "(...)";
    }
  }

  /** Two or more calls joined by dots: a block, {@code dense(64).relu()}. */
  private record Calls(List<Call> calls, int column) implements Argument {
    @Override
    public String toString() {
      return calls.get(0) + "...";
    }
  }

  /** How one step of the chain is applied. */
  @FunctionalInterface
  private interface Step {
    NetSpec apply(NetSpec spec, Call call);
  }

  /** {@code input(dims...)}: the one step that must come first. */
  private static final Signature<int[]> INPUT = Signature.named("input")
      .rest(Param.integers("dims")).build(v -> v.integers(0), o -> Optional.empty());

  /** {@code frozen()}: freezes the layer before it. */
  private static final Signature<Object> FROZEN = Signature.named("frozen")
      .build(v -> v, o -> Optional.empty());

  private static final Map<String, Step> STEPS = new LinkedHashMap<>();

  static {
    STEPS.put("input", (s, c) -> {
      throw new SpecParseException(c.column(), "input(...) must come first");
    });
    STEPS.put("defaultInit", (s, c) -> s.defaultInit(init(c)));
    STEPS.put("defaultBias", (s, c) -> s.defaultBias(init(c)));
    for (Signature<? extends Layer> kind : LayerKinds.ALL) {
      STEPS.put(kind.name(), (s, c) -> s.layer(kind, read(kind, c)));
    }
    for (Activation.Kind kind : Activation.Kind.values()) {
      Signature<Activation> signature = kind.signature();
      STEPS.put(signature.name(), (s, c) -> activate(s, c, signature.create(read(signature, c))));
    }
    STEPS.put(Residual.SIGNATURE.name(), (s, c) -> {
      read(Residual.SIGNATURE, c);
      return s.residual(block(c, 0));
    });
    STEPS.put(Repeat.SIGNATURE.name(), (s, c) -> {
      int times = (Integer) read(Repeat.SIGNATURE, c).get(0);
      return s.repeat(times, block(c, 1));
    });
    STEPS.put(Residual.SCALED.name(), (s, c) -> {
      double initial = Residual.SCALED.create(read(Residual.SCALED, c));
      if (s instanceof ResidualStep step) {
        return step.scaled(initial);
      }
      throw new SpecParseException(c.column(), "scaled(...) must follow residual(...) (or its"
          + " scaled(...) once); write residual(block).scaled(" + Numbers.format(initial)
          + ")");
    });
    STEPS.put("init", (s, c) -> {
      Init init = init(c);
      if (s instanceof InitStep<?> step) {
        return (NetSpec) step.init(init);
      }
      throw noInitHere(s, c);
    });
    STEPS.put("bias", (s, c) -> {
      Init init = init(c);
      if (s instanceof InitStep<?> step) {
        return (NetSpec) step.bias(init);
      }
      throw noInitHere(s, c);
    });
    STEPS.put("recurrentInit", (s, c) -> {
      Init init = init(c);
      if (s instanceof RecurrentInitStep<?> step) {
        return (NetSpec) step.recurrentInit(init);
      }
      throw noInitHere(s, c);
    });
    STEPS.put("frozen", (s, c) -> {
      read(FROZEN, c);
      return s.frozen();
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
    int[] dims = INPUT.create(read(INPUT, input));
    NetSpec withInput;
    try {
      withInput = NetSpec.start(Optional.of(Shape.of(dims)));
    } catch (SpecException e) {
      throw new SpecParseException(input.column(), e.getMessage());
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
    return new Call(name.text(), arguments(cursor, 0), name.column());
  }

  /** The arguments of a call nested {@code depth} deep in a step's arguments (0: the step's). */
  private static List<Argument> arguments(Cursor cursor, int depth) {
    List<Argument> arguments = new ArrayList<>();
    if (cursor.peek().kind() == Kind.CLOSE) {
      cursor.next();
      return arguments;
    }
    while (true) {
      arguments.add(argument(cursor, depth));
      Token t = cursor.next();
      if (t.kind() == Kind.CLOSE) {
        return arguments;
      }
      if (t.kind() != Kind.COMMA) {
        throw new SpecParseException(t.column(), "expected ',' or ')', got " + t.describe());
      }
    }
  }

  private static Argument argument(Cursor cursor, int depth) {
    Token t = cursor.next();
    return switch (t.kind()) {
      case NUMBER -> new Number(Double.parseDouble(t.text()), t.column());
      case TEXT -> new Text(t.text(), t.column());
      case WORD -> {
        if (cursor.peek().kind() == Kind.OPEN) {
          if (depth == MAX_NESTING) {
            throw new SpecParseException(t.column(), "calls nest more than " + MAX_NESTING
                + " deep here; blocks nest a few deep and an initializer such as normal(0,1)"
                + " takes only numbers and words");
          }
          cursor.next();
          Call first = new Call(t.text(), arguments(cursor, depth + 1), t.column());
          if (cursor.peek().kind() != Kind.DOT) {
            yield first;
          }
          List<Call> calls = new ArrayList<>(List.of(first));
          while (cursor.peek().kind() == Kind.DOT) {
            cursor.next();
            Token name = cursor.expect(Kind.WORD, "a step such as dense(10) after '.'");
            cursor.expect(Kind.OPEN, "'(' after " + name.text());
            calls.add(new Call(name.text(), arguments(cursor, depth + 1), name.column()));
          }
          yield new Calls(calls, t.column());
        }
        yield new Word(t.text(), t.column());
      }
      default -> throw new SpecParseException(t.column(),
          "expected a number, a word, a quoted text or an initializer, got " + t.describe());
    };
  }

  // ---------------------------------------------------------------- arguments

  /** The arguments of {@code c} checked and typed by {@code signature}; errors point at them. */
  private static List<Object> read(Signature<?> signature, Call c) {
    try {
      return signature.read(c.arguments().stream().map(SpecParser::raw).toList());
    } catch (ArgumentException e) {
      throw new SpecParseException(
          e.argument() < 0 ? c.column() : c.arguments().get(e.argument()).column(),
          e.getMessage());
    }
  }

  /**
   * An argument as a signature reads it: a number as a Double, a word as a String, a quoted
   * text as a {@link Quoted}.
   */
  private static Object raw(Argument a) {
    if (a instanceof Number n) {
      return n.value();
    }
    if (a instanceof Text t) {
      return new Quoted(t.text());
    }
    return a instanceof Word w ? w.word() : a;
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
    String what = role.words();
    return new SpecParseException(c.column(), SpecException.atLayer(last, layer.kind(),
        "has no " + what + " to initialize").getMessage());
  }

  /**
   * The block that argument {@code i} of {@code c} writes, a call or a chain of calls, read as
   * a spec without input: {@code dense(64).relu().dense(64)} in {@code residual(...)}.
   */
  private static NetSpec block(Call c, int i) {
    Argument a = c.arguments().get(i);
    List<Call> calls = a instanceof Calls chain ? chain.calls()
        : a instanceof Call call ? List.of(call)
        : null;
    if (calls == null) {
      throw new SpecParseException(a.column(), c.name() + ": argument " + (i + 1)
          + " must be a block of layers such as dense(64).relu().dense(64), got "
          + describe(a));
    }
    return apply(NetSpec.start(Optional.empty()), calls);
  }

  /** The initializer a step such as {@code init(he_normal)} names. */
  private static Init init(Call c) {
    read(Signature.named(c.name()).required(Param.any("initializer"))
        .build(v -> v, o -> Optional.empty()), c);
    Argument a = c.arguments().get(0);
    try {
      if (a instanceof Word w) {
        return InitNames.parse(w.word(), List.of());
      }
      if (a instanceof Call call) {
        List<Object> values = new ArrayList<>();
        for (Argument inner : call.arguments()) {
          if (inner instanceof Call || inner instanceof Calls) {
            throw new SpecParseException(inner.column(),
                call.name() + ": arguments must be numbers, words or quoted texts, got "
                    + describe(inner));
          }
          values.add(raw(inner));
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
    return Signature.describe(raw(a));
  }
}
