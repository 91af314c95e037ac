package dev.primer.dsl.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.layer.Padding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one engine that reads, checks and writes a call's arguments. */
class SignatureTest {

  /** A window: size, stride (default: the size), padding (default valid). */
  record Window(int size, int stride, Padding padding) {}

  private static final Signature<Window> WINDOW = Signature.named("window")
      .required(Param.integer("size"))
      .optional(Param.integer("stride").orArgument(0))
      .optional(Param.choice("padding", Padding.class).or(Padding.VALID))
      .build(v -> new Window(v.integer(0), v.integer(1), v.get(2, Padding.class)),
          Signature.writing(Window.class, w -> List.of(w.size(), w.stride(), w.padding())));

  /** Two numbers given together or not at all. */
  private static final Signature<List<Double>> PAIR = Signature.named("pair")
      .optional(Param.number("a").or(1.0), Param.number("b").or(2.0))
      .build(v -> List.of(v.number(0), v.number(1)), o -> Optional.of(List.of(
          ((List<?>) o).get(0), ((List<?>) o).get(1))));

  @Test
  void readsAndFillsDefaultsFromEarlierArguments() {
    assertThat(WINDOW.parse(List.of(3.0))).isEqualTo(new Window(3, 3, Padding.VALID));
    assertThat(WINDOW.parse(List.of(3.0, 2.0, "SAME"))).isEqualTo(new Window(3, 2, Padding.SAME));
    assertThat(WINDOW.create(List.of(4))).isEqualTo(new Window(4, 4, Padding.VALID));
  }

  @Test
  void writesLeavingOutTrailingDefaultsOnly() {
    assertThat(WINDOW.write(new Window(3, 3, Padding.VALID))).contains("window(3)");
    assertThat(WINDOW.write(new Window(3, 2, Padding.VALID))).contains("window(3,2)");
    assertThat(WINDOW.write(new Window(3, 3, Padding.SAME))).contains("window(3,3,same)");
    assertThat(WINDOW.write("not a window")).isEmpty();
  }

  @Test
  void aGroupIsWrittenWholeOrLeftOut() {
    assertThat(PAIR.write(List.of(1.0, 2.0))).contains("pair()");
    assertThat(PAIR.write(List.of(0.5, 2.0))).contains("pair(0.5,2)");
    assertThat(PAIR.write(List.of(1.0, 3.0))).contains("pair(1,3)");
  }

  @Test
  void usageShowsOptionalGroupsAndChoices() {
    assertThat(WINDOW.usage()).isEqualTo("window(size[,stride[,valid|same]])");
    assertThat(PAIR.usage()).isEqualTo("pair([a,b])");
    assertThat(Signature.named("reshape").rest(Param.integers("dims"))
        .build(v -> v, o -> Optional.empty()).usage()).isEqualTo("reshape(dims...)");
  }

  @Test
  void aWrongCountNamesWhatWouldDo() {
    assertThatThrownBy(() -> WINDOW.read(List.of()))
        .isInstanceOf(ArgumentException.class)
        .hasMessage("window takes 1 to 3 arguments: window(size[,stride[,valid|same]]), got 0")
        .extracting(e -> ((ArgumentException) e).argument()).isEqualTo(-1);
    assertThatThrownBy(() -> PAIR.read(List.of(1.0)))
        .hasMessage("pair takes 0 or 2 arguments: pair([a,b]), got 1");
    assertThatThrownBy(() -> Signature.preset("zero", 0).read(List.of(1.0)))
        .hasMessage("zero takes no arguments, got 1");
  }

  @Test
  void aWrongArgumentIsNamedWithItsIndex() {
    assertThatThrownBy(() -> WINDOW.read(List.of(2.5)))
        .hasMessage("window: argument 1 must be a whole number, got 2.5")
        .extracting(e -> ((ArgumentException) e).argument()).isEqualTo(0);
    assertThatThrownBy(() -> WINDOW.read(List.of("big")))
        .hasMessage("window: argument 1 must be a number, got 'big'");
    assertThatThrownBy(() -> WINDOW.read(List.of(3.0, 1.0, "full")))
        .hasMessage("window: argument 3 must be valid or same, got 'full'")
        .extracting(e -> ((ArgumentException) e).argument()).isEqualTo(2);
  }

  @Test
  void theWriterMayUseFewerFormsThanTheReader() {
    Signature<List<Double>> both = Signature.named("both")
        .optional(Param.number("a").or(1.0)).optional(Param.number("b").or(2.0))
        .writtenWith(0, 2)
        .build(v -> List.of(v.number(0), v.number(1)), o -> Optional.of(List.of(
            ((List<?>) o).get(0), ((List<?>) o).get(1))));
    assertThat(both.parse(List.of(5.0))).containsExactly(5.0, 2.0);
    assertThat(both.write(List.of(5.0, 2.0))).contains("both(5,2)");
    assertThat(both.write(List.of(1.0, 2.0))).contains("both()");
  }
}
