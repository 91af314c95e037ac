package dev.primer.dsl.bench;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;

/**
 * Times reading and building nets of many layers: the figures in BENCHMARKS.md ("Long specs").
 * Not a test; run it by hand after {@code mvn -B -o -q -pl dsl test-compile}:
 * <pre>
 *   java -cp dsl/target/classes:dsl/target/test-classes \
 *       dev.primer.dsl.bench.SpecSizeBenchmark 10000 100000
 * </pre>
 * Each net alternates {@code dense(4).relu()} and {@code dropout(0.1)}; "parse" reads its text,
 * "chain" builds it with the Java chain from {@code Net.input(4)}, checked at every step.
 * A size written {@code 100000:parse} times the parse only.
 */
public final class SpecSizeBenchmark {
  private SpecSizeBenchmark() {
    throw new AssertionError("no instances");
  }

  public static void main(String[] args) {
    for (String arg : args) {
      boolean chain = !arg.endsWith(":parse");
      int layers = Integer.parseInt(arg.replace(":parse", ""));
      StringBuilder text = new StringBuilder("input(4)");
      for (int i = 0; i < layers; i++) {
        text.append(i % 2 == 0 ? ".dense(4).relu()" : ".dropout(0.1)");
      }
      long start = System.nanoTime();
      NetSpec parsed = Net.parse(text.toString());
      long parsedAt = System.nanoTime();
      NetSpec built = Net.input(4);
      for (int i = 0; chain && i < layers; i++) {
        built = i % 2 == 0 ? built.dense(4).relu() : built.dropout(0.1);
      }
      long builtAt = System.nanoTime();
      System.out.printf("%,d layers: parse %.2f s", layers, (parsedAt - start) / 1e9);
      System.out.printf(chain ? ", chain %.2f s, equal %b%n" : "%n", (builtAt - parsedAt) / 1e9,
          parsed.equals(built));
    }
  }
}
