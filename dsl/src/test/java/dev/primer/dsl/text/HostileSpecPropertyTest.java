package dev.primer.dsl.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.primer.dsl.Net;
import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.Padding;
import dev.primer.dsl.layer.Returns;
import dev.primer.dsl.spec.ActivationStep;
import dev.primer.dsl.spec.InitStep;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.dsl.spec.RecurrentInitStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Properties of the spec language under hostile input, each over at least 500 generated cases
 * from a fixed seed (a failure names the seed's case and its text, and reruns the same):
 * <ul>
 *   <li>malformed text (valid specs mutated: characters deleted, inserted — control characters,
 *       other scripts, punctuation —, swapped, numbers replaced by huge or odd ones, calls nested
 *       deep; and token soup) either reads as a spec that round-trips, or throws
 *       {@link SpecParseException} with a column inside the text — never another exception;
 *   <li>random builder calls with hostile arguments (0, negative, {@code Integer.MAX_VALUE},
 *       NaN, infinities) either build or throw {@link SpecException} — never another exception;
 *       and a spec checked step by step with its input agrees, step for step, with the same
 *       layers resolved at once;
 *   <li>nothing hangs: each property runs under a generous bound (it takes about a second).
 * </ul>
 * A generator of our own stands in for a property-testing library: the cases are simple
 * random choices, and a fixed seed makes every run, here and in CI, the same.
 */
class HostileSpecPropertyTest {
  private static final long SEED = 0x5EC_13L;
  private static final int CASES = 1_000;
  /** Far beyond what a property takes (about a second): only a hang reaches it. */
  private static final Duration BOUND = Duration.ofSeconds(120);

  private static final String[] WORDS = {"input", "dense", "conv2d", "relu", "init", "bias",
      "he_normal", "normal", "orthogonal", "lstm", "sequences", "same", "defaultInit", "Net",
      "rleu", "RELU", "e", "NaN", "Infinity", "x"};
  private static final String[] NUMBERS = {"0", "-1", "1e12", "2147483647", "2147483648",
      "-0.0", "1e999", "1e-400", "4.9E-324", "0.5", "1.", ".5", "1e", "--1", "1e+", "+3",
      "200000", "46341"};
  private static final String ODD = "\u0007\u0000\u200B\u00A0\u2028\u001B\uFEFF\uD800é字😀\\\"'"
      + ";:*/\t\n";

  @Test
  void malformedTextThrowsSpecParseExceptionWithItsColumnOrRoundTrips() {
    assertTimeoutPreemptively(BOUND, () -> {
      SpecGenerator valid = new SpecGenerator(SEED);
      SplittableRandom random = new SplittableRandom(SEED);
      int refused = 0;
      for (int i = 0; i < CASES; i++) {
        String text = i % 4 == 3 ? soup(random) : mutate(random, validText(valid), random);
        try {
          NetSpec spec = Net.parse(text);
          String printed = spec.toString();
          assertThat(Net.parse(printed)).as("case %d: %s", i, text).isEqualTo(spec);
          assertThat(Net.parse(printed).toString()).isEqualTo(printed);
        } catch (SpecParseException e) {
          refused++;
          assertThat(e.column()).as("case %d: %s -> %s", i, text, e.getMessage())
              .isBetween(1, text.length() + 1);
          assertThat(e.getMessage()).startsWith("column " + e.column() + ": ");
          assertThat(e.getMessage().chars().noneMatch(Character::isISOControl))
              .as("case %d: no raw control character in %s", i, e.getMessage()).isTrue();
        } catch (Throwable t) {
          fail("case " + i + ": " + text + " threw " + t, t);
        }
      }
      assertThat(refused).as("malformed texts refused").isGreaterThan(CASES / 2);
    });
  }

  @Test
  void malformedInitializerTextThrowsSpecParseException() {
    assertTimeoutPreemptively(BOUND, () -> {
      SpecGenerator valid = new SpecGenerator(SEED + 1);
      SplittableRandom random = new SplittableRandom(SEED + 1);
      for (int i = 0; i < CASES; i++) {
        String text = mutate(random,
            dev.primer.dsl.init.InitNames.text(valid.randomInit(Role.KERNEL, 2)), random);
        try {
          Init init = Net.parseInit(text);
          assertThat(Net.parseInit(dev.primer.dsl.init.InitNames.text(init))).isEqualTo(init);
        } catch (SpecParseException e) {
          assertThat(e.column()).as("case %d: %s", i, text).isBetween(1, text.length() + 1);
        } catch (Throwable t) {
          fail("case " + i + ": " + text + " threw " + t, t);
        }
      }
    });
  }

  @Test
  void hostileBuilderCallsThrowSpecExceptionAndAgreeWithResolvingAtOnce() {
    assertTimeoutPreemptively(BOUND, () -> {
      SplittableRandom random = new SplittableRandom(SEED + 2);
      SpecGenerator inits = new SpecGenerator(SEED + 2);
      int calls = 0;
      int refused = 0;
      for (int i = 0; i < CASES; i++) {
        Shape shape = switch (random.nextInt(3)) {
          case 0 -> Shape.of(1 + random.nextInt(50));
          case 1 -> Shape.of(1 + random.nextInt(12), 1 + random.nextInt(12),
              1 + random.nextInt(3));
          default -> Shape.of(1 + random.nextInt(10), 1 + random.nextInt(10));
        };
        NetSpec checked = Net.input(shape.toArray()); // checked at every step
        NetSpec unchecked = Net.empty(); // shapes checked once, at the end
        int steps = 1 + random.nextInt(10);
        for (int s = 0; s < steps; s++) {
          UnaryOperator<NetSpec> call = call(random, inits);
          calls++;
          String context = "case " + i + ", step " + s + " after " + checked;
          NetSpec before = checked;
          NetSpec beforeUnchecked = unchecked;
          Outcome withInput = Outcome.of(() -> call.apply(before), context);
          Outcome without = Outcome.of(() -> call.apply(beforeUnchecked), context);
          if (without.error() != null) {
            // a rule that needs no shape: the same message either way
            assertThat(withInput.error()).as(context).isEqualTo(without.error());
            refused++;
            break;
          }
          NetSpec next = without.spec();
          Outcome atOnce = Outcome.of(() -> next.withInput(shape), context);
          assertThat(withInput.error()).as(context).isEqualTo(atOnce.error());
          if (withInput.error() != null) {
            refused++;
            break;
          }
          assertThat(withInput.spec()).as(context).isEqualTo(atOnce.spec());
          assertThat(withInput.spec().resolve()).as(context).isEqualTo(atOnce.spec().resolve());
          checked = withInput.spec();
          unchecked = next;
        }
      }
      assertThat(calls).isGreaterThan(CASES);
      assertThat(refused).as("sequences ended by a refused call").isGreaterThan(CASES / 4);
    });
  }

  /** What a call did: the spec it built, or the message of the SpecException it threw. */
  private record Outcome(NetSpec spec, String error) {
    static Outcome of(java.util.function.Supplier<NetSpec> call, String context) {
      try {
        return new Outcome(call.get(), null);
      } catch (SpecException e) {
        assertThat(e.getMessage()).as(context).isNotBlank();
        return new Outcome(null, e.getMessage());
      } catch (Throwable t) {
        return fail(context + " threw " + t, t);
      }
    }
  }

  // ------------------------------------------------------------------ builder calls

  private static UnaryOperator<NetSpec> call(SplittableRandom random, SpecGenerator inits) {
    int a = integer(random);
    int b = integer(random);
    int c = integer(random);
    double x = real(random);
    double y = real(random);
    Padding padding = random.nextBoolean() ? Padding.VALID : Padding.SAME;
    Returns returns = random.nextBoolean() ? Returns.LAST : Returns.SEQUENCES;
    boolean either = random.nextBoolean();
    int[] dims = random.nextBoolean() ? new int[] {a} : new int[] {a, b};
    Init init = inits.randomInit(random.nextBoolean() ? Role.KERNEL : Role.BIAS,
        1 + random.nextInt(2));
    Activation activation;
    try {
      activation = switch (random.nextInt(4)) {
        case 0 -> Activation.relu();
        case 1 -> Activation.leakyRelu(x);
        case 2 -> Activation.elu(y);
        default -> Activation.softmax();
      };
    } catch (IllegalArgumentException e) {
      // a value refused by its own record before any spec holds it (see ErrorMessagesTest)
      activation = Activation.tanh();
    }
    Activation chosen = activation;
    return switch (random.nextInt(17)) {
      case 0, 1 -> s -> s.dense(a);
      case 2 -> s -> s.conv2d(a, b);
      case 3 -> s -> s.conv2d(a, b, c, padding);
      case 4 -> s -> s.maxPool2d(a, b, padding);
      case 5 -> s -> s.avgPool2d(a);
      case 6 -> s -> s.flatten();
      case 7 -> s -> s.reshape(dims);
      case 8 -> s -> s.dropout(x);
      case 9 -> s -> s.batchNorm(x, y);
      case 10 -> s -> either ? s.lstm(a, returns) : s.gru(a);
      case 11, 12 -> s -> s instanceof ActivationStep<?> step
          ? (NetSpec) step.activation(chosen) : s.dense(a);
      case 13 -> s -> s instanceof InitStep<?> step ? (NetSpec) step.init(init) : s.flatten();
      case 14 -> s -> s instanceof InitStep<?> step ? (NetSpec) step.bias(init) : s.flatten();
      case 15 -> s -> s instanceof RecurrentInitStep<?> step
          ? (NetSpec) step.recurrentInit(init) : s.simpleRnn(a);
      default -> s -> either ? s.defaultInit(init) : s.defaultBias(init);
    };
  }

  /** Mostly small valid sizes, sometimes 0, negative or huge. */
  private static int integer(SplittableRandom random) {
    return switch (random.nextInt(12)) {
      case 0 -> 0;
      case 1 -> -1 - random.nextInt(5);
      case 2 -> Integer.MAX_VALUE;
      case 3 -> 200_000;
      case 4 -> Integer.MIN_VALUE;
      default -> 1 + random.nextInt(8);
    };
  }

  /** Mostly a rate in [0, 1), sometimes NaN, an infinity, -0.0, 1 or a large number. */
  private static double real(SplittableRandom random) {
    return switch (random.nextInt(12)) {
      case 0 -> Double.NaN;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> Double.NEGATIVE_INFINITY;
      case 3 -> -0.0;
      case 4 -> 1.0;
      case 5 -> 1e300;
      case 6 -> -random.nextDouble();
      default -> random.nextDouble();
    };
  }

  // ------------------------------------------------------------------ text

  private static String validText(SpecGenerator generator) {
    while (true) {
      try {
        return generator.next().toString();
      } catch (SpecException e) {
        // a candidate that breaks a rule on purpose: take the next
      }
    }
  }

  /** {@code text} with one to three random edits. */
  private static String mutate(SplittableRandom random, String text, SplittableRandom r) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
      switch (random.nextInt(8)) {
        case 0 -> {
          if (at < out.length()) {
            out.deleteCharAt(at);
          }
        }
        case 1 -> out.insert(at, ODD.charAt(r.nextInt(ODD.length())));
        case 2 -> out.insert(at, "().,".charAt(r.nextInt(4)));
        case 3 -> {
          if (at + 1 < out.length()) {
            char first = out.charAt(at);
            out.setCharAt(at, out.charAt(at + 1));
            out.setCharAt(at + 1, first);
          }
        }
        case 4 -> out.insert(at, NUMBERS[r.nextInt(NUMBERS.length)]);
        case 5 -> out.insert(at, WORDS[r.nextInt(WORDS.length)]);
        case 6 -> out.insert(at, "normal(".repeat(1 + r.nextInt(200)));
        default -> out.setLength(at);
      }
    }
    return out.toString();
  }

  /** Tokens strung together at random, mostly not a spec. */
  private static String soup(SplittableRandom random) {
    List<String> tokens = new ArrayList<>();
    int n = random.nextInt(20);
    for (int i = 0; i < n; i++) {
      tokens.add(switch (random.nextInt(5)) {
        case 0 -> WORDS[random.nextInt(WORDS.length)];
        case 1 -> NUMBERS[random.nextInt(NUMBERS.length)];
        case 2 -> String.valueOf("().,".charAt(random.nextInt(4)));
        case 3 -> String.valueOf(ODD.charAt(random.nextInt(ODD.length())));
        default -> " ";
      });
    }
    return String.join("", tokens);
  }
}
