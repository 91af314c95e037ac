package dev.primer.dsl.init;

import static dev.primer.dsl.init.Inits.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import org.junit.jupiter.api.Test;

/** {@code from(path, array)}: its Java and text forms, quoting, and its errors. */
class PretrainedTest {

  @Test
  void javaAndTextFormAreTheSameSpec() {
    NetSpec java = Net.input(784).dense(256).relu()
        .init(from("base/weights.npz", "dense_0/kernel"))
        .bias(from("base/weights.npz", "dense_0/bias")).frozen().dense(10).softmax();
    String text = "input(784).dense(256).relu().init(from(\"base/weights.npz\",\"dense_0/kernel\"))"
        + ".bias(from(\"base/weights.npz\",\"dense_0/bias\")).frozen().dense(10).softmax()";
    assertThat(java.toString()).isEqualTo(text);
    assertThat(Net.parse(text)).isEqualTo(java);
    assertThat(Net.parse(text.replace(",\"", ", \""))).isEqualTo(java);
    assertThat(Net.parseInit("from(\"a.npz\", \"dense_1/kernel\")"))
        .isEqualTo(new Pretrained("a.npz", "dense_1/kernel"));
  }

  @Test
  void quotesAndBackslashesAreEscapedAndReadBack() {
    Pretrained odd = from("C:\\nets\\say \"hi\".npz", "x\\");
    String written = InitNames.text(odd);
    assertThat(written).isEqualTo("from(\"C:\\\\nets\\\\say \\\"hi\\\".npz\",\"x\\\\\")");
    assertThat(Net.parseInit(written)).isEqualTo(odd);
  }

  @Test
  void fitsEveryParameterAndIsLabelledByItsNames() {
    assertThat(from("w.npz", "k").misfit(Role.BIAS, 1)).isEmpty();
    assertThat(from("w.npz", "k").misfit(Role.KERNEL, 4)).isEmpty();
    String summary = Net.input(3).dense(2).init(from("w.npz", "dense_0/kernel")).summary();
    assertThat(summary).contains("from(\"w.npz\",\"dense_0/kernel\")");
  }

  @Test
  void clearErrors() {
    assertThatThrownBy(() -> from(" ", "k")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("from: the file name must not be blank, got \" \"");
    assertThatThrownBy(() -> from("w.npz", "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("from: the array name must not be blank, got \"\"");
    assertThatThrownBy(() -> Net.parseInit("from(w, k)"))
        .hasMessage("column 1: from: argument 1 must be a quoted text such as"
            + " \"base/weights.npz\", got 'w'");
    assertThatThrownBy(() -> Net.parseInit("from(\"w.npz\")"))
        .hasMessageContaining("from takes 2 arguments: from(path,array), got 1");
    assertThatThrownBy(() -> Net.parse("input(3).dense(2).init(from(\"w.npz\" \"k\"))"))
        .hasMessage("column 37: expected ',' or ')', got \"k\"");
    assertThatThrownBy(() -> Net.parse("input(3).dense(2).init(from(\"w.npz\",\"k))"))
        .hasMessage("column 37: the quoted text that starts here has no closing '\"'");
    assertThatThrownBy(() -> Net.parseInit("from(\"C:\\nets\",\"k\")"))
        .hasMessage("column 9: only \\\" and \\\\ are escapes in a quoted text;"
            + " write a backslash as \\\\");
    assertThatThrownBy(() -> Net.parse("input(3).dense(\"2\")"))
        .hasMessageContaining("must be a number, got \"2\"");
  }
}
