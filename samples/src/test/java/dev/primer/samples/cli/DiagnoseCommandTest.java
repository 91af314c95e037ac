package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code primer diagnose} as a user runs it: the table, the JSON, and each error's exact line. */
class DiagnoseCommandTest {

  /** Exit code, standard output and standard error of one command line. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new CommandLine(new Main())
        .setExecutionExceptionHandler(new ErrorReporter())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static final String MLP = "input(784).dense(64).relu().dense(64).relu().dense(10).softmax()";

  @Test
  void theTableHasOneRowPerLayerAndSaysWhichProbe() {
    Run r = run("diagnose", "--net", MLP, "--batch", "64");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("probe: 64 MNIST training images with their labels (the default"
        + " for a net taking 784 values)");
    List<String> rows = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      if (line.matches("\\d+\\s+dense_\\d.*")) {
        rows.add(line);
      }
    }
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).startsWith("0  dense_0  relu()").endsWith("ok");
    assertThat(r.out()).contains("all 3 layers ok");
  }

  @Test
  void jsonParsesBackAndHoldsTheVerdicts() throws Exception {
    Run r = run("diagnose", "--net", "input(32).dense(32).relu().dense(32).relu().dense(4)"
        + ".softmax()", "--scheme", "zeros", "--batch", "16", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("format").asText()).isEqualTo("primer-diagnose/1");
    assertThat(root.get("scheme").asText()).isEqualTo("zeros");
    assertThat(root.get("probe").get("kind").asText()).isEqualTo("normal");
    assertThat(root.get("probe").get("chosen_by").asText()).isEqualTo("default");
    assertThat(root.get("ok").asBoolean()).isFalse();
    JsonNode layers = root.get("layers");
    assertThat(layers).hasSize(3);
    JsonNode first = layers.get(0);
    assertThat(first.get("identical_units").asInt()).isEqualTo(31);
    assertThat(first.get("saturated_fraction").isNull()).isTrue();
    List<String> kinds = new ArrayList<>();
    first.get("verdicts").forEach(v -> kinds.add(v.get("kind").asText()));
    assertThat(kinds).containsExactly("vanishing", "dead", "symmetric");
    JsonNode symmetric = first.get("verdicts").get(2);
    assertThat(symmetric.get("measure").asText()).isEqualTo("identical_units");
    assertThat(symmetric.get("value").asDouble()).isEqualTo(31);
    assertThat(symmetric.get("threshold").asDouble()).isEqualTo(1);
    assertThat(root.get("summary").get(0).asText()).startsWith("3 of 3 layers vanishing");
  }

  @Test
  void badInputsGetOneLine() {
    assertThat(run("diagnose", "--net", MLP, "--batch", "0").err())
        .isEqualTo("primer diagnose: error: --batch must be >= 1, got 0\n");
    assertThat(run("diagnose", "--net", "dense(10).softmax()", "--probe", "normal").err())
        .isEqualTo("primer diagnose: error: --probe normal needs the net's input shape: start"
            + " the spec with input(...)\n");
    assertThat(run("diagnose", "--net", "input(100).dense(10)", "--probe", "mnist").err())
        .isEqualTo("primer diagnose: error: --probe mnist: the net takes [100] (100 values) but"
            + " the images have 28x28 = 784 pixels; use --probe normal\n");
    Run wrongClasses = run("diagnose", "--net", "input(784).dense(5).softmax()");
    assertThat(wrongClasses.code()).isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(wrongClasses.err()).isEqualTo("primer diagnose: error: the MNIST probe (the default"
        + " for 784 inputs): the net outputs [5] (5 values) but MNIST has 10 classes; end it with"
        + " dense(10) or use --probe normal\n");
    assertThat(run("diagnose", "--net", MLP, "--probe", "uniform").err())
        .startsWith("Invalid value for option '--probe': 'uniform' is not a probe; allowed:"
            + " mnist, normal\n");
  }
}
