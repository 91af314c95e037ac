package dev.primer.dsl.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.spec.NetSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * parse(print(x)) equals x, and print(parse(print(x))) equals print(x), over generated specs.
 *
 * <p>The one spec without a text form is {@code Net.empty()}: it prints as the empty string,
 * which {@code parse} rejects ("the spec is empty"); the generator never returns it.
 */
class RoundTripTest {

  private static final long SEED = 0x5EED_2024L;
  private static final int SPECS = 2_000;

  @Test
  void generatedSpecsReadBackEqual() {
    SpecGenerator generator = new SpecGenerator(SEED);
    List<NetSpec> accepted = new ArrayList<>();
    int candidates = 0;
    int rejected = 0;
    while (accepted.size() < SPECS) {
      candidates++;
      NetSpec spec;
      try {
        spec = generator.next();
      } catch (SpecException e) {
        rejected++; // a rule broken on purpose: skipped; any other exception fails the test
        continue;
      }
      generator.accept();
      accepted.add(spec);
      assertRoundTrip(spec, accepted.size() % 5 == 0);
    }
    assertThat((double) accepted.size() / candidates).as("share of valid candidates")
        .isGreaterThan(0.5);
    assertThat(rejected).as("candidates that break a rule").isGreaterThan(50);
    assertThat(generator.rejectedInitArguments).as("invalid initializer arguments tried")
        .isGreaterThan(50);
    assertThat(generator.covered).containsAll(SpecGenerator.expectedCoverage());
    assertThat(accepted.stream().filter(s -> s.input().isPresent()).count()).isGreaterThan(500);
    assertThat(accepted.stream().filter(s -> s.input().isEmpty()).count()).isGreaterThan(200);
    assertThat(accepted.stream().mapToInt(s -> s.layers().size()).sum()).isGreaterThan(5_000);
    assertThat(accepted.stream().map(NetSpec::toString).distinct().count())
        .isGreaterThan(SPECS * 9 / 10);
  }

  /** Every spec reads back; every fifth also in other layouts and to the same resolution. */
  private static void assertRoundTrip(NetSpec spec, boolean thorough) {
    String text = spec.toString();
    NetSpec parsed = Net.parse(text);
    assertThat(parsed).as(text).isEqualTo(spec).hasSameHashCodeAs(spec);
    assertThat(parsed.toString()).isEqualTo(text);
    if (!thorough) {
      return;
    }
    assertThat(Net.parse("Net." + text)).as(text).isEqualTo(spec);
    String spaced = text.replace("(", "( ").replace(",", " ,\n ").replace(")", " )")
        .replace(").", ")\n    .");
    assertThat(Net.parse(spaced)).as(spaced).isEqualTo(spec);
    if (spec.input().isPresent()) {
      assertThat(parsed.resolve()).as(text).isEqualTo(spec.resolve());
      assertThat(parsed.summary()).isEqualTo(spec.summary());
    }
  }

  @Test
  void theSameSeedGeneratesTheSameSpecs() {
    SpecGenerator a = new SpecGenerator(SEED);
    SpecGenerator b = new SpecGenerator(SEED);
    for (int i = 0; i < 200; i++) {
      String first;
      String second;
      try {
        first = a.next().toString();
      } catch (SpecException e) {
        first = "rejected: " + e.getMessage();
      }
      try {
        second = b.next().toString();
      } catch (SpecException e) {
        second = "rejected: " + e.getMessage();
      }
      assertThat(first).isEqualTo(second);
    }
  }

  @Test
  void handWrittenEdgeCases() {
    for (String text : List.of(
        "input(784)",
        "defaultInit(he_normal)",
        "defaultBias(constant(-0.0))",
        "dense(1).leakyRelu(-0.0).init(identity(-0.0)).bias(constant(4.9E-324))",
        "input(3).dropout(-0.0).batchNorm(-0.0,4.9E-324)",
        "input(3).dense(2).init(uniform(-1.7976931348623157E308,1.7976931348623157E308))",
        "input(3).dense(2).init(normal(1.0E15,999999999999999))",
        "input(5,3).lstm(4,sequences).elu(1.7976931348623157E308)"
            + ".recurrentInit(orthogonal(1.0E-300))",
        "input(8,8,1).conv2d(2,3,1,same).init(delta_orthogonal(2)).bias(truncated_normal(-3,0.5))",
        "conv2d(2,3,2).linear().maxPool2d(2,1,same).avgPool2d(3).reshape(7,1).gru(1)")) {
      assertThat(Net.parse(text)).as(text).hasToString(text);
    }
  }

  @Test
  void generatedInitializersReadBackAlone() {
    SpecGenerator generator = new SpecGenerator(SEED + 1);
    for (int i = 0; i < 2_000; i++) {
      Init init = generator.randomInit(Role.KERNEL, 2);
      String text = InitNames.text(init);
      assertThat(Net.parseInit(text)).as(text).isEqualTo(init);
    }
  }
}
